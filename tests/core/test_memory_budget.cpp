// The memory budget: sizes typed as users type them, refusals that give the estimate, and a
// training estimate that counts what a Trainer really holds.

#include <gtest/gtest.h>

#include "core/gradflow.hpp"
#include "core/memory_budget.hpp"

namespace actviz {
namespace {

TEST(MemoryBudget, ParsesSizesInBinaryAndDecimalUnits) {
    EXPECT_EQ(parse_memory_size("2GiB"), std::size_t{2} << 30);
    EXPECT_EQ(parse_memory_size("512mib"), std::size_t{512} << 20);
    EXPECT_EQ(parse_memory_size("1.5G"), std::size_t{1'500'000'000});
    EXPECT_EQ(parse_memory_size("4096"), std::size_t{4096});
    for (const char* bad : {"", "0", "-1G", "2 GiB", "lots", "nanG", "infG", "1e30G", "5Q"}) {
        EXPECT_FALSE(parse_memory_size(bad)) << bad;
    }
}

TEST(MemoryBudget, TheIssuesGradflowExampleIsRefusedWithItsEstimate) {
    GradflowConfig config;
    config.depth = 1000;
    config.width = 1024;
    config.batch = 4096;
    const double bytes = static_cast<double>(estimate_bytes(config));
    EXPECT_GT(bytes, 33e9);  // the issue's "~33 GB" counts the activations alone
    const auto refusal = over_budget("gradient flow", bytes, kDefaultMemoryBudget);
    ASSERT_TRUE(refusal);
    EXPECT_NE(refusal->find("GB"), std::string::npos) << *refusal;
    EXPECT_NE(refusal->find("2 GiB"), std::string::npos) << *refusal;
    config.depth = 20;
    config.width = 64;
    config.batch = 256;
    EXPECT_FALSE(over_budget("gradient flow", static_cast<double>(estimate_bytes(config)), kDefaultMemoryBudget));
}

TEST(MemoryBudget, TrainingEstimateCountsThePassBuffersOfEveryPoint) {
    TrainerConfig config;
    config.model.hidden = std::vector<int>(8, 64);
    config.model.classes = 3;
    const std::size_t train = 80'000, test = 20'000;
    const double bytes = estimate_training_bytes(config, train, test);
    // At full batch the step and evaluation passes each hold z, a, f′, ∂z and ∂a of 512 hidden
    // units for every training point in float32: 2 × 5 × 512 × 80000 × 4 bytes ≈ 1.6 GB.
    EXPECT_GT(bytes, 2.0 * 5 * 512 * 80'000 * 4);
    EXPECT_LT(bytes, 1.3 * (2.0 * 5 * 512 * 80'000 * 4 + 5.0 * 512 * 20'000 * 4));
    TrainerConfig double_precision = config;
    double_precision.float64 = true;
    EXPECT_GT(estimate_training_bytes(double_precision, train, test), 1.9 * bytes);
    TrainerConfig mini_batch = config;
    mini_batch.batch = 32;
    EXPECT_LT(estimate_training_bytes(mini_batch, train, test), 0.7 * bytes);
}

}  // namespace
}  // namespace actviz
