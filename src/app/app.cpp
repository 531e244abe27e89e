// [SECTION] GLFW window and error reporting
// [SECTION] ImGui set-up
// [SECTION] One frame: chrome, tiled panels, dialogs
// [SECTION] The frame loop: idle waiting, screenshots, exit

#include "app/app.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/activation_link_ui.hpp"
#include "app/app_state.hpp"
#include "app/chart_export.hpp"
#include "app/chrome.hpp"
#include "app/classifier/classifier_timing.hpp"
#include "app/data_ui.hpp"
#include "app/fonts.hpp"
#include "app/layout.hpp"
#include "app/window_placement.hpp"
#include "app/panel_registry.hpp"
#include "app/export.hpp"
#include "app/file_chooser.hpp"
#include "app/session_bridge.hpp"
#include "app/session_ui.hpp"
#include "app/stats_log.hpp"
#include "app/theme.hpp"
#include "app/zoom.hpp"
#include "gfx/context.hpp"
#include "gfx/screenshot.hpp"
#include "plot/plot.hpp"
#include "files/atomic_file.hpp"

namespace actviz::app {

void notify(StatusLine& status, std::string message) {
    std::fprintf(stderr, "actviz: %s\n", message.c_str());
    status.recent.push_back(message);
    if (status.recent.size() > StatusLine::kRecent) status.recent.pop_front();
    status.message = std::move(message);
    status.time = ImGui::GetCurrentContext() ? ImGui::GetTime() : 0;  // before the window (start-up) too
}

void notify(AppState& state, std::string message) { notify(state.status, std::move(message)); }

LinkedPanels linked_panels(AppState& state) {
    return {state.activations.settings, state.gradflow.settings.simulation, state.classifier.settings.hyper};
}

PanelContext panel_context(AppState& state) {
    return {state.memory_budget, state.fonts, state.times, state.requests, state.status,
            LinkContext{state.activation_link, linked_panels(state)}, state.classifier.live.trainer()};
}

bool panel_on_screen(const AppState& state, int index) {
    return state.panel_visible[static_cast<std::size_t>(index)] && (state.maximised_panel < 0 || state.maximised_panel == index);
}

void show_page(AppState& state, int index) {
    state.maximised_panel = index;
    if (index >= 0) state.panel_visible[static_cast<std::size_t>(index)] = true;
}

namespace {

// [SECTION] GLFW window and error reporting ---------------------------------------------------

std::string g_last_glfw_error;

void remember_glfw_error(int code, const char* description) {
    g_last_glfw_error = description ? description : "GLFW error " + std::to_string(code);
}

void print_no_window(const std::string& why) {
    const char* display = std::getenv("DISPLAY");
    if (!display || !*display) {
        std::fprintf(stderr,
                     "actviz: no display to open a window on (DISPLAY is not set); run it under a virtual display: "
                     "xvfb-run -a actviz --frames 10 --screenshot out.png\n");
    } else {
        std::fprintf(stderr, "actviz: cannot open a window on display '%s': %s\n", display, why.c_str());
    }
}

struct GlfwLibrary {
    bool ok = glfwInit() == GLFW_TRUE;
    ~GlfwLibrary() {
        if (ok) glfwTerminate();
    }
};

struct WindowDeleter {
    void operator()(GLFWwindow* window) const { glfwDestroyWindow(window); }
};
using WindowPtr = std::unique_ptr<GLFWwindow, WindowDeleter>;

WindowPtr open_window(const settings::LaunchOptions& options) {
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);  // shown once the last session has said where it goes
    return WindowPtr(glfwCreateWindow(options.width, options.height, "actviz", nullptr, nullptr));
}

// Ctrl+Q is caught as GLFW delivers it, not when a frame reads ImGui's key state: a frame slower
// than a key press sees the press and its release in one batch of events, and ImGui 1.86 (no input
// queue) then never sees the key down. Closing the window goes through request_quit at the top of
// the next frame, as the close button does. Installed before ImGui's callbacks, which chain to it.
// Every press also goes to the key latch (key_latch.hpp), which keeps a quick tap down for a frame.
void on_key(GLFWwindow* window, int key, int /*scancode*/, int action, int mods) {
    if (key == GLFW_KEY_Q && action == GLFW_PRESS && (mods & GLFW_MOD_CONTROL) != 0) {
        glfwSetWindowShouldClose(window, GLFW_TRUE);
    }
    if (action != GLFW_PRESS) return;
    if (auto* state = static_cast<AppState*>(glfwGetWindowUserPointer(window))) state->key_latch.pressed(key, mods);
}

// Files dropped on the window wait in the state for the next frame (app/data_ui.hpp).
void remember_dropped_files(GLFWwindow* window, int count, const char** paths) {
    if (auto* state = static_cast<AppState*>(glfwGetWindowUserPointer(window))) on_files_dropped(*state, count, paths);
}

// The monitors' work areas, for placing a remembered window.
std::vector<ScreenArea> monitor_areas() {
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    std::vector<ScreenArea> areas;
    for (int i = 0; i < count; ++i) {
        ScreenArea area;
        glfwGetMonitorWorkarea(monitors[i], &area.x, &area.y, &area.width, &area.height);
        if (area.width > 0 && area.height > 0) areas.push_back(area);
    }
    return areas;
}

// Puts the window where the last session left it (window_placement.hpp), then shows it.
void show_window(GLFWwindow* window, const std::optional<session::WindowGeometry>& remembered, bool size_from_flag) {
    WindowPlacement placement;
    if (remembered) placement = place_window(*remembered, monitor_areas(), size_from_flag);
    if (placement.width && placement.height) glfwSetWindowSize(window, *placement.width, *placement.height);
    if (placement.x && placement.y) glfwSetWindowPos(window, *placement.x, *placement.y);
    glfwShowWindow(window);
    if (placement.maximise) glfwMaximizeWindow(window);
}

// Keeps state.window current, once a frame: while maximised (or minimised) the size and place it
// had before, which is what un-maximising returns to.
void track_window(GLFWwindow* window, std::optional<session::WindowGeometry>& geometry) {
    session::WindowGeometry now = geometry.value_or(session::WindowGeometry{});
    now.maximised = glfwGetWindowAttrib(window, GLFW_MAXIMIZED) == GLFW_TRUE;
    if (!now.maximised && glfwGetWindowAttrib(window, GLFW_ICONIFIED) != GLFW_TRUE) {
        glfwGetWindowPos(window, &now.x, &now.y);
        glfwGetWindowSize(window, &now.width, &now.height);
    }
    if (now.width >= session::kMinWindowSize && now.height >= session::kMinWindowSize) geometry = now;
}

// [SECTION] ImGui set-up ----------------------------------------------------------------------

struct ImGuiSession {
    ImGuiSession(GLFWwindow* window, AppState& state) {
        IMGUI_CHECKVERSION();
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;  // the layout is computed from the window size, not remembered
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        build_fonts_and_style(state);
        ImGui_ImplGlfw_InitForOpenGL(window, true);
        ImGui_ImplOpenGL3_Init("#version 330 core");  // uploads the font atlas at the first frame
    }
    ~ImGuiSession() {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
    }
    ImGuiSession(const ImGuiSession&) = delete;
    ImGuiSession& operator=(const ImGuiSession&) = delete;

    // Fonts rasterised at the size the zoom asks for (a scaled bitmap font would blur) and the
    // style's sizes scaled to match.
    static void build_fonts_and_style(AppState& state) {
        ImGui::GetIO().Fonts->Clear();
        state.fonts = load_ui_fonts(std::round(16.0f * state.ui_scale.factor()));
        apply_theme(state.ui_scale.factor());
        state.ui_scale.applied_zoom = state.ui_scale.zoom;
    }
    // Between frames, after View > Zoom changed: the atlas is rebuilt and uploaded again.
    static void follow_zoom(AppState& state) {
        if (state.ui_scale.applied_zoom == state.ui_scale.zoom) return;
        build_fonts_and_style(state);
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
};

// [SECTION] One frame: chrome, tiled panels, dialogs ------------------------------------------

void draw_panels(AppState& state, Rect work_area) {
    const int maximised =
        state.maximised_panel >= 0 && state.panel_visible[state.maximised_panel] ? state.maximised_panel : -1;
    int visible = 0;
    for (bool shown : state.panel_visible) visible += shown ? 1 : 0;
    const std::vector<Rect> rects = tile_panels(work_area, maximised >= 0 ? 1 : visible);
    constexpr ImGuiWindowFlags kTiled = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                        ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                        ImGuiWindowFlags_NoBringToFrontOnFocus;
    // One panel over the whole work area: the frame is cleared to its colour instead (theme.hpp).
    state.panel_fills_window = rects.size() == 1;
    const ImGuiWindowFlags kFlags = kTiled | (state.panel_fills_window ? ImGuiWindowFlags_NoBackground : 0);
    int slot = 0;
    state.panel_rects = {};
    for (int i = 0; i < kPanelCount; ++i) {
        if (!state.panel_visible[i]) continue;
        if (maximised >= 0 && i != maximised) continue;
        const Rect& r = rects[slot++];
        state.panel_rects[i] = {r.x, r.y, r.width, r.height};
        ImGui::SetNextWindowPos(ImVec2(r.x, r.y));
        ImGui::SetNextWindowSize(ImVec2(r.width, r.height));
        if (ImGui::Begin(panel_title(i), &state.panel_visible[i], kFlags)) {
            // Double-clicking the title bar maximises the panel, or restores the tiled layout.
            const ImVec2 title_min = ImGui::GetWindowPos();
            const ImVec2 title_max(title_min.x + ImGui::GetWindowWidth(), title_min.y + ImGui::GetFrameHeight());
            if (ImGui::IsMouseDoubleClicked(0) && ImGui::IsMouseHoveringRect(title_min, title_max, false) &&
                ImGui::IsWindowHovered()) {
                state.maximised_panel = state.maximised_panel == i ? -1 : i;
            }
            PanelContext context = panel_context(state);
            kPanelRegistry[static_cast<std::size_t>(i)].draw(state, context);
        }
        ImGui::End();
    }
    if (visible == 0) {
        ImGui::SetNextWindowPos(ImVec2(work_area.x + work_area.width * 0.5f, work_area.y + work_area.height * 0.5f),
                                ImGuiCond_Always, ImVec2(0.5f, 0.5f));
        ImGui::Begin("##empty", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                             ImGuiWindowFlags_NoSavedSettings);
        ImGui::TextUnformatted("All panels are hidden.");
        if (ImGui::Button("Show all panels")) state.panel_visible.fill(true);
        ImGui::End();
    }
}

void build_frame(AppState& state) {
    handle_shortcuts(state);
    fit_to_catalogue(state);
    // Last frame's edits to a linked activation reach the other panels before any is drawn.
    sync_linked_activations(state.activation_link, linked_panels(state));
    // The Activations page's overlay shows the Classifier's network: before that page has been opened,
    // the network its settings make (at step 0; it trains only on its own page).
    if (state.activations.settings.classifier_overlay && !state.classifier.live.trainer())
        state.classifier.live.sync(state.classifier.settings, state.memory_budget);
    const float menu_height = draw_main_menu(state);
    const float status_height = draw_status_bar(state);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    draw_panels(state, Rect{viewport->Pos.x, viewport->Pos.y + menu_height, viewport->Size.x,
                            viewport->Size.y - menu_height - status_height});
    draw_dialogs(state);
    finish_opening(state);
    draw_file_progress(state);
    poll_chart_rasterising(state);
    state.writes.take_finished(state);
    // Idle frames come often enough to say soon when a write or a 2× PNG's rasteriser is done,
    // without drawing in every frame (which would take the cores from the encoder).
    if (!state.writes.idle() || !state.chart_export.rasterising.empty()) {
        state.requests.wake_within_s = std::min(state.requests.wake_within_s, 0.05);
    }
    if (const int edit = state.requests.edit_formula; edit >= -1) {
        open_formula_editor(state.formula_editor, edit >= 0 ? &activations()[static_cast<std::size_t>(edit)] : nullptr);
    }
    if (const int contestant = state.requests.open_contestant_in_classifier; contestant >= 0) {
        notify(state, open_contestant_in_classifier(state.bakeoff, contestant, state.classifier));
        const int page = panel_index(PanelId::Classifier);
        state.panel_visible[static_cast<std::size_t>(page)] = true;
        if (state.maximised_panel >= 0) state.maximised_panel = page;
    }
}

std::string timestamped_screenshot_name(const WriteQueue& writes) {
    const std::time_t now = std::time(nullptr);
    char name[64];
    std::strftime(name, sizeof name, "actviz-%Y%m%d-%H%M%S.png", std::localtime(&now));
    // F12 twice in one second: "-2" rather than overwriting, also while the first is being written.
    return files::first_free_name(name, [&](const std::string& path) { return writes.reserved(path); });
}

// The window's framebuffer (or the rectangle x, y, width, height of it, in framebuffer pixels, y
// from the top) read now, after rendering, and written as a PNG beside the frame.
void save_screenshot(AppState& state, int fb_width, int fb_height, const std::array<int, 4>& rect,
                     const std::string& path, const std::string& what) {
    std::optional<gfx::FramebufferPixels> pixels = gfx::read_framebuffer_region(fb_width, fb_height, rect[0], rect[1], rect[2], rect[3]);
    if (!pixels) {
        notify(state, what + " not saved (" + shown_path(path) + "): the window has no area to capture");
        return;
    }
    write_png_beside(state, std::move(*pixels), path, what);
}

}  // namespace

// [SECTION] The frame loop: idle waiting, screenshots, exit -----------------------------------

int run(const settings::LaunchOptions& options, const FrameHook& before_each_frame) {
    // --panel and --preset: the page to show, and one of that panel's presets to apply.
    const std::optional<PanelId> start_panel = find_panel(options.panel);
    if (!options.preset.empty() && (!start_panel || !has_preset(*start_panel, options.preset))) {
        std::string ids;
        for (std::string_view id : preset_ids(start_panel.value_or(PanelId::Classifier))) {
            ids += (ids.empty() ? "" : ", ") + std::string(id);
        }
        std::fprintf(stderr, "actviz: --preset expects one of %s, got '%s'\n", ids.c_str(), options.preset.c_str());
        return 2;
    }
    glfwSetErrorCallback(remember_glfw_error);
    GlfwLibrary glfw;
    if (!glfw.ok) {
        print_no_window(g_last_glfw_error);
        return 1;
    }
    WindowPtr window = open_window(options);
    if (!window) {
        print_no_window(g_last_glfw_error.empty() ? "no OpenGL 3.3 core context" : g_last_glfw_error);
        return 1;
    }
    glfwMakeContextCurrent(window.get());
    std::string error;
    if (!gfx::load_gl(glfwGetProcAddress, error)) {
        std::fprintf(stderr, "actviz: %s\n", error.c_str());
        return 1;
    }
    const bool fixed_frames = options.frames > 0;
    glfwSwapInterval(fixed_frames ? 0 : 1);  // test runs go as fast as they can

    float scale_x = 1.0f, scale_y = 1.0f;
    glfwGetWindowContentScale(window.get(), &scale_x, &scale_y);
    AppState state;
    state.memory_budget = options.memory_budget;
    glfwSetKeyCallback(window.get(), on_key);
    glfwSetWindowUserPointer(window.get(), &state);  // for the drop callback; ImGui 1.86's backend leaves it alone
    glfwSetDropCallback(window.get(), remember_dropped_files);
    const files::ChooserChoice chooser = files::pick_chooser(files::current_chooser_environment());
    state.chooser.kind = chooser.kind;
    state.chooser.note = chooser.note;  // said when a file is first asked for, where it matters
    // Scripted runs (--frames) neither restore nor keep the last session nor the zoom: their
    // pictures depend on their flags alone.
    state.session.remember_last = !options.fresh && !fixed_frames;
    state.ui_scale.content_scale = scale_x > 0.0f ? scale_x : 1.0f;
    state.ui_scale.zoom = options.zoom;
    if (!options.zoom_given && state.session.remember_last) {
        if (const auto folder = state_folder()) state.ui_scale.zoom = read_remembered_zoom(*folder).value_or(options.zoom);
    }
    ImGuiSession imgui(window.get(), state);
    load_remembered(state);
    if (!options.session_path.empty()) open_session(state, options.session_path);
    else if (state.session.remember_last) restore_last_session(state);
    if (options.panel == "all") state.maximised_panel = -1;  // --panel all: every panel tiled
    if (start_panel) {  // an explicit --panel wins over the session's page
        show_page(state, panel_index(*start_panel));
        if (!options.preset.empty()) kPanelRegistry[static_cast<std::size_t>(*start_panel)].apply_preset(state, options.preset);
    }
    if (!options.data_path.empty()) import_data_now(state, options.data_path, false);  // a bad file: one message, the data stay
    show_window(window.get(), state.window, options.size_given);
    state.gl_description = gfx::describe_gl();
    install_chart_export(state);
    struct ExportGuard {  // the handler refers to `state`: gone before it is
        AppState& state;
        ~ExportGuard() { uninstall_chart_export(state); }
    } export_guard{state};

    using Clock = std::chrono::steady_clock;
    StatsLog stats_log;
    if (!stats_log.open(options.stats_log, error)) {
        std::fprintf(stderr, "actviz: cannot write --stats-log '%s': %s\n", options.stats_log.c_str(), error.c_str());
        return 1;
    }
    const auto launched = Clock::now();
    auto previous_start = launched;
    int frames_drawn = 0;
    int frames_to_settle = 2;  // ImGui needs a couple of frames after input to settle hover and layout
    std::optional<AppState::ScreenshotRequest> shot;  // to take after this frame renders (chosen in the last one)
    while (!state.quit_requested) {
        if (glfwWindowShouldClose(window.get())) {
            // The close button (or the window manager): a question about unsaved changes may come first.
            glfwSetWindowShouldClose(window.get(), GLFW_FALSE);
            request_quit(state);
            if (state.quit_requested) break;
            frames_to_settle = 2;  // draw the question now, even when idle
        }
        if (fixed_frames || frames_to_settle > 0 || state.requests.animating) {
            glfwPollEvents();
            if (frames_to_settle > 0) --frames_to_settle;
        } else {
            // Nothing is animating: sleep until there is input, waking once a second for the clock
            // (sooner while a panel waits for a worker).
            const auto wait_start = Clock::now();
            glfwWaitEventsTimeout(state.requests.wake_within_s);
            const double slept = std::chrono::duration<double>(Clock::now() - wait_start).count();
            if (slept < state.requests.wake_within_s - 0.01) frames_to_settle = 2;  // woken by input
        }
        // While a worker computes, frames are spaced out (input that arrives meanwhile is handled
        // by the next one): with a software renderer every frame takes both cores for a while.
        if (!fixed_frames && state.requests.min_frame_interval_s > 0) {
            std::this_thread::sleep_until(previous_start + std::chrono::duration_cast<Clock::duration>(
                                                               std::chrono::duration<double>(state.requests.min_frame_interval_s)));
            glfwPollEvents();
        }
        int fb_width = 0, fb_height = 0;
        glfwGetFramebufferSize(window.get(), &fb_width, &fb_height);
        const auto start = Clock::now();
        if (!window_drawable(glfwGetWindowAttrib(window.get(), GLFW_ICONIFIED) == GLFW_TRUE, fb_width, fb_height)) {
            // Minimised or zero-size: nothing is drawn, so nothing trains either (the panels train
            // as they draw); sleep until an event such as restoring the window. Test runs still
            // count the frame.
            if (fixed_frames && ++frames_drawn >= options.frames) break;
            if (!fixed_frames) glfwWaitEventsTimeout(0.5);
            continue;
        }

        ImGuiSession::follow_zoom(state);
        track_window(window.get(), state.window);
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        state.key_latch.apply(ImGui::GetIO(), [&](int key) { return glfwGetKey(window.get(), key) == GLFW_PRESS; });
        if (before_each_frame) before_each_frame(state, window.get(), frames_drawn);  // a test's input (app.hpp)
        ImGui::NewFrame();
        state.requests = FrameRequests{};
        plot::set_hover_suppressed(chart_grab_in_next_frame(state));  // a chart is photographed in this frame
        build_frame(state);
        const auto built = Clock::now();
        ImGui::Render();
        const float* clear = state.panel_fills_window ? kWindowBackground : kBackground;
        gfx::begin_frame(fb_width, fb_height, clear[0], clear[1], clear[2]);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        ++frames_drawn;

        // File > Screenshot… and Screenshot of one panel, a frame after the file was chosen: the
        // chooser and the menu are gone from the picture by then.
        if (shot) {
            std::array<int, 4> rect{0, 0, fb_width, fb_height};
            if (shot->panel >= 0) {
                // The panel's rectangle in framebuffer pixels (the framebuffer may be scaled).
                const auto& r = state.panel_rects[static_cast<std::size_t>(shot->panel)];
                const ImVec2 display = ImGui::GetIO().DisplaySize;
                const float sx = display.x > 0 ? fb_width / display.x : 1.0f, sy = display.y > 0 ? fb_height / display.y : 1.0f;
                rect = {static_cast<int>(r[0] * sx), static_cast<int>(r[1] * sy), static_cast<int>(r[2] * sx), static_cast<int>(r[3] * sy)};
            }
            save_screenshot(state, fb_width, fb_height, rect, shot->path, shot->panel >= 0 ? "Panel screenshot" : "Screenshot");
        }
        grab_chart_after_render(state, fb_width, fb_height);
        shot = std::move(state.screenshot_to);
        state.screenshot_to.reset();
        if (shot || chart_grab_in_next_frame(state)) frames_to_settle = std::max(frames_to_settle, 1);  // draw that frame even when idle
        if (state.screenshot_requested) {
            state.screenshot_requested = false;
            save_screenshot(state, fb_width, fb_height, {0, 0, fb_width, fb_height}, timestamped_screenshot_name(state.writes),
                            "Screenshot");
        }
        const bool last_frame = fixed_frames && frames_drawn >= options.frames;
        if (last_frame && !options.screenshot_path.empty() &&
            !gfx::save_framebuffer_png(fb_width, fb_height, options.screenshot_path, error)) {
            std::fprintf(stderr, "actviz: cannot write the screenshot '%s': %s\n", options.screenshot_path.c_str(),
                         error.c_str());
            return 1;
        }
        if (last_frame && !options.save_session_path.empty() && !save_session(state, options.save_session_path)) {
            return 1;  // save_session said why
        }
        const auto end = Clock::now();
        state.times.stats.record(std::chrono::duration<double>(start - previous_start).count(),
                                 std::chrono::duration<double>(end - start).count());
        glfwSwapBuffers(window.get());
        stats_log.frame(std::chrono::duration<double>(start - launched).count(),
                        std::chrono::duration<double>(start - previous_start).count(),
                        std::chrono::duration<double>(Clock::now() - start).count());  // rendering included
        previous_start = start;
        state.times.last_build_ms = std::chrono::duration<double, std::milli>(built - start).count();
        state.times.last_work_ms = std::chrono::duration<double, std::milli>(end - start).count();
        state.times.last_render_ms = std::chrono::duration<double, std::milli>(Clock::now() - built).count();
        state.times.idle = !state.requests.animating;
        // The baseline for "unsaved changes": the first frame has built what the settings imply.
        if (frames_drawn == 1) state.session.saved_fingerprint = session_fingerprint(state);
        if (last_frame) break;
    }
    // Gone from the screen at once: what remains (the screenshots and exports still being written,
    // each saying how it went on the terminal; cancelling the workers, freeing their buffers,
    // keeping the session) happens out of sight.
    glfwHideWindow(window.get());
    state.writes.finish(state);
    if (state.session.remember_last) remember_on_exit(state);
    return 0;
}

}  // namespace actviz::app
