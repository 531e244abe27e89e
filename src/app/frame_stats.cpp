#include "app/frame_stats.hpp"

#include <algorithm>
#include <cmath>

namespace actviz::app {

void FrameStats::record(double interval, double work) {
    // Exponential smoothing with a time constant of 1/3 s rather than a fixed number of frames: an
    // idle window draws a frame only now and then, and a per-frame weight would keep one slow frame
    // (a preset switch) in the average for dozens of seconds. The first frame seeds the average.
    constexpr double kTimeConstant = 1.0 / 3.0;
    const double weight = first_ ? 1.0 : 1.0 - std::exp(-std::max(interval, 0.0) / kTimeConstant);
    first_ = false;
    interval_ += weight * (interval - interval_);
    work_ += weight * (work - work_);
    worst_in_window_ = std::max(worst_in_window_, work);
    worst_window_ += interval;
    if (worst_window_ >= 1.0) {
        worst_work_ = worst_in_window_;
        worst_in_window_ = 0;
        worst_window_ = 0;
    }
}

}  // namespace actviz::app
