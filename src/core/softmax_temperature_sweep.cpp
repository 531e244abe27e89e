#include "core/softmax_temperature_sweep.hpp"

#include <cmath>

#include "core/softmax.hpp"

namespace actviz {

TemperatureSweep temperature_sweep(const Eigen::VectorXd& logits, int count, double t_min, double t_max) {
    TemperatureSweep sweep;
    sweep.probabilities.resize(logits.size(), count);
    const double log_min = std::log(t_min), log_step = (std::log(t_max) - log_min) / (count - 1);
    for (int t = 0; t < count; ++t) {
        // The ends as given, not exp(log(·)), so the chart's first and last columns are the slider's.
        const double temperature = t == 0 ? t_min : t == count - 1 ? t_max : std::exp(log_min + log_step * t);
        const SoftmaxResult result = softmax(logits, temperature);
        sweep.temperatures.push_back(temperature);
        sweep.probabilities.col(t) = result.probabilities;
        sweep.entropy.push_back(result.entropy);
    }
    return sweep;
}

}  // namespace actviz
