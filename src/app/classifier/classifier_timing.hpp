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

#include "core/grid.hpp"

namespace actviz::app {

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
    void add(std::chrono::steady_clock::time_point frame_end, int steps);
    void clear() { frames_.clear(); }
    double per_second() const;

private:
    std::deque<std::pair<std::chrono::steady_clock::time_point, int>> frames_;
};

enum class FramePhase { Train, Boundary, DeadMap, Ui, Render };
inline constexpr int kFramePhaseCount = 5;
inline constexpr const char* kFramePhaseNames[kFramePhaseCount] = {"train", "boundary", "dead map", "UI", "render"};

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

// While training, a record (an evaluation of all the data) and the planes (an evaluation of every
// grid cell) are a frame's dear work besides the steps. Each may take kDearWorkShare of the frame's
// budget: a record dearer than that is taken only often enough to cost that share of the time, and
// the planes are computed on a coarser grid (never below kMinPlaneSide cells a side). Paused, both
// are taken in full at once. Cheap ones (the usual sizes) still follow every frame.
inline constexpr double kDearWorkShare = 0.25;
inline constexpr int kMinPlaneSide = 64;

// Whether a record that last cost `record_ms`, taken `since_ms` ago, is due in a frame of `budget_ms`.
bool record_due(double record_ms, double since_ms, double budget_ms);

// The plot's grid `view` with fewer cells, the same extent, when computing all of them at
// `ms_per_cell` would pass `kDearWorkShare × budget_ms`; `view` itself when it fits or no cost is known.
GridView coarser_view(const GridView& view, double budget_ms, double ms_per_cell);

}  // namespace actviz::app
