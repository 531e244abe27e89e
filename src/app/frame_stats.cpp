#include "app/frame_stats.hpp"

#include <algorithm>

namespace actviz::app {

void FrameStats::record(double interval, double work) {
    // Exponential smoothing over ~20 frames; the first frame seeds the average.
    constexpr double kWeight = 0.05;
    if (first_) {
        interval_ = interval;
        work_ = work;
        first_ = false;
    } else {
        interval_ += kWeight * (interval - interval_);
        work_ += kWeight * (work - work_);
    }
    worst_in_window_ = std::max(worst_in_window_, work);
    worst_window_ += interval;
    if (worst_window_ >= 1.0) {
        worst_work_ = worst_in_window_;
        worst_in_window_ = 0;
        worst_window_ = 0;
    }
}

}  // namespace actviz::app
