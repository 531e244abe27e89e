#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/rng.hpp"

namespace actviz {
namespace {

std::vector<double> draws(std::uint64_t seed, int count) {
    Rng rng(seed);
    std::vector<double> values;
    for (int i = 0; i < count; ++i) values.push_back(i % 2 ? rng.normal() : rng.uniform());
    return values;
}

TEST(Rng, SameSeedGivesSameSequence) { EXPECT_EQ(draws(42, 1000), draws(42, 1000)); }

TEST(Rng, DifferentSeedsGiveDifferentSequences) { EXPECT_NE(draws(42, 100), draws(43, 100)); }

TEST(Rng, UniformStaysInRangeWithTheRightMean) {
    Rng rng(7);
    double sum = 0;
    constexpr int kCount = 200000;
    for (int i = 0; i < kCount; ++i) {
        const double u = rng.uniform(-2.0, 3.0);
        ASSERT_GE(u, -2.0);
        ASSERT_LT(u, 3.0);
        sum += u;
    }
    EXPECT_NEAR(sum / kCount, 0.5, 0.02);
}

TEST(Rng, NormalHasZeroMeanAndUnitVariance) {
    Rng rng(11);
    double sum = 0, sum_sq = 0;
    constexpr int kCount = 200000;
    for (int i = 0; i < kCount; ++i) {
        const double z = rng.normal();
        ASSERT_TRUE(std::isfinite(z));
        sum += z;
        sum_sq += z * z;
    }
    const double mean = sum / kCount;
    EXPECT_NEAR(mean, 0.0, 0.01);
    EXPECT_NEAR(sum_sq / kCount - mean * mean, 1.0, 0.02);
}

TEST(Rng, BelowCoversEveryValueEvenly) {
    Rng rng(3);
    std::vector<int> counts(6, 0);
    for (int i = 0; i < 60000; ++i) ++counts[rng.below(6)];
    for (int count : counts) EXPECT_NEAR(count, 10000, 500);
}

}  // namespace
}  // namespace actviz
