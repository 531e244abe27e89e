#include "app/classifier/classifier_timing.hpp"

#include <algorithm>
#include <cmath>

namespace actviz::app {

void StepBudget::observe(int steps, double milliseconds) {
    if (steps <= 0 || !(milliseconds >= 0) || !std::isfinite(milliseconds)) return;
    const double sample = milliseconds / steps;
    per_step_ms_ = per_step_ms_ == 0 ? sample : per_step_ms_ + 0.2 * (sample - per_step_ms_);
}

int StepBudget::steps_for(double available_ms, int current, int max_steps) const {
    if (per_step_ms_ <= 0) return 1;
    const double fit = std::floor(std::max(available_ms, 0.0) / per_step_ms_);
    const double grown = std::min(fit, 2.0 * std::max(current, 1));
    return static_cast<int>(std::clamp(grown, 1.0, static_cast<double>(std::max(max_steps, 1))));
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
