#pragma once
// The one place that decides how many optimiser steps a frame takes. Steps per frame is a ceiling
// under the frame's time budget, never a promise: the first step always runs (training must move),
// and each further step runs only if the time spent so far plus the measured cost of the previous
// step still fits in the budget. So a frame ends past its budget by at most one step's cost, and
// only a single step slower than the whole budget can overrun it at all.

#include <chrono>
#include <functional>

namespace actviz {

// The clock the loop reads, as time since any fixed origin; tests pass a fake one.
using StepClock = std::function<std::chrono::nanoseconds()>;
StepClock steady_step_clock();

// Calls `step` up to `max_steps` times (at least once when max_steps ≥ 1) while the budget allows,
// as above; `step` returns false when it could not advance (every network diverged), which ends
// the loop. While fewer than `min_steps` have run, a step starts whenever the budget is not yet
// used up (a minimum pace may end the frame past its budget, again by at most one step).
// Returns the steps that advanced.
int run_steps_within(std::chrono::nanoseconds budget, int max_steps, const std::function<bool()>& step,
                     const StepClock& now = steady_step_clock(), int min_steps = 1);

}  // namespace actviz
