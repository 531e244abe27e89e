// The memory budget: sizes typed as users type them, refusals that give the estimate, a training
// estimate that counts what a Trainer really holds, and a bake-off's that counts every contestant.

#include <gtest/gtest.h>

#include "core/activation.hpp"
#include "core/bakeoff.hpp"
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
    EXPECT_GT(bytes, 33e9);  // ~33 GB for the activations alone (1000 × 1024 × 4096 doubles, twice)
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

BakeoffConfig bakeoff_config(std::vector<std::string_view> names, int seeds) {
    BakeoffConfig config;
    config.trainer.model.hidden = {16, 16};
    config.trainer.model.classes = 3;
    for (std::string_view name : names) {
        config.activations.push_back({find_activation(name), find_activation(name)->defaults()});
    }
    config.seeds = seeds;
    return config;
}

TEST(MemoryBudget, BakeoffEstimateGrowsLinearlyWithContestantsTimesSeeds) {
    const std::size_t train = 4800, test = 1200, records = 30;
    const auto bytes = [&](std::vector<std::string_view> names, int seeds) {
        return estimate_bakeoff_bytes(bakeoff_config(std::move(names), seeds), train, test, records);
    };
    const double one = bytes({"relu"}, 1), two = bytes({"relu", "tanh"}, 1);
    const double per_contestant = two - one, shared = one - per_contestant;
    EXPECT_GT(per_contestant, 0);
    EXPECT_GE(shared, 0);
    const std::vector<std::string_view> seven{"sigmoid", "tanh", "relu", "leaky_relu", "elu", "gelu", "silu"};
    for (int seeds : {1, 2, 5, 64}) {
        for (std::size_t n : {2u, 3u, 7u}) {
            const std::vector<std::string_view> names(seven.begin(), seven.begin() + static_cast<long>(n));
            EXPECT_NEAR(bytes(names, seeds), shared + static_cast<double>(n) * seeds * per_contestant,
                        1e-12 * bytes(names, seeds))
                << n << " activations × " << seeds << " seeds";
        }
    }
}

TEST(MemoryBudget, BakeoffEstimateIsItsTrainersPlusTheHistoryTheyKeep) {
    // A real bake-off, its contestants' trainers as built, and the records they hold after stepping.
    DatasetConfig data_config;
    data_config.points = 600;
    const Dataset data = make_dataset(data_config);
    const BakeoffConfig config = bakeoff_config({"sigmoid", "relu", "gelu"}, 2);
    Bakeoff bakeoff(data, config);
    const int records = 40;
    for (int r = 1; r < records; ++r) bakeoff.step(1);
    double trainers = 0, history = 0;
    for (int i = 0; i < bakeoff.size(); ++i) {
        const Trainer& t = bakeoff.contestant(i).trainer();
        ASSERT_EQ(t.history().size(), static_cast<std::size_t>(records));
        trainers += estimate_training_bytes(t.config(), t.data().train.size(), t.data().test.size());
        history += static_cast<double>(t.history().capacity() * sizeof(HistoryRecord));
        for (const HistoryRecord& r : t.history()) {
            const std::size_t doubles = r.layer_dead_fraction.capacity() + r.layer_grad_norm.capacity();
            history += static_cast<double>(doubles * sizeof(double));
        }
    }
    const std::size_t train = data.train.size(), test = data.test.size();
    const double without_history = estimate_bakeoff_bytes(config, train, test, 0);
    // Six trainers, each as the training estimate counts it, plus no more than one more copy of the points.
    EXPECT_GE(without_history, trainers);
    EXPECT_LE(without_history, trainers + static_cast<double>((train + test) * sizeof(Point)));
    // The records: at least what the vectors hold, and not wildly more (growth and heap headers).
    const double estimated_history = estimate_bakeoff_bytes(config, train, test, records) - without_history;
    EXPECT_GE(estimated_history, history);
    EXPECT_LE(estimated_history, 3 * history);
}

TEST(MemoryBudget, TheCommandLinesDefaultBakeoffFitsTheDefaultBudgetAndAHugeOneDoesNot) {
    // The README's comparison (seven activations, four hidden layers of 32) with five seeds.
    BakeoffConfig config = bakeoff_config({"sigmoid", "tanh", "relu", "leaky_relu", "elu", "gelu", "silu"}, 5);
    config.trainer.model.hidden = {32, 32, 32, 32};
    EXPECT_FALSE(over_budget("bake-off", estimate_bakeoff_bytes(config, 480, 120, 1000), kDefaultMemoryBudget));
    // The same on 10 000 points with 64 seeds: 448 trainers, far beyond 2 GiB.
    config.seeds = 64;
    EXPECT_TRUE(over_budget("bake-off", estimate_bakeoff_bytes(config, 8'000, 2'000, 10), kDefaultMemoryBudget));
}

}  // namespace
}  // namespace actviz
