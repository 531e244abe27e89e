#include "app/classifier/classifier_timing.hpp"

#include <algorithm>

namespace actviz::app {

void StepRate::add(std::chrono::steady_clock::time_point frame_end, double steps) {
    frames_.emplace_back(frame_end, steps);
    // Keep the newest frame at least a second old as the window's start, and at least one frame
    // before the latest: a frame of ten seconds is a rate of its steps over ten seconds, not 0.
    while (frames_.size() > 2 && frame_end - frames_[1].first >= std::chrono::seconds(1)) frames_.pop_front();
}

double StepRate::per_second() const {
    if (frames_.size() < 2) return 0;
    double steps = 0;
    for (size_t i = 1; i < frames_.size(); ++i) steps += frames_[i].second;  // the first frame only opens the window
    const double seconds = std::chrono::duration<double>(frames_.back().first - frames_.front().first).count();
    return seconds > 0 ? steps / seconds : 0;
}

void FrameBreakdown::add(const std::array<double, kFramePhaseCount>& milliseconds) {
    if (static_cast<int>(frames_.size()) < capacity_) {
        frames_.push_back(milliseconds);
    } else {
        frames_[static_cast<size_t>(next_)] = milliseconds;
    }
    next_ = (next_ + 1) % std::max(capacity_, 1);
}

namespace {

double median_of(std::vector<double>& values) {
    if (values.empty()) return 0;
    const size_t middle = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(middle), values.end());
    if (values.size() % 2 == 1) return values[middle];
    const double upper = values[middle];
    const double lower = *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(middle));
    return (lower + upper) / 2;
}

}  // namespace

double FrameBreakdown::median(FramePhase phase) const {
    std::vector<double> values;
    values.reserve(frames_.size());
    for (const auto& frame : frames_) values.push_back(frame[static_cast<size_t>(phase)]);
    return median_of(values);
}

double FrameBreakdown::median_total() const {
    std::vector<double> values;
    values.reserve(frames_.size());
    for (const auto& frame : frames_) {
        double sum = 0;
        for (double v : frame) sum += v;
        values.push_back(sum);
    }
    return median_of(values);
}

}  // namespace actviz::app
