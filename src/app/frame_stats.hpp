#pragma once
// Frames per second and frame time for the status bar, smoothed so the numbers can be read.

#include <algorithm>

namespace actviz::app {

class FrameStats {
public:
    // `interval` = seconds since the previous frame began; `work` = seconds this frame spent
    // building and rendering (excludes waiting for events and vsync).
    void record(double interval, double work);

    double frames_per_second() const { return interval_ > 0 ? 1.0 / interval_ : 0.0; }
    double work_milliseconds() const { return work_ * 1000.0; }
    // Slowest frame of the last full second (or of the current one, while it is slower).
    double worst_work_milliseconds() const { return std::max(worst_work_, worst_in_window_) * 1000.0; }

private:
    double interval_ = 0, work_ = 0, worst_work_ = 0, worst_window_ = 0, worst_in_window_ = 0;
    bool first_ = true;
};

}  // namespace actviz::app
