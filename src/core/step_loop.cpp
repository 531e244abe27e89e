#include "core/step_loop.hpp"

namespace actviz {

StepClock steady_step_clock() {
    return [] { return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()); };
}

int run_steps_within(std::chrono::nanoseconds budget, int max_steps, const std::function<bool()>& step,
                     const StepClock& now, int min_steps) {
    const std::chrono::nanoseconds start = now();
    std::chrono::nanoseconds previous_end = start;
    int steps = 0;
    while (steps < max_steps) {
        if (!step()) break;
        ++steps;
        const std::chrono::nanoseconds end = now();
        const std::chrono::nanoseconds elapsed = end - start;
        // The previous step's cost, not the average: the first steps of a frame may be cheaper
        // (warm caches) or dearer (a resize) than the rest, and the latest is the best forecast.
        const std::chrono::nanoseconds last_cost = end - previous_end;
        previous_end = end;
        if (steps < min_steps ? elapsed >= budget : elapsed + last_cost > budget) break;
    }
    return steps;
}

}  // namespace actviz
