#pragma once
// Timing logic of the frame loop and of the Classifier and Bake-off panels, with no UI: whether a
// frame is drawn at all, the measured training rate and the median frame-time breakdown the
// panels show. How many steps fit in a frame is decided by
// run_steps_within (core/step_loop.hpp).

#include <array>
#include <chrono>
#include <deque>
#include <utility>
#include <vector>


namespace actviz::app {

inline double milliseconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// Whether the frame loop draws: not while the window is minimised (iconified) or has no pixels.
// The panels train inside their drawing, so training pauses with it and a minimised app sleeps
// until an event instead of drawing (and training) for nobody.
constexpr bool window_drawable(bool iconified, int framebuffer_width, int framebuffer_height) {
    return !iconified && framebuffer_width > 0 && framebuffer_height > 0;
}

// Training steps per second over about the last second of frames. Frames slower than a second
// still give the true rate (the window stretches back to the previous frame) rather than none.
class StepRate {
public:
    void add(std::chrono::steady_clock::time_point frame_end, double steps);  // fractions: a Bake-off round spanning frames
    void clear() { frames_.clear(); }
    double per_second() const;

private:
    std::deque<std::pair<std::chrono::steady_clock::time_point, double>> frames_;
};

// Where a frame's time goes on the UI thread. Planes: the Classifier's pictures of the plane computed
// or uploaded in the frame (the Bake-off's: its thumbnails); what a worker computes beside the frame
// is not in it.
enum class FramePhase { Train, Planes, Ui, Render };
inline constexpr int kFramePhaseCount = 4;
inline constexpr const char* kFramePhaseNames[kFramePhaseCount] = {"train", "planes", "UI", "render"};

// The last `capacity` frames' phase times; medians per phase and of the total.
class FrameBreakdown {
public:
    explicit FrameBreakdown(int capacity = 240) : capacity_(capacity) {}
    void add(const std::array<double, kFramePhaseCount>& milliseconds);
    double median(FramePhase phase) const;
    double median_total() const;  // the median of the frames' sums, not the sum of the medians
    int frames() const { return static_cast<int>(frames_.size()); }

private:
    int capacity_;
    int next_ = 0;
    std::vector<std::array<double, kFramePhaseCount>> frames_;
};

// While training, a record (an evaluation of all the data) is a frame's dear work besides the steps.
// One that cost more than kDearWorkShare of the frame's budget is computed on a worker from a copy
// of the weights (record_worker.hpp) and taken in a few frames later; paused, it is taken in the
// frame at once. Cheap ones (the usual sizes) follow every frame's steps in the frame. (The planes
// are drawn on a worker whenever training plays: plane_worker.hpp.)
inline constexpr double kDearWorkShare = 0.25;

// A rebuild (new data, a new network, a new contest) is the other dear work: at 100,000 points, or
// a Bake-off of 5,000 points through 8 × 64, it takes hundreds of milliseconds, and dragging the
// slider that asks for it would rebuild in every frame of the drag. One that cost more than
// kDearWorkShare of the budget last time waits while a widget is held (`editing`), and is made
// when it is let go.
inline bool rebuild_waits(bool editing, double last_rebuild_ms, double frame_budget_ms) {
    return editing && last_rebuild_ms > kDearWorkShare * frame_budget_ms;
}

}  // namespace actviz::app
