#pragma once
// Timing logic of the Classifier panel, with no UI: how many training steps fit in a frame's time
// budget (the automatic steps-per-frame mode), and the median frame-time breakdown the panel shows.

#include <array>
#include <vector>

namespace actviz::app {

// Automatic mode: learns the cost of one step from the steps actually run, then fills the time the
// rest of the frame leaves within the budget.
class StepBudget {
public:
    // `steps` optimiser steps (≥ 1) took `milliseconds`; smoothed over a few frames.
    void observe(int steps, double milliseconds);
    // Steps that fit in `available_ms`, within [1, max_steps], growing at most twofold per frame
    // from `current` so one fast frame cannot overshoot the next. 1 before any observation.
    int steps_for(double available_ms, int current, int max_steps) const;
    double milliseconds_per_step() const { return per_step_ms_; }

private:
    double per_step_ms_ = 0;
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

}  // namespace actviz::app
