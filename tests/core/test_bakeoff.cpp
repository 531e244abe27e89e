// The bake-off as a user relies on it: contestants of one seed differ only by their activation
// (same initial weights, same batches), a repeated activation gives the same run number for number,
// the classic result (sigmoid learns a deep spiral later than relu, tanh and gelu) shows up, and
// the table's summaries are the right maths over the contestants.

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <vector>

#include "core/bakeoff.hpp"
#include "core/bakeoff_summary.hpp"
#include "core/record_pass.hpp"

namespace actviz {
namespace {

Dataset spiral(int points, double test_ratio, std::uint64_t seed = 0) {
    DatasetConfig data;
    data.kind = DatasetKind::Spiral;
    data.classes = 3;
    data.points = points;
    data.noise = 0.2;
    data.test_ratio = test_ratio;
    data.seed = seed;
    return make_dataset(data);
}

BakeoffConfig config(std::vector<const char*> names, std::vector<int> hidden, double lr, int batch = 0) {
    BakeoffConfig c;
    c.trainer.model.hidden = std::move(hidden);
    c.trainer.model.classes = 3;
    c.trainer.optimizer.kind = OptimizerKind::Adam;
    c.trainer.optimizer.learning_rate = lr;
    c.trainer.batch = batch;
    for (const char* name : names) c.activations.push_back({find_activation(name), find_activation(name)->defaults()});
    return c;
}

void expect_same_history(const Trainer& a, const Trainer& b) {
    ASSERT_EQ(a.history().size(), b.history().size());
    for (size_t i = 0; i < a.history().size(); ++i) {
        const HistoryRecord& x = a.history()[i];
        const HistoryRecord& y = b.history()[i];
        EXPECT_EQ(x.step, y.step);
        EXPECT_EQ(x.train_loss, y.train_loss) << i;
        EXPECT_EQ(x.train_accuracy, y.train_accuracy) << i;
        EXPECT_EQ(x.test_loss, y.test_loss) << i;
        EXPECT_EQ(x.test_accuracy, y.test_accuracy) << i;
        EXPECT_EQ(x.dead_fraction, y.dead_fraction) << i;
        EXPECT_EQ(x.layer_grad_norm, y.layer_grad_norm) << i;
    }
}

TEST(Bakeoff, OneActivationListedTwiceGivesTwoIdenticalRuns) {
    Bakeoff bakeoff(spiral(300, 0.2), config({"tanh", "relu", "tanh"}, {16, 16}, 0.01, 32));
    ASSERT_EQ(bakeoff.size(), 3);
    for (int i = 0; i < 5; ++i) bakeoff.step(7);
    EXPECT_EQ(bakeoff.step_within(std::chrono::seconds(10), 13).rounds, 13);
    const Contestant& first = bakeoff.contestant(0, 0);
    const Contestant& second = bakeoff.contestant(2, 0);
    EXPECT_EQ(first.trainer().steps(), second.trainer().steps());
    EXPECT_GT(first.trainer().steps(), 35);
    EXPECT_EQ(first.trainer().mlp().parameters(), second.trainer().mlp().parameters());
    expect_same_history(first.trainer(), second.trainer());
    EXPECT_EQ(first.milestone(0), second.milestone(0));
    EXPECT_EQ(first.best_test_accuracy(), second.best_test_accuracy());
}

TEST(Bakeoff, OnlyTheActivationDiffersBetweenContestantsOfOneSeed) {
    const std::vector<const char*> names{"sigmoid", "relu", "gelu", "elu"};
    BakeoffConfig c = config(names, {16, 16}, 0.01, 50);
    c.seeds = 2;
    Bakeoff bakeoff(spiral(300, 0.2), c);
    ASSERT_EQ(bakeoff.size(), 8);
    // Same initial weights within a seed group (the init scale never depends on the activation),
    // different ones between seed groups.
    for (int s = 0; s < 2; ++s) {
        for (int a = 1; a < 4; ++a) {
            EXPECT_EQ(bakeoff.contestant(a, s).trainer().mlp().parameters(),
                      bakeoff.contestant(0, s).trainer().mlp().parameters());
            EXPECT_EQ(bakeoff.contestant(a, s).seed(), bakeoff.contestant(0, s).seed());
        }
    }
    EXPECT_NE(bakeoff.contestant(0, 0).trainer().mlp().parameters(),
              bakeoff.contestant(0, 1).trainer().mlp().parameters());
    // Same batches in the same order, step after step, whatever the weights do.
    std::vector<int> seed0_batches, seed1_batches;
    for (int step = 0; step < 12; ++step) {
        for (int s = 0; s < 2; ++s) {
            for (int a = 0; a < 4; ++a) ASSERT_EQ(bakeoff.contestant(bakeoff.index(a, s)).update(1), 1);
            for (int a = 1; a < 4; ++a) {
                EXPECT_EQ(bakeoff.contestant(a, s).trainer().last_batch(),
                          bakeoff.contestant(0, s).trainer().last_batch())
                    << "step " << step << " seed " << s;
            }
        }
        const auto& b0 = bakeoff.contestant(0, 0).trainer().last_batch();
        const auto& b1 = bakeoff.contestant(0, 1).trainer().last_batch();
        ASSERT_EQ(b0.size(), 50u);
        seed0_batches.insert(seed0_batches.end(), b0.begin(), b0.end());
        seed1_batches.insert(seed1_batches.end(), b1.begin(), b1.end());
    }
    EXPECT_NE(seed0_batches, seed1_batches);  // the seed is the luck of the batch order too
    // Everything else in the config is shared: only the activation was replaced.
    for (int a = 0; a < 4; ++a) {
        const TrainerConfig& t = bakeoff.contestant(a, 0).trainer().config();
        EXPECT_EQ(t.model.hidden, c.trainer.model.hidden);
        EXPECT_EQ(t.batch, c.trainer.batch);
        EXPECT_EQ(t.optimizer.learning_rate, c.trainer.optimizer.learning_rate);
        EXPECT_EQ(bakeoff.contestant(a, 0).activation_name(), names[static_cast<size_t>(a)]);
    }
    // And the activation does change the run.
    EXPECT_NE(bakeoff.contestant(0, 0).trainer().mlp().parameters(),
              bakeoff.contestant(1, 0).trainer().mlp().parameters());
}

TEST(Bakeoff, SeedGroupsStepIndependently) {
    BakeoffConfig c = config({"tanh", "relu"}, {8}, 0.01);
    c.seeds = 3;
    Bakeoff bakeoff(spiral(150, 0.0), c);
    EXPECT_EQ(bakeoff.step(4, 1), 4);
    EXPECT_EQ(bakeoff.step_within(std::chrono::seconds(10), 6, 2).rounds, 6);
    for (int a = 0; a < 2; ++a) {
        EXPECT_EQ(bakeoff.contestant(a, 0).trainer().steps(), 0);
        EXPECT_EQ(bakeoff.contestant(a, 1).trainer().steps(), 4);
        EXPECT_EQ(bakeoff.contestant(a, 2).trainer().steps(), bakeoff.contestant(0, 2).trainer().steps());
    }
    // A seed group stepped alone matches the same seed in a bake-off of its own.
    BakeoffConfig alone = config({"tanh", "relu"}, {8}, 0.01);
    alone.trainer.model.seed = 1;
    Bakeoff single(spiral(150, 0.0), alone);
    single.step(4);
    EXPECT_EQ(single.contestant(1, 0).trainer().mlp().parameters(),
              bakeoff.contestant(1, 1).trainer().mlp().parameters());
}

TEST(Bakeoff, StepWithinAdvancesEveryoneEquallyAndRespectsTheCap) {
    Bakeoff bakeoff(spiral(150, 0.2), config({"sigmoid", "relu", "gelu"}, {8, 8}, 0.01));
    const Bakeoff::Progress capped = bakeoff.step_within(std::chrono::seconds(10), 5);  // the cap binds before the budget
    EXPECT_EQ(capped.rounds, 5);
    EXPECT_EQ(capped.steps, 15);
    for (int i = 0; i < bakeoff.size(); ++i) {
        EXPECT_EQ(bakeoff.contestant(i).trainer().steps(), 5);
        EXPECT_EQ(bakeoff.contestant(i).trainer().history().back().step, 5);  // recorded at the end
    }
}

// A frame's budget is passed by one contestant's step at most, not by a whole round: with no time
// left, each call steps one contestant, and a round ends in the call that steps its last one.
TEST(Bakeoff, StepWithinStepsOneContestantAtATimeAndARoundMayEndInALaterCall) {
    Bakeoff bakeoff(spiral(150, 0.2), config({"sigmoid", "relu", "gelu"}, {8, 8}, 0.01));
    for (int call = 0; call < 3; ++call) {
        const Bakeoff::Progress progress = bakeoff.step_within(std::chrono::nanoseconds(1), 5);
        EXPECT_EQ(progress.steps, 1);  // at least one
        EXPECT_EQ(progress.rounds, call == 2 ? 1 : 0);
        EXPECT_EQ(bakeoff.round_unfinished(), call < 2);
        for (int i = 0; i < bakeoff.size(); ++i) {
            EXPECT_EQ(bakeoff.contestant(i).trainer().steps(), i <= call ? 1 : 0) << "call " << call << ", contestant " << i;
            EXPECT_EQ(bakeoff.contestant(i).trainer().history().back().step, i <= call ? 1 : 0);  // each recorded at its step
        }
    }
    // step() finishes a round left unfinished first: every contestant ends at the same step.
    EXPECT_EQ(bakeoff.step_within(std::chrono::nanoseconds(1), 5).steps, 1);
    bakeoff.step(3);
    EXPECT_FALSE(bakeoff.round_unfinished());
    for (int i = 0; i < bakeoff.size(); ++i) EXPECT_EQ(bakeoff.contestant(i).trainer().steps(), 5);
    // A contestant that cannot step (at the budget) is passed over: the round is of the others.
    bakeoff.set_step_budget(6);
    bakeoff.step_within(std::chrono::nanoseconds(1), 5);  // contestant 0 to step 6
    const Bakeoff::Progress rest = bakeoff.step_within(std::chrono::seconds(10), 5);
    EXPECT_EQ(rest.rounds, 1);
    EXPECT_EQ(rest.steps, 2);
    EXPECT_TRUE(bakeoff.finished());
}

TEST(Bakeoff, StepWithinWithoutRecordsStepsAndLeavesTheChartsToALaterRecord) {
    Bakeoff bakeoff(spiral(150, 0.0), config({"relu", "tanh"}, {8}, 0.02));
    EXPECT_EQ(bakeoff.step_within(std::chrono::seconds(10), 7, kAllSeeds, false).rounds, 7);
    for (int i = 0; i < bakeoff.size(); ++i) {
        EXPECT_EQ(bakeoff.contestant(i).trainer().steps(), 7);
        EXPECT_EQ(bakeoff.contestant(i).trainer().history().size(), 1u);  // step 0 only
    }
    bakeoff.record();
    bakeoff.record();  // nothing new: no second record of the same step
    for (int i = 0; i < bakeoff.size(); ++i) {
        ASSERT_EQ(bakeoff.contestant(i).trainer().history().size(), 2u);
        EXPECT_EQ(bakeoff.contestant(i).trainer().history().back().step, 7);
    }
    // Milestones at full batch do not wait for records.
    Bakeoff recorded(spiral(300, 0.0), config({"relu", "tanh"}, {16, 16}, 0.02));
    Bakeoff unrecorded(spiral(300, 0.0), config({"relu", "tanh"}, {16, 16}, 0.02));
    recorded.step(400);
    unrecorded.step_within(std::chrono::seconds(100), 400, kAllSeeds, false);
    EXPECT_EQ(recorded.contestant(0).milestone(0), unrecorded.contestant(0).milestone(0));
    EXPECT_TRUE(unrecorded.contestant(0).milestone(0));
}

// A record whose evaluation is not finite leaves no record (the trainer diverges): the contestant
// is then no longer waiting for one, so a paused contest does not ask for it again frame after frame.
TEST(Bakeoff, ARecordThatIsNotFiniteIsTriedOnceNotAgain) {
    Bakeoff bakeoff(spiral(150, 0.0), config({"relu", "tanh"}, {8}, 0.02));
    Contestant& contestant = bakeoff.contestant(0);
    contestant.update(3);
    bakeoff.contestant(1).update(3);
    ASSERT_TRUE(contestant.unrecorded());
    const Trainer::RecordJob job = contestant.trainer().record_job();
    RecordResult result;
    RecordPass().run(job.mlp, job.inputs, result);
    result.finite = false;  // as when the logits overflow
    ASSERT_TRUE(contestant.take_record(result, job.basis));
    EXPECT_TRUE(contestant.trainer().divergence());
    EXPECT_EQ(contestant.trainer().history().back().step, 0);  // nothing recorded at step 3
    EXPECT_FALSE(contestant.unrecorded());
    EXPECT_TRUE(bakeoff.contestant(1).unrecorded());  // the other still is
    EXPECT_EQ(bakeoff.unrecorded(), std::vector<int>{1});
}

// A bake-off left running (the GUI's) keeps a bounded history per contestant, first and last
// records always, milestones unaffected; the CLI's (no limit) keeps every record.
TEST(Bakeoff, AHistoryLimitKeepsMemoryFlatAndTheMilestones) {
    BakeoffConfig limited = config({"relu", "tanh"}, {8}, 0.02);
    limited.history_limit = 64;
    Bakeoff capped(spiral(150, 0.0), limited);
    Bakeoff full(spiral(150, 0.0), config({"relu", "tanh"}, {8}, 0.02));
    for (int i = 0; i < 500; ++i) capped.step(1), full.step(1);
    for (int i = 0; i < capped.size(); ++i) {
        const auto& kept = capped.contestant(i).trainer().history();
        EXPECT_LE(kept.size(), 64u);
        EXPECT_EQ(kept.front().step, 0);
        EXPECT_EQ(kept.back().step, 500);
        EXPECT_EQ(full.contestant(i).trainer().history().size(), 501u);
        EXPECT_EQ(capped.contestant(i).milestone(0), full.contestant(i).milestone(0));
    }
}

// The classic result the panel is for: sigmoid's 0.25 peak derivative shrinks the gradient layer
// after layer, so a deep sigmoid network needs far more steps than relu, tanh or gelu.
// A contestant whose loss blows up while staying finite is diverged in the table as for NaN
// (issue 13): ReLU with SGD at lr 10⁴ over two seeds; each summary and the per-activation row say so.
TEST(Bakeoff, AFiniteBlowUpCountsAsDivergedInTheSummaries) {
    BakeoffConfig c = config({"relu", "relu"}, {16, 16}, 1e4);
    c.trainer.optimizer.kind = OptimizerKind::Sgd;
    c.seeds = 2;
    Bakeoff bakeoff(spiral(300, 0.2), c);
    bakeoff.step(20);
    for (const ContestantSummary& s : summarise(bakeoff)) {
        ASSERT_TRUE(s.diverged_at.has_value()) << s.seed;
        EXPECT_LE(*s.diverged_at, 20);
    }
    for (const ActivationSummary& row : summarise_by_activation(bakeoff)) EXPECT_EQ(row.diverged, 2);
}

TEST(Bakeoff, DeepSigmoidReachesNinetyPercentLaterThanReluTanhAndGelu) {
    BakeoffConfig c = config({"sigmoid", "relu", "tanh", "gelu"}, {32, 32, 32, 32}, 0.01);
    c.seeds = 3;
    Bakeoff bakeoff(spiral(600, 0.0), c);
    // Per seed, step by step in lockstep (full batch: milestones are exact), each fast contestant
    // only until it reaches 90% (the test also runs under ASan + UBSan: no step more than needed).
    // When the last of relu, tanh and gelu gets there, sigmoid must not be there yet.
    constexpr int kBudget = 3000;  // generous: the fast ones need well under a tenth of it
    for (int s = 0; s < c.seeds; ++s) {
        Contestant& sigmoid = bakeoff.contestant(bakeoff.index(0, s));
        bool fast_pending = true;
        while (fast_pending && sigmoid.trainer().steps() < kBudget) {
            fast_pending = false;
            for (int a = 1; a < 4; ++a) {
                Contestant& other = bakeoff.contestant(bakeoff.index(a, s));
                if (other.milestone(0)) continue;
                ASSERT_EQ(other.update(1), 1);
                fast_pending = true;
            }
            ASSERT_EQ(sigmoid.update(1), 1);
        }
        for (int a = 1; a < 4; ++a) {
            const Contestant& other = bakeoff.contestant(a, s);
            ASSERT_TRUE(other.milestone(0)) << other.activation_name() << " seed " << s << " never reached 90%";
            EXPECT_TRUE(other.milestones_exact());
            if (sigmoid.milestone(0)) {
                EXPECT_GT(*sigmoid.milestone(0), *other.milestone(0)) << other.activation_name() << " seed " << s;
            }
        }
        EXPECT_FALSE(sigmoid.milestone(0)) << "seed " << s << ": sigmoid kept up with relu, tanh and gelu";
    }
    // Later, not never: on seed 0 sigmoid does get there within the budget.
    Contestant& sigmoid = bakeoff.contestant(bakeoff.index(0, 0));
    while (!sigmoid.milestone(0) && sigmoid.trainer().steps() < kBudget) sigmoid.update(1);
    EXPECT_TRUE(sigmoid.milestone(0)) << "sigmoid never reached 90% in " << kBudget << " steps";
}

TEST(BakeoffSummary, SpreadIsMeanSampleDeviationMinAndMax) {
    const std::vector<double> values{2, 4, 4, 4, 5, 5, 7, 9};
    const Spread s = spread_of(values);
    EXPECT_EQ(s.count, 8);
    EXPECT_DOUBLE_EQ(s.mean, 5.0);
    EXPECT_DOUBLE_EQ(s.stddev, std::sqrt(32.0 / 7.0));  // Σ(v − 5)² = 32, n − 1 = 7
    EXPECT_EQ(s.min, 2);
    EXPECT_EQ(s.max, 9);
    const Spread one = spread_of(std::vector<double>{3.5});
    EXPECT_EQ(one.count, 1);
    EXPECT_EQ(one.mean, 3.5);
    EXPECT_EQ(one.stddev, 0);
    const Spread none = spread_of({});
    EXPECT_EQ(none.count, 0);
    EXPECT_EQ(none.mean, 0);
}

TEST(BakeoffSummary, FirstLastGradientRatio) {
    HistoryRecord r;
    EXPECT_FALSE(first_last_grad_ratio(r));
    r.layer_grad_norm = {1e-3, 0.5, 2.0};
    EXPECT_DOUBLE_EQ(*first_last_grad_ratio(r), 5e-4);
    r.layer_grad_norm = {1.0, 0.0};
    EXPECT_FALSE(first_last_grad_ratio(r));  // a zero output gradient has no ratio
}

TEST(BakeoffSummary, MilestonesAreTheFirstStepAtTheThresholdAndMatchTheHistory) {
    Bakeoff bakeoff(spiral(300, 0.2), config({"tanh"}, {16, 16}, 0.02));
    const Contestant& c = bakeoff.contestant(0);
    EXPECT_FALSE(c.milestone(0));
    // Step one at a time, recording every step: the milestone must be the first record at ≥ 90%.
    std::optional<std::int64_t> first90, first95;
    while (c.trainer().steps() < 3000 && !first95) {
        bakeoff.step(1);
        for (const HistoryRecord& r : c.trainer().history()) {
            if (!first90 && r.train_accuracy >= 0.90) first90 = r.step;
            if (!first95 && r.train_accuracy >= 0.95) first95 = r.step;
        }
    }
    ASSERT_TRUE(first95) << "tanh never reached 95% on the spiral";
    EXPECT_TRUE(c.milestones_exact());
    EXPECT_EQ(c.milestone(0), first90);
    EXPECT_EQ(c.milestone(1), first95);
    EXPECT_LE(*c.milestone(0), *c.milestone(1));
    // The summary reports them, and the best test accuracy is the best of the records.
    const ContestantSummary s = summarise(c);
    EXPECT_EQ(s.steps_to_90, first90);
    EXPECT_EQ(s.steps_to_95, first95);
    double best = 0;
    for (const HistoryRecord& r : c.trainer().history()) best = std::max(best, *r.test_accuracy);
    EXPECT_EQ(s.best_test_accuracy, best);
    EXPECT_EQ(s.final_train_loss, c.trainer().history().back().train_loss);
}

TEST(BakeoffSummary, MilestonesAtFullBatchDoNotDependOnHowOftenWeRecord) {
    Bakeoff every(spiral(300, 0.0), config({"relu"}, {16, 16}, 0.02));
    Bakeoff rarely(spiral(300, 0.0), config({"relu"}, {16, 16}, 0.02));
    for (int i = 0; i < 400; ++i) every.step(1);
    rarely.step(400);
    EXPECT_TRUE(rarely.contestant(0).milestones_exact());
    ASSERT_TRUE(every.contestant(0).milestone(0));
    EXPECT_EQ(every.contestant(0).milestone(0), rarely.contestant(0).milestone(0));
    EXPECT_EQ(every.contestant(0).milestone(1), rarely.contestant(0).milestone(1));
}

TEST(BakeoffSummary, PerActivationSummaryIsTheSpreadOverSeeds) {
    BakeoffConfig c = config({"relu", "sigmoid"}, {16}, 0.02);
    c.seeds = 3;
    Bakeoff bakeoff(spiral(300, 0.2), c);
    bakeoff.step(300);
    const std::vector<ContestantSummary> all = summarise(bakeoff);
    const std::vector<ActivationSummary> table = summarise_by_activation(bakeoff);
    ASSERT_EQ(all.size(), 6u);
    ASSERT_EQ(table.size(), 2u);
    for (int a = 0; a < 2; ++a) {
        const ActivationSummary& row = table[static_cast<size_t>(a)];
        EXPECT_EQ(row.activation, c.activations[static_cast<size_t>(a)].activation->name);
        EXPECT_EQ(row.seeds, 3);
        std::vector<double> losses, reached90;
        for (const ContestantSummary& s : all) {
            if (s.activation_index != a) continue;
            losses.push_back(s.final_train_loss);
            if (s.steps_to_90) reached90.push_back(static_cast<double>(*s.steps_to_90));
        }
        EXPECT_EQ(row.final_train_loss.count, 3);
        EXPECT_DOUBLE_EQ(row.final_train_loss.mean, spread_of(losses).mean);
        EXPECT_DOUBLE_EQ(row.final_train_loss.stddev, spread_of(losses).stddev);
        EXPECT_EQ(row.steps_to_90.count, static_cast<int>(reached90.size()));  // unreached seeds are left out
    }
}

TEST(Bakeoff, BadConfigsAreRefusedWithAReason) {
    BakeoffConfig empty = config({}, {8}, 0.01);
    EXPECT_TRUE(empty.validate());
    BakeoffConfig seeds = config({"relu"}, {8}, 0.01);
    seeds.seeds = 0;
    EXPECT_TRUE(seeds.validate());
    BakeoffConfig lr = config({"relu"}, {8}, -1);
    EXPECT_TRUE(lr.validate());
    EXPECT_THROW(Bakeoff(spiral(90, 0.0), lr), std::invalid_argument);
}

}  // namespace
}  // namespace actviz
