#include "gui/monkey.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/app_state.hpp"
#include "app/session_bridge.hpp"
#include "session/session_json.hpp"
#include "support/described_settings.hpp"

namespace actviz::testing {
namespace {

using nlohmann::json;

std::string joined(const std::vector<std::string>& path) {
    std::string text;
    for (const std::string& key : path) text += (text.empty() ? "" : ".") + key;
    return text;
}

// Every node at `path` below `node`: a numeric key on an array stands for each of its elements
// (the gradient-flow curves are described once, as curve 0).
void nodes_at(const json& node, const std::vector<std::string>& path, std::size_t depth, std::vector<const json*>& found) {
    if (depth == path.size()) {
        found.push_back(&node);
        return;
    }
    const std::string& key = path[depth];
    if (node.is_array() && !key.empty() && std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        for (const json& element : node) nodes_at(element, path, depth + 1, found);
    } else if (node.is_object() && node.contains(key)) {
        nodes_at(node.at(key), path, depth + 1, found);
    }
}

void find_non_finite(const json& node, const std::string& where, std::vector<std::string>& faults) {
    if (node.is_number_float() && !std::isfinite(node.get<double>())) {
        faults.push_back(where + " is not finite in the session");
    } else if (node.is_object()) {
        for (const auto& [key, value] : node.items()) find_non_finite(value, where + "." + key, faults);
    } else if (node.is_array()) {
        for (std::size_t i = 0; i < node.size(); ++i) find_non_finite(node[i], where + "." + std::to_string(i), faults);
    }
}

// Nasty values typed into a slider after Ctrl+click: overflow, NaN, negative zero, expressions
// ImGui evaluates against the current value, and a string far longer than any text box.
std::vector<std::string> typed_values() {
    return {"1e308", "*1e309", "-0", "nan", "-nan", "inf", "-inf", "-1e308", "1e-320", "+1e309", "/0", "*0", "-",
            "0x1p1024", "2147483648", "-2147483649", "1e", ".", "", std::string(10000, '9'), std::string(10000, 'x')};
}

}  // namespace

std::vector<std::string> check_app_state(const app::AppState& state) {
    std::vector<std::string> faults;
    const std::string text = session::to_json_text(app::capture_session(state));
    const session::ParseResult back = session::from_json_text(text);
    if (!back.loaded) faults.push_back("the session does not read back: " + back.error);
    const json document = json::parse(text, nullptr, false);
    if (document.is_discarded()) {
        faults.push_back("the session is not JSON");
        return faults;
    }
    find_non_finite(document, "session", faults);
    for (const DescribedSetting& setting : described_settings()) {
        std::vector<const json*> values;
        nodes_at(document, setting.path, 0, values);
        if (values.empty()) faults.push_back(joined(setting.path) + " is missing from the session");
        for (const json* value : values) {
            if (value->is_null()) {
                faults.push_back(joined(setting.path) + " is NaN or infinite (written as null)");
                continue;
            }
            if (!value->is_number()) {
                faults.push_back(joined(setting.path) + " is not a number: " + value->dump());
                continue;
            }
            const double v = value->get<double>();
            if (!(v >= setting.min && v <= setting.max) || (setting.integer && v != std::floor(v))) {
                std::ostringstream out;
                out << joined(setting.path) << " = " << value->dump() << " is outside its range [" << setting.min << ", "
                    << setting.max << "]";
                faults.push_back(out.str());
            }
        }
    }
    if (state.maximised_panel < -1 || state.maximised_panel >= app::kPanelCount) {
        faults.push_back("the page is " + std::to_string(state.maximised_panel));
    }
    return faults;
}

Monkey::Monkey(MonkeyOptions options)
    : options_(std::move(options)), rng_(options_.seed), frames_per_page_(app::kPanelCount + 1, 0) {}

int Monkey::uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
bool Monkey::chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }

void Monkey::log(std::string event) {
    ++events_;
    last_events_.push_back("frame " + std::to_string(frames_) + ": " + std::move(event));
    if (last_events_.size() > 50) last_events_.pop_front();
}

void Monkey::fault(std::string what) {
    if (faults_.empty()) events_before_first_fault_ = last_events_;  // the report shows what led to it
    if (faults_.size() < 20) faults_.push_back("frame " + std::to_string(frames_) + ": " + std::move(what));
}

std::string Monkey::report() const {
    std::ostringstream out;
    out << "monkey seed " << options_.seed << " (replay: ACTVIZ_MONKEY_SEED=" << options_.seed << "), " << frames_
        << " frames, " << events_ << " events, typed into a text box " << typed_into_text_box_ << " times, "
        << saves_reopened_ << " saves reopened, " << resizes_ << " resizes\n";
    for (const std::string& f : faults_) out << "  fault: " << f << "\n";
    const auto& events = faults_.empty() ? last_events_ : events_before_first_fault_;
    out << "  the last " << events.size() << " events" << (faults_.empty() ? "" : " before the first fault") << ":\n";
    for (const std::string& e : events) out << "    " << e << "\n";
    return out.str();
}

void Monkey::check(const app::AppState& state, int frame) {
    const auto now = std::chrono::steady_clock::now();
    if (timing_ && frame > 0) {  // not across a relaunch
        const double seconds = std::chrono::duration<double>(now - frame_start_).count();
        if (seconds > options_.frame_bound_s) fault("a frame took " + std::to_string(seconds) + " s");
    }
    if (frame == 0) return;  // nothing drawn yet in this run
    for (std::string& f : check_app_state(state)) fault(std::move(f));
    const bool one_page = state.maximised_panel >= 0 && state.panel_visible[static_cast<std::size_t>(state.maximised_panel)];
    ++frames_per_page_[static_cast<std::size_t>(one_page ? state.maximised_panel : app::kPanelCount)];
}

void Monkey::release_transient_input() {
    ImGuiIO& io = ImGui::GetIO();
    if (key_held_ >= 0) io.KeysDown[key_held_] = false;
    key_held_ = -1;
    io.KeysDown[GLFW_KEY_LEFT_CONTROL] = false;
    io.KeyCtrl = false;
}

// Where the panels keep their sliders: the controls column along each shown panel's left side
// (Gradient flow, Classifier and Bake-off; the Activations picker and toolbar have some too).
Monkey::Point Monkey::control_point(const app::AppState& state) {
    std::vector<std::size_t> shown;
    for (std::size_t i = 0; i < state.panel_rects.size(); ++i) {
        if (state.panel_rects[i][2] > 0) shown.push_back(i);
    }
    if (shown.empty()) return random_point(state);
    const auto& r = state.panel_rects[shown[static_cast<std::size_t>(uniform(0, static_cast<int>(shown.size()) - 1))]];
    const float font = ImGui::GetFontSize();
    auto within = [this](float lo, float size) { return lo + std::uniform_real_distribution<float>(0, std::max(size, 1.0f))(rng_); };
    return {within(r[0] + 0.5f * font, std::min(r[2], 10 * font)), within(r[1], r[3])};
}

Monkey::Point Monkey::random_point(const app::AppState& state) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    auto within = [this](float lo, float size) {
        return lo + std::uniform_real_distribution<float>(0, std::max(size, 1.0f))(rng_);
    };
    const int where = uniform(0, 99);
    if (where < 3) return {within(-50, display.x + 100), within(-50, display.y + 100)};  // outside too
    if (where < 18) return {within(0, display.x), within(0, ImGui::GetFrameHeight() + 2)};  // the menu bar
    if (where < 70) {
        std::vector<std::size_t> shown;
        for (std::size_t i = 0; i < state.panel_rects.size(); ++i) {
            if (state.panel_rects[i][2] > 0) shown.push_back(i);
        }
        if (!shown.empty()) {
            const auto& r = state.panel_rects[shown[static_cast<std::size_t>(uniform(0, static_cast<int>(shown.size()) - 1))]];
            return {within(r[0], r[2]), within(r[1], r[3])};
        }
    }
    return {within(0, display.x), within(0, display.y)};
}

void Monkey::plan_click(Point p, bool ctrl) {
    steps_.push_back([this, p](app::AppState&, GLFWwindow*) { mouse_ = {p.x, p.y}; });
    steps_.push_back([this, p, ctrl](app::AppState&, GLFWwindow*) {
        log(std::string(ctrl ? "Ctrl+click" : "click") + " at (" + std::to_string(int(p.x)) + ", " + std::to_string(int(p.y)) + ")");
        ImGuiIO& io = ImGui::GetIO();
        io.KeyCtrl = ctrl;
        io.KeysDown[GLFW_KEY_LEFT_CONTROL] = ctrl;
        mouse_down_ = true;
    });
    steps_.push_back([this](app::AppState&, GLFWwindow*) { mouse_down_ = false; });
}

void Monkey::plan_drag(Point from, Point to, int frames) {
    steps_.push_back([this, from](app::AppState&, GLFWwindow*) { mouse_ = from; });
    steps_.push_back([this, from, to](app::AppState&, GLFWwindow*) {
        log("drag from (" + std::to_string(int(from.x)) + ", " + std::to_string(int(from.y)) + ") to (" +
            std::to_string(int(to.x)) + ", " + std::to_string(int(to.y)) + ")");
        mouse_down_ = true;
    });
    for (int i = 1; i <= frames; ++i) {
        const float t = static_cast<float>(i) / static_cast<float>(frames);
        steps_.push_back([this, from, to, t](app::AppState&, GLFWwindow*) {
            mouse_ = {from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t};
        });
    }
    steps_.push_back([this](app::AppState&, GLFWwindow*) { mouse_down_ = false; });
}

void Monkey::plan_key(int key, bool ctrl) {
    steps_.push_back([this, key, ctrl](app::AppState&, GLFWwindow*) {
        const char* name = glfwGetKeyName(key, 0);
        log(std::string(ctrl ? "Ctrl+" : "") + "key " + (name ? name : std::to_string(key)));
        ImGuiIO& io = ImGui::GetIO();
        io.KeysDown[key] = true;
        io.KeyCtrl = ctrl;
        io.KeysDown[GLFW_KEY_LEFT_CONTROL] = ctrl;
        key_held_ = key;
    });
}

// Ctrl+click (a slider turns into a text box), select all, type a value, Enter. It points at
// something first and tries again elsewhere when no text box opened (up to twelve tries, one a
// frame): a Ctrl+click on empty space or a button tests little.
void Monkey::plan_typed_value(const app::AppState& state) {
    const std::vector<std::string> values = typed_values();
    std::string text = values[static_cast<std::size_t>(uniform(0, static_cast<int>(values.size()) - 1))];
    if (chance(0.2)) text = std::to_string(std::uniform_real_distribution<double>(-1e3, 1e3)(rng_));
    const Point first = chance(0.75) ? control_point(state) : random_point(state);
    steps_.push_back([this, first](app::AppState&, GLFWwindow*) { mouse_ = first; });
    steps_.push_back(point_then_type(std::move(text), 12));
}

Monkey::Step Monkey::point_then_type(std::string text, int tries) {
    return [this, text = std::move(text), tries](app::AppState& state, GLFWwindow*) {
        if (!ImGui::IsAnyItemHovered() && tries > 0) {  // the last frame's hover, under mouse_
            mouse_ = chance(0.75) ? control_point(state) : random_point(state);
            steps_.push_front(point_then_type(text, tries - 1));
            return;
        }
        in_front([&] {
            plan_click(mouse_, true);
            plan_key(GLFW_KEY_A, true);
            steps_.push_back([this, text, tries](app::AppState& now, GLFWwindow*) {
                ImGuiIO& io = ImGui::GetIO();
                if (!io.WantTextInput && tries > 0) {  // a button or a plot, not a slider: point elsewhere
                    mouse_ = chance(0.75) ? control_point(now) : random_point(now);
                    steps_.push_front(point_then_type(text, tries - 1));
                    return;
                }
                if (io.WantTextInput) ++typed_into_text_box_;
                log("type \"" + (text.size() > 20 ? text.substr(0, 12) + "…\" (" + std::to_string(text.size()) + " characters)" : text + "\"") +
                    (io.WantTextInput ? " into a text box" : ""));
                io.AddInputCharactersUTF8(text.c_str());
                in_front([&] { plan_key(chance(0.85) ? GLFW_KEY_ENTER : GLFW_KEY_ESCAPE, false); });
            });
        });
    };
}

// Runs `plan` so that the steps it adds come before those already planned.
void Monkey::in_front(const std::function<void()>& plan) {
    std::deque<Step> later;
    later.swap(steps_);
    plan();
    steps_.insert(steps_.end(), later.begin(), later.end());
}

// To 1×1 or another size for a few frames, then back to the size the run started with.
void Monkey::plan_resize() {
    const bool tiny = chance(0.5);
    const int w = tiny ? 1 : uniform(40, options_.width + 200), h = tiny ? 1 : uniform(30, options_.height + 100);
    steps_.push_back([this, w, h](app::AppState&, GLFWwindow* window) {
        log("resize to " + std::to_string(w) + "×" + std::to_string(h));
        ++resizes_;
        glfwSetWindowSize(window, w, h);
    });
    const int frames = uniform(2, 6);
    for (int i = 0; i < frames; ++i) steps_.push_back([](app::AppState&, GLFWwindow*) {});
    steps_.push_back([this](app::AppState&, GLFWwindow* window) {
        log("resize back to " + std::to_string(options_.width) + "×" + std::to_string(options_.height));
        glfwSetWindowSize(window, options_.width, options_.height);
    });
}

// File > Save as, then File > Open of the same file (as the menu runs them): both succeed and
// the reopened session is the one saved.
void Monkey::plan_save_and_reopen() {
    steps_.push_back([this](app::AppState& state, GLFWwindow*) {
        log("save the session and reopen it");
        const std::string path = (options_.scratch / "monkey-session.json").string();
        const std::string before = session::to_json_text(app::capture_session(state));
        if (!app::save_session(state, path)) return fault("saving the session failed: " + state.status.message);
        if (!app::open_session(state, path)) return fault("reopening the saved session failed: " + state.status.message);
        const std::string after = session::to_json_text(app::capture_session(state));
        if (after != before) fault("the reopened session differs from the one saved");
        ++saves_reopened_;
    });
}

void Monkey::plan_next_action(const app::AppState& state) {
    // Scheduled, so every run of a few hundred frames visits every page, saves and resizes.
    if (frames_ >= next_page_switch_) {
        next_page_switch_ += 60;
        const int page = page_cycle_++ % (app::kPanelCount + 1);  // Ctrl+1…5, then Ctrl+0
        return plan_key(page < app::kPanelCount ? GLFW_KEY_1 + page : GLFW_KEY_0, true);
    }
    if (frames_ >= next_save_) {
        next_save_ += 250;
        return plan_save_and_reopen();
    }
    if (frames_ >= next_resize_) {
        next_resize_ += 330;
        return plan_resize();
    }
    const int roll = uniform(0, 99);
    if (roll < 14) {
        const Point p = random_point(state);
        steps_.push_back([this, p](app::AppState&, GLFWwindow*) {
            log("move to (" + std::to_string(int(p.x)) + ", " + std::to_string(int(p.y)) + ")");
            mouse_ = p;
        });
    } else if (roll < 34) {
        plan_click(random_point(state), false);
    } else if (roll < 38) {
        const Point p = random_point(state);
        plan_click(p, false);
        plan_click(p, false);
    } else if (roll < 53) {
        const Point from = random_point(state);
        const Point to{from.x + static_cast<float>(uniform(-300, 300)), from.y + static_cast<float>(uniform(-120, 120))};
        plan_drag(from, to, uniform(2, 10));
    } else if (roll < 62) {
        const Point p = random_point(state);
        const float clicks = static_cast<float>(uniform(-3, 3));
        steps_.push_back([this, p, clicks](app::AppState&, GLFWwindow*) {
            log("wheel " + std::to_string(int(clicks)) + " at (" + std::to_string(int(p.x)) + ", " + std::to_string(int(p.y)) + ")");
            mouse_ = p;
            ImGui::GetIO().MouseWheel += clicks;
        });
    } else if (roll < 70) {
        constexpr int kKeys[] = {GLFW_KEY_SPACE, GLFW_KEY_S,     GLFW_KEY_R,     GLFW_KEY_F1,   GLFW_KEY_ESCAPE,
                                 GLFW_KEY_ENTER, GLFW_KEY_TAB,   GLFW_KEY_LEFT,  GLFW_KEY_RIGHT, GLFW_KEY_UP,
                                 GLFW_KEY_DOWN,  GLFW_KEY_DELETE, GLFW_KEY_BACKSPACE, GLFW_KEY_HOME, GLFW_KEY_END};
        plan_key(kKeys[uniform(0, static_cast<int>(std::size(kKeys)) - 1)], false);
    } else if (roll < 77) {
        // Ctrl+Q is left out: the menu's Quit is clicked now and then, and the test relaunches.
        constexpr int kShortcuts[] = {GLFW_KEY_1, GLFW_KEY_2, GLFW_KEY_3, GLFW_KEY_4, GLFW_KEY_5, GLFW_KEY_0, GLFW_KEY_S, GLFW_KEY_O};
        plan_key(kShortcuts[uniform(0, static_cast<int>(std::size(kShortcuts)) - 1)], true);
    } else if (roll < 92) {
        plan_typed_value(state);
    } else if (roll < 93) {
        plan_resize();
    } else if (roll < 94) {
        plan_save_and_reopen();
    } else {
        const int idle = uniform(1, 8);
        for (int i = 0; i < idle; ++i) steps_.push_back([](app::AppState&, GLFWwindow*) {});
    }
}

void Monkey::before_frame(app::AppState& state, GLFWwindow* window, int frame) {
    check(state, frame);
    if (frame == 0) {  // a new run (a fresh ImGui context): nothing is held
        steps_.clear();
        mouse_down_ = false;
        key_held_ = -1;
    }
    release_transient_input();
    if (steps_.empty()) plan_next_action(state);
    if (!steps_.empty()) {
        Step step = std::move(steps_.front());
        steps_.pop_front();
        step(state, window);
    }
    // The backend wrote the real (absent) mouse into ImGuiIO just before: ours replaces it.
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(mouse_.x, mouse_.y);
    io.MouseDown[0] = mouse_down_;
    ++frames_;
    frame_start_ = std::chrono::steady_clock::now();
    timing_ = true;
}

}  // namespace actviz::testing
