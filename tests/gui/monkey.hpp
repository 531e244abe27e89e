#pragma once
// A GUI monkey: seeded random input pushed into the real app's frame loop through app::run's
// FrameHook (app.hpp), with the app's invariants checked after every frame. The same seed gives
// the same events, so a failure replays from the seed it prints.
//
// Events: mouse moves, clicks, double clicks, drags (sliders, plots, splitters), the wheel, keys
// (Space/S/R on the Classifier, F1, Escape, Enter, Tab, arrows), shortcuts (Ctrl+1…5, Ctrl+0,
// Ctrl+S, Ctrl+O), Ctrl+click with a typed value ("1e308", "*1e309", "-0", "nan", 10,000
// characters…), resizes to 1×1 and back, page switches, and a save and reopen of the session.
//
// Checks after every frame: the session captured from the state writes and reads back; every
// described setting (tests/support/described_settings.hpp) is a finite number within its range;
// the frame took less than a generous bound (a hang, not a speed test).

#include <chrono>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <random>
#include <string>
#include <vector>

struct GLFWwindow;

namespace actviz::app {
struct AppState;
}

namespace actviz::testing {

struct MonkeyOptions {
    std::uint64_t seed = 1;
    std::filesystem::path scratch;  // where the session is saved and reopened
    int width = 1200, height = 760;  // the window's size, restored after each resize
    double frame_bound_s = 2.0;      // a frame taking longer is a fault (a hang, not slowness)
};

// What the invariants found wrong with the state after a frame (empty: nothing).
std::vector<std::string> check_app_state(const app::AppState& state);

class Monkey {
   public:
    explicit Monkey(MonkeyOptions options);

    // The app::FrameHook: checks the frame just drawn, then injects this frame's input.
    void before_frame(app::AppState& state, GLFWwindow* window, int frame);

    const std::vector<std::string>& faults() const { return faults_; }
    // The seed, the counts, the faults and the last 50 events: what a failure prints.
    std::string report() const;

    int frames() const { return frames_; }
    long events() const { return events_; }
    int typed_into_text_box() const { return typed_into_text_box_; }
    int saves_reopened() const { return saves_reopened_; }
    int resizes() const { return resizes_; }
    // Frames drawn on each page (index: panel, then the tiled layout last).
    const std::vector<int>& frames_per_page() const { return frames_per_page_; }

   private:
    using Step = std::function<void(app::AppState&, GLFWwindow*)>;

    void check(const app::AppState& state, int frame);
    void release_transient_input();
    void plan_next_action(const app::AppState& state);
    void log(std::string event);
    void fault(std::string what);

    // Where to point: anywhere in the window, in a visible panel, or on the menu bar.
    struct Point {
        float x, y;
    };
    Point control_point(const app::AppState& state);
    Point random_point(const app::AppState& state);
    int uniform(int lo, int hi);  // inclusive
    bool chance(double p);

    void plan_click(Point p, bool ctrl);
    void plan_drag(Point from, Point to, int frames);
    void plan_key(int key, bool ctrl);
    void plan_typed_value(const app::AppState& state);
    Step point_then_type(std::string text, int tries);
    void in_front(const std::function<void()>& plan);
    void plan_resize();
    void plan_save_and_reopen();

    MonkeyOptions options_;
    std::mt19937_64 rng_;
    std::deque<Step> steps_;  // one per frame: the current action's remaining frames
    std::deque<std::string> last_events_;
    std::vector<std::string> faults_;
    std::chrono::steady_clock::time_point frame_start_{};
    bool timing_ = false;  // frame_start_ is the previous frame's (false on a run's first frame)
    int frames_ = 0;
    long events_ = 0;
    int typed_into_text_box_ = 0, saves_reopened_ = 0, resizes_ = 0;
    std::vector<int> frames_per_page_;
    Point mouse_{-1, -1};
    bool mouse_down_ = false;
    int key_held_ = -1;  // released on the next frame
    std::deque<std::string> events_before_first_fault_;
    // The scheduled actions' next frames, and the next page of the cycle.
    int next_page_switch_ = 30, next_save_ = 120, next_resize_ = 200, page_cycle_ = 0;
};

}  // namespace actviz::testing
