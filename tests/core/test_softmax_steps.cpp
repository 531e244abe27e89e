// The softmax step table (core/softmax_steps.hpp) and the temperature chart
// (core/softmax_temperature_sweep.hpp): every column against an independent long-double computation
// or a closed form, the naive column's overflow and underflow at ±1000, and the sweep against softmax().

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <numeric>
#include <vector>

#include "core/softmax.hpp"
#include "support/eigen_vector.hpp"
#include "core/softmax_steps.hpp"
#include "core/softmax_temperature_sweep.hpp"

namespace actviz {
namespace {

using test::vec;

// softmax(z / T) in long double, the maximum subtracted: the reference the columns are held to.
std::vector<long double> reference_probabilities(const Eigen::VectorXd& z, double t) {
    long double max = z[0];
    for (Eigen::Index i = 1; i < z.size(); ++i) max = std::max<long double>(max, z[i]);
    std::vector<long double> p;
    long double sum = 0;
    for (Eigen::Index i = 0; i < z.size(); ++i) {
        p.push_back(std::exp((static_cast<long double>(z[i]) - max) / t));
        sum += p.back();
    }
    for (long double& value : p) value /= sum;
    return p;
}

TEST(SoftmaxSteps, EveryColumnMatchesALongDoubleComputation) {
    for (double t : {1.0, 0.5, 3.0}) {
        const Eigen::VectorXd z = vec({2.0, 1.0, 0.1, -4.0});
        const SoftmaxSteps steps = softmax_steps(z, t);
        const std::vector<long double> p = reference_probabilities(z, t);
        long double exp_sum = 0;
        for (Eigen::Index i = 0; i < z.size(); ++i) {
            const long double shifted = (static_cast<long double>(z[i]) - 2.0L) / t;  // max z = 2
            EXPECT_NEAR(steps.shifted[i], static_cast<double>(shifted), 1e-15);
            EXPECT_NEAR(steps.exps[i], static_cast<double>(std::exp(shifted)), 1e-15);
            exp_sum += std::exp(shifted);
            EXPECT_NEAR(steps.probabilities[i], static_cast<double>(p[static_cast<size_t>(i)]), 1e-15);
            // The naive way gives the same p while nothing overflows: a second computation.
            EXPECT_NEAR(steps.naive_exps[i], static_cast<double>(std::exp(static_cast<long double>(z[i]) / t)),
                        1e-13 * steps.naive_exps[i]);
            EXPECT_NEAR(steps.naive_probabilities[i], steps.probabilities[i], 1e-15);
        }
        EXPECT_EQ(steps.shifted[0], 0.0);  // the maximum itself: e^0 = 1 and S ≥ 1
        EXPECT_EQ(steps.exps[0], 1.0);
        EXPECT_NEAR(steps.exp_sum, static_cast<double>(exp_sum), 1e-15);
        EXPECT_NEAR(steps.exp_sum, steps.exps.sum(), 0.0);
        EXPECT_NEAR(steps.naive_sum, steps.naive_exps.sum(), 0.0);
        EXPECT_NEAR(steps.probabilities.sum(), 1.0, 1e-15);
    }
}

TEST(SoftmaxSteps, ProbabilitiesAreSoftmaxBitForBitAndTheQuotientOfTheColumns) {
    const Eigen::VectorXd z = vec({0.3, -1.2, 2.0, 0.0, 7.5});
    for (double t : {0.01, 0.7, 1.0, 100.0}) {
        const SoftmaxSteps steps = softmax_steps(z, t);
        const SoftmaxResult direct = softmax(z, t);
        for (Eigen::Index i = 0; i < z.size(); ++i) {
            EXPECT_EQ(steps.probabilities[i], direct.probabilities[i]);
            // e^s / S, the table's own last step, to a few ulp of p (softmax() goes through log S).
            EXPECT_NEAR(steps.exps[i] / steps.exp_sum, steps.probabilities[i], 4e-16 + 1e-14 * steps.probabilities[i]);
        }
    }
}

TEST(SoftmaxSteps, NaiveExponentialsOverflowAtPlusAThousandWhileTheStableColumnsStayFinite) {
    const SoftmaxSteps steps = softmax_steps(vec({1000.0, 1001.0, 1002.0}));
    // e^1000 > DBL_MAX ≈ e^709.78: each naive term is inf, their quotient inf/inf is NaN.
    for (Eigen::Index i = 0; i < 3; ++i) {
        EXPECT_TRUE(std::isinf(steps.naive_exps[i])) << i;
        EXPECT_TRUE(std::isnan(steps.naive_probabilities[i])) << i;
    }
    EXPECT_TRUE(std::isinf(steps.naive_sum));
    // The stable columns: s = [−2, −1, 0], S = e^−2 + e^−1 + 1, p_i = e^(s_i) / S (the textbook's 0.090, 0.245, 0.665).
    const double sum = std::exp(-2.0) + std::exp(-1.0) + 1.0;
    EXPECT_EQ(steps.shifted[0], -2.0);
    EXPECT_EQ(steps.shifted[1], -1.0);
    EXPECT_EQ(steps.shifted[2], 0.0);
    EXPECT_NEAR(steps.exp_sum, sum, 1e-15);
    EXPECT_NEAR(steps.probabilities[0], std::exp(-2.0) / sum, 1e-15);
    EXPECT_NEAR(steps.probabilities[1], std::exp(-1.0) / sum, 1e-15);
    EXPECT_NEAR(steps.probabilities[2], 1.0 / sum, 1e-15);
    EXPECT_NEAR(steps.probabilities[0], 0.090, 0.0005);
    EXPECT_NEAR(steps.probabilities[2], 0.665, 0.0005);
    ASSERT_TRUE(steps.probabilities.allFinite());
    EXPECT_NEAR(steps.probabilities.sum(), 1.0, 1e-15);
}

TEST(SoftmaxSteps, NaiveExponentialsUnderflowAtMinusAThousandToZeroOverZero) {
    const SoftmaxSteps steps = softmax_steps(vec({-1000.0, -1001.0, -1002.0}));
    // e^−1000 < the smallest denormal (e^−745.13): every term is 0, the sum 0, and 0/0 is NaN.
    EXPECT_EQ(steps.naive_sum, 0.0);
    for (Eigen::Index i = 0; i < 3; ++i) {
        EXPECT_EQ(steps.naive_exps[i], 0.0);
        EXPECT_TRUE(std::isnan(steps.naive_probabilities[i])) << i;
    }
    // The same probabilities as for +1000, in the reverse order (softmax is shift-invariant).
    const double sum = std::exp(-2.0) + std::exp(-1.0) + 1.0;
    EXPECT_NEAR(steps.probabilities[0], 1.0 / sum, 1e-15);
    EXPECT_NEAR(steps.probabilities[2], std::exp(-2.0) / sum, 1e-15);
    EXPECT_NEAR(steps.probabilities.sum(), 1.0, 1e-15);
}

// Four logits or more go through Eigen's vectorised exp unless core avoids it: it returned 5.6e-309
// for e^−1000, so the naive column read 0.25 each (finite, wrong) instead of 0/0 = NaN, and softmax
// gave 5.6e-309 for a probability of e^−1000.
TEST(SoftmaxSteps, ManyLogitsNearMinusAThousandStillUnderflowToZeroOverZero) {
    for (const int k : {4, 5, 8, 10}) {
        Eigen::VectorXd z(k);
        for (int i = 0; i < k; ++i) z[i] = -1000.0 - i;
        const SoftmaxSteps steps = softmax_steps(z);
        EXPECT_EQ(steps.naive_sum, 0.0) << k;
        for (int i = 0; i < k; ++i) {
            EXPECT_EQ(steps.naive_exps[i], 0.0) << k << ", " << i;
            EXPECT_TRUE(std::isnan(steps.naive_probabilities[i])) << k << ", " << i;
            EXPECT_EQ(steps.exps[i], std::exp(-static_cast<double>(i))) << k << ", " << i;
        }
    }
    const SoftmaxResult far = softmax(vec({0.0, -1000.0, -2000.0, -3000.0}));
    EXPECT_EQ(far.probabilities[0], 1.0);
    for (Eigen::Index i = 1; i < 4; ++i) {
        EXPECT_EQ(far.probabilities[i], 0.0) << i;
        EXPECT_EQ(far.log_probabilities[i], -1000.0 * static_cast<double>(i)) << i;
    }
    EXPECT_EQ(far.entropy, 0.0);
}

TEST(SoftmaxSteps, ALowTemperatureOverflowsTheNaiveColumnEvenForSmallLogits) {
    // z/T = 800 at T = 0.01: the naive way fails without any large logit.
    const SoftmaxSteps steps = softmax_steps(vec({8.0, 7.0}), 0.01);
    EXPECT_TRUE(std::isinf(steps.naive_exps[0]));
    EXPECT_TRUE(std::isnan(steps.naive_probabilities[0]));
    EXPECT_EQ(steps.shifted[1], -100.0);  // (7 − 8) / 0.01
    const double expected = std::exp(-100.0) / (1 + std::exp(-100.0));
    EXPECT_NEAR(steps.probabilities[1], expected, 1e-14 * expected);
}

TEST(TemperatureSweep, EachColumnIsSoftmaxAtItsTemperature) {
    const Eigen::VectorXd z = vec({2.0, 1.0, 0.1});
    const TemperatureSweep sweep = temperature_sweep(z, 41);
    ASSERT_EQ(sweep.temperatures.size(), 41u);
    ASSERT_EQ(sweep.probabilities.rows(), 3);
    ASSERT_EQ(sweep.probabilities.cols(), 41);
    for (int t = 0; t < 41; ++t) {
        const SoftmaxResult direct = softmax(z, sweep.temperatures[static_cast<size_t>(t)]);
        for (Eigen::Index k = 0; k < 3; ++k) EXPECT_EQ(sweep.probabilities(k, t), direct.probabilities[k]);
        EXPECT_EQ(sweep.entropy[static_cast<size_t>(t)], direct.entropy);
    }
}

TEST(TemperatureSweep, TemperaturesAreLogSpacedFromTheSlidersEnds) {
    const TemperatureSweep sweep = temperature_sweep(vec({1.0, 0.0}), 201);
    EXPECT_EQ(sweep.temperatures.front(), 0.01);
    EXPECT_EQ(sweep.temperatures.back(), 100.0);
    // 201 points over four decades: 50 a decade, so T = 0.1, 1, 10 are the 50th, 100th and 150th.
    EXPECT_NEAR(sweep.temperatures[50], 0.1, 1e-14);
    EXPECT_NEAR(sweep.temperatures[100], 1.0, 1e-14);
    EXPECT_NEAR(sweep.temperatures[150], 10.0, 1e-13);
    for (std::size_t t = 1; t < sweep.temperatures.size(); ++t) {
        EXPECT_NEAR(sweep.temperatures[t] / sweep.temperatures[t - 1], std::pow(10.0, 4.0 / 200), 1e-12);
    }
}

TEST(TemperatureSweep, EntropyRisesFromZeroToLogKForDistinctLogits) {
    const Eigen::VectorXd z = vec({2.0, 1.0, 0.1});
    const TemperatureSweep sweep = temperature_sweep(z, 101);
    // T = 0.01: the runner-up has p = e^(−(2 − 1)/0.01) = e^−100, so H ≈ 100 e^−100 ≈ 4e-42.
    EXPECT_LT(sweep.entropy.front(), 1e-30);
    EXPECT_NEAR(sweep.probabilities(0, 0), 1.0, 1e-15);
    // T = 100: H = log K − Var(z) / (2T²) + O(T⁻³), Var over the classes (population variance).
    const double mean = z.mean();
    const double variance = (z.array() - mean).square().mean();
    EXPECT_NEAR(sweep.entropy.back(), std::log(3.0) - variance / (2 * 100.0 * 100.0), 1e-7);
    EXPECT_LT(sweep.entropy.back(), std::log(3.0));
    // In between it only rises: a hotter softmax is never more certain.
    for (std::size_t t = 1; t < sweep.entropy.size(); ++t) EXPECT_GE(sweep.entropy[t], sweep.entropy[t - 1]) << t;
}

TEST(TemperatureSweep, TiedLogitsShareTheirProbabilityAtEveryTemperature) {
    // Two tied maxima: as T → 0 the entropy tends to log 2, not 0 (distinct logits are needed for 0).
    const TemperatureSweep sweep = temperature_sweep(vec({3.0, 3.0, 0.0}), 11);
    EXPECT_NEAR(sweep.entropy.front(), std::log(2.0), 1e-12);
    for (int t = 0; t < 11; ++t) EXPECT_EQ(sweep.probabilities(0, t), sweep.probabilities(1, t));
}

// The chart's marker: the slider's T is a column of the sweep, its values softmax's at that T.
TEST(TemperatureSweepMarked, TheSlidersTemperatureIsAColumnEqualToSoftmaxThere) {
    const Eigen::VectorXd z = vec({1000.0, 1001.0, 1002.0});
    for (const double t : {0.37, 0.5, 2.0, 3.5}) {  // off the 201-point grid
        const TemperatureSweep sweep = temperature_sweep_marked(z, t);
        ASSERT_EQ(sweep.temperatures.size(), 202u) << t;
        ASSERT_GE(sweep.marked, 1) << t;
        EXPECT_EQ(sweep.temperatures[static_cast<size_t>(sweep.marked)], t);
        EXPECT_TRUE(std::is_sorted(sweep.temperatures.begin(), sweep.temperatures.end()));
        const SoftmaxResult direct = softmax(z, t);
        for (Eigen::Index k = 0; k < 3; ++k) EXPECT_EQ(sweep.probabilities(k, sweep.marked), direct.probabilities[k]);
        EXPECT_EQ(sweep.entropy[static_cast<size_t>(sweep.marked)], direct.entropy);
        // The other columns are the plain sweep's.
        const TemperatureSweep plain = temperature_sweep(z);
        EXPECT_EQ(sweep.probabilities(0, sweep.marked - 1), plain.probabilities(0, sweep.marked - 1));
        EXPECT_EQ(sweep.probabilities(0, sweep.marked + 1), plain.probabilities(0, sweep.marked));
    }
}

TEST(TemperatureSweepMarked, AGridTemperatureIsNotAddedTwiceAndOneOutsideIsNotMarked) {
    const Eigen::VectorXd z = vec({2.0, 1.0, 0.1});
    for (const double t : {kSweepMinTemperature, kSweepMaxTemperature}) {
        const TemperatureSweep sweep = temperature_sweep_marked(z, t);
        EXPECT_EQ(sweep.temperatures.size(), 201u);
        EXPECT_EQ(sweep.temperatures[static_cast<size_t>(sweep.marked)], t);
    }
    EXPECT_EQ(temperature_sweep_marked(z, 0.001).marked, -1);
    EXPECT_EQ(temperature_sweep_marked(z, 0.001).temperatures.size(), 201u);
    EXPECT_EQ(temperature_sweep_marked(z, 1000.0).marked, -1);
}

}  // namespace
}  // namespace actviz
