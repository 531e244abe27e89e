// The measured cost of f and f′ per element (core/activation_cost.hpp). Timings belong in benchmarks,
// so only what holds on any machine is asserted: a positive, finite time for every activation,
// behind at least the minimum number of repetitions, and a budget that bounds the repetitions.

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>

#include "core/activation_cost.hpp"

namespace actviz {
namespace {

TEST(ActivationCost, EveryActivationCostsAPositiveFiniteTime) {
    for (const Activation& activation : activations()) {
        const ActivationCost cost = measure_activation_cost(activation, activation.defaults(), 0.001, 4096);
        EXPECT_TRUE(std::isfinite(cost.ns_per_element)) << activation.name;
        EXPECT_GT(cost.ns_per_element, 0) << activation.name;
        EXPECT_GE(cost.repetitions, kCostMinRepetitions) << activation.name;
        EXPECT_LE(cost.repetitions, kCostMaxRepetitions) << activation.name;
    }
}

TEST(ActivationCost, SaysWhichActivationsHaveASimdKernel) {
    for (const char* name : {"relu", "leaky_relu", "sigmoid", "tanh", "identity", "elu", "silu", "gelu"}) {
        EXPECT_TRUE(measure_activation_cost(*find_activation(name), find_activation(name)->defaults(), 0, 256).vectorised)
            << name;
    }
    for (const char* name : {"relu6", "softplus", "mish", "hardtanh"}) {
        EXPECT_FALSE(measure_activation_cost(*find_activation(name), find_activation(name)->defaults(), 0, 256).vectorised)
            << name;
    }
}

TEST(ActivationCost, ATinyBudgetStillTakesTheMinimumAndALargerOneTakesMore) {
    const Activation& relu = *find_activation("relu");
    EXPECT_EQ(measure_activation_cost(relu, {}, 1e-9, 1024).repetitions, kCostMinRepetitions);
    // 0.05 s of ReLU over 1024 elements (well under a millisecond each): far more than three.
    EXPECT_GT(measure_activation_cost(relu, {}, 0.05, 1024).repetitions, 10);
}

}  // namespace
}  // namespace actviz
