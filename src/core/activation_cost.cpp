#include "core/activation_cost.hpp"

#include <algorithm>
#include <chrono>
#include <vector>

#include "core/layer_kernel.hpp"
#include "core/rng.hpp"

namespace actviz {

ActivationCost measure_activation_cost(const Activation& activation, const ParameterValues& p, double budget_seconds,
                                       Eigen::Index elements) {
    using Clock = std::chrono::steady_clock;
    Eigen::ArrayXf u(elements), f(elements), df(elements);
    Rng rng(0x636f7374);  // "cost": every activation sees the same inputs
    for (Eigen::Index i = 0; i < elements; ++i) u[i] = static_cast<float>(rng.normal(0, 2));
    const detail::LayerKernel<float> kernel(activation, p);

    // Read back one result per repetition, so no compiler may drop a repetition's work as unused.
    volatile float sink = 0;
    kernel.apply(u.data(), f.data(), df.data(), elements);  // warm-up: page faults, caches, frequency
    sink = sink + f[0] + df[0];

    std::vector<double> seconds;
    const Clock::time_point deadline =
        Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(budget_seconds));
    while (static_cast<int>(seconds.size()) < kCostMinRepetitions ||
           (static_cast<int>(seconds.size()) < kCostMaxRepetitions && Clock::now() < deadline)) {
        const Clock::time_point start = Clock::now();
        kernel.apply(u.data(), f.data(), df.data(), elements);
        const Clock::time_point end = Clock::now();
        seconds.push_back(std::chrono::duration<double>(end - start).count());
        const Eigen::Index probe = static_cast<Eigen::Index>(seconds.size()) % elements;
        sink = sink + f[probe] + df[probe];
    }
    const auto middle = seconds.begin() + static_cast<std::ptrdiff_t>(seconds.size() / 2);
    std::nth_element(seconds.begin(), middle, seconds.end());
    return {*middle * 1e9 / static_cast<double>(elements), static_cast<int>(seconds.size()), kernel.vectorised()};
}

}  // namespace actviz
