#pragma once
// The bake-off's results table as data: one summary per contestant, and per activation the mean
// and spread over its seeds ("which activation won and why", without one lucky seed deciding).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/bakeoff.hpp"

namespace actviz {

struct ContestantSummary {
    std::string_view activation;  // catalogue name
    int activation_index = 0;     // into BakeoffConfig::activations
    int seed_index = 0;
    std::uint64_t seed = 0;
    std::int64_t steps = 0;  // optimiser steps taken
    // First step at ≥ 90% / 95% train accuracy; absent when not reached within the steps taken.
    std::optional<std::int64_t> steps_to_90, steps_to_95;
    bool milestones_exact = true;  // false: mini-batches, milestones seen at evaluated steps only
    std::optional<double> best_test_accuracy;  // over evaluated steps; absent without a test set
    // From the last evaluation (the last finite one for a diverged contestant):
    double final_train_loss = 0;
    double final_train_accuracy = 0;
    // ‖∂L/∂W_first‖ / ‖∂L/∂W_last‖ (input-side over output layer): ≪ 1 is a vanishing gradient.
    // Absent when the output layer's gradient is exactly 0 (or non-finite ratio).
    std::optional<double> first_last_grad_ratio;
    double dead_fraction = 0;          // of hidden units, dead or saturated by the activation's rule
    std::string_view inactive = "dead";  // "dead" or "saturated" (activity.hpp)
    std::optional<std::int64_t> diverged_at;
};

// Mean, sample standard deviation, min and max of the values present; count = how many.
struct Spread {
    int count = 0;
    double mean = 0, stddev = 0, min = 0, max = 0;
};
Spread spread_of(std::span<const double> values);

struct ActivationSummary {
    std::string_view activation;
    int activation_index = 0;
    int seeds = 0;
    // Over the seeds that reached the milestone: count < seeds means some never did (within the
    // budget), and the mean then flatters the activation; report it as not reached.
    Spread steps_to_90, steps_to_95;
    Spread best_test_accuracy, final_train_loss, first_last_grad_ratio, dead_fraction;
    int diverged = 0;  // seeds that diverged
};

// ‖first‖ / ‖last‖ of a record's per-layer gradient norms (1 with a single weight layer).
std::optional<double> first_last_grad_ratio(const HistoryRecord& record);

ContestantSummary summarise(const Contestant& contestant);
std::vector<ContestantSummary> summarise(const Bakeoff& bakeoff);  // in contestant order
// One entry per activation of the bake-off (config order), over every seed.
std::vector<ActivationSummary> summarise_by_activation(const Bakeoff& bakeoff);
// The same over contestant summaries gathered elsewhere (the GUI's seed 0 and its background
// seeds live in two bake-offs); rows for activation indices 0 .. activation_count − 1.
std::vector<ActivationSummary> summarise_by_activation(std::span<const ContestantSummary> all, int activation_count);

}  // namespace actviz
