#include "core/softmax_temperature_sweep.hpp"

#include <algorithm>
#include <cmath>

#include "core/softmax.hpp"

namespace actviz {
namespace {

std::vector<double> log_spaced(int count, double t_min, double t_max) {
    std::vector<double> temperatures;
    const double log_min = std::log(t_min), log_step = (std::log(t_max) - log_min) / (count - 1);
    for (int t = 0; t < count; ++t) {
        // The ends as given, not exp(log(·)), so the chart's first and last columns are the slider's.
        temperatures.push_back(t == 0 ? t_min : t == count - 1 ? t_max : std::exp(log_min + log_step * t));
    }
    return temperatures;
}

TemperatureSweep sweep_over(const Eigen::VectorXd& logits, std::vector<double> temperatures) {
    TemperatureSweep sweep;
    sweep.probabilities.resize(logits.size(), static_cast<Eigen::Index>(temperatures.size()));
    for (std::size_t t = 0; t < temperatures.size(); ++t) {
        const SoftmaxResult result = softmax(logits, temperatures[t]);
        sweep.probabilities.col(static_cast<Eigen::Index>(t)) = result.probabilities;
        sweep.entropy.push_back(result.entropy);
    }
    sweep.temperatures = std::move(temperatures);
    return sweep;
}

}  // namespace

TemperatureSweep temperature_sweep(const Eigen::VectorXd& logits, int count, double t_min, double t_max) {
    return sweep_over(logits, log_spaced(count, t_min, t_max));
}

TemperatureSweep temperature_sweep_marked(const Eigen::VectorXd& logits, double temperature, int count, double t_min,
                                          double t_max) {
    std::vector<double> temperatures = log_spaced(count, t_min, t_max);
    const bool inside = temperature >= t_min && temperature <= t_max;
    const auto at = std::lower_bound(temperatures.begin(), temperatures.end(), temperature);
    const auto index = static_cast<int>(at - temperatures.begin());
    if (inside && *at != temperature) temperatures.insert(at, temperature);
    TemperatureSweep sweep = sweep_over(logits, std::move(temperatures));
    if (inside) sweep.marked = index;
    return sweep;
}

}  // namespace actviz
