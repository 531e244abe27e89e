// Who won the bake-off: the verdict names the first row of the table sorted as the user sorts it,
// names ties and activations that never reached 90% instead of ranking them by a stand-in number,
// says whether the seeds agree, and holds the test accuracy to Wilson's 95% interval on the test
// set's size. The step budget stops every contestant at the same step.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "core/bakeoff.hpp"
#include "core/bakeoff_verdict.hpp"

namespace actviz {
namespace {

// ---------------------------------------------------------------------------------------------
// Wilson's interval against values worked out independently.

TEST(WilsonInterval, MatchesTheClosedFormAtTheTextbooksExample) {
    // n = 150, p̂ = 0.96 (144 of 150 right), z = 1.96: centre (0.96 + 1.96²/300) / (1 + 1.96²/150) =
    // 0.948514, half-width 1.96 / 1.025610 · √(0.96 · 0.04 / 150 + 1.96² / 90000) = 0.033028.
    const ProportionInterval i = wilson_interval(0.96, 150);
    EXPECT_NEAR(i.low, 0.9154865358, 1e-9);
    EXPECT_NEAR(i.high, 0.9815408394, 1e-9);
    // Not the ±2.5 points of the naive normal interval: asymmetric, wider below (−4.5, +2.2 points).
    EXPECT_GT(0.96 - i.low, i.high - 0.96);
    // A fair coin over 100 tosses: the tabulated [0.4038, 0.5962].
    const ProportionInterval coin = wilson_interval(0.5, 100);
    EXPECT_NEAR(coin.low, 0.4038315, 1e-7);
    EXPECT_NEAR(coin.high, 0.5961685, 1e-7);
}

TEST(WilsonInterval, EndpointsInvertTheScoreTestAndStayInsideZeroToOne) {
    // The interval is every π with (p̂ − π)² ≤ z² π (1 − π) / n: its ends are the quadratic's roots.
    for (const auto& [p, n] : std::vector<std::pair<double, int>>{{0.96, 150}, {0.3, 40}, {0.999, 1000}, {0.5, 7}}) {
        const ProportionInterval i = wilson_interval(p, n);
        for (double end : {i.low, i.high}) {
            EXPECT_NEAR((p - end) * (p - end), kZ95 * kZ95 * end * (1 - end) / n, 1e-12) << p << " " << n;
        }
        EXPECT_LT(i.low, p);
        EXPECT_GT(i.high, p);
    }
    // All right or all wrong: one end at the bound, the other at z² / (n + z²) from it.
    const double edge = kZ95 * kZ95 / (150 + kZ95 * kZ95);
    EXPECT_EQ(wilson_interval(0, 150).low, 0.0);
    EXPECT_NEAR(wilson_interval(0, 150).high, edge, 1e-12);
    EXPECT_NEAR(wilson_interval(1, 150).low, 1 - edge, 1e-12);
    EXPECT_EQ(wilson_interval(1, 150).high, 1.0);
    // Nothing observed: nothing known.
    EXPECT_EQ(wilson_interval(0.9, 0).low, 0.0);
    EXPECT_EQ(wilson_interval(0.9, 0).high, 1.0);
    // More points, narrower.
    EXPECT_LT(wilson_interval(0.96, 1500).high - wilson_interval(0.96, 1500).low, 0.96 - wilson_interval(0.96, 150).low);
}

// ---------------------------------------------------------------------------------------------
// Constructed tables.

struct Cell {
    std::optional<std::int64_t> to90;
    double test = 0.9;
    double loss = 0.1;
    bool diverged = false;
};

const char* const kNames[] = {"alpha", "beta", "gamma", "delta"};

// cells[a][s]: activation a on seed s.
std::vector<ContestantSummary> contest(const std::vector<std::vector<Cell>>& cells, bool test_set = true) {
    std::vector<ContestantSummary> all;
    for (size_t a = 0; a < cells.size(); ++a) {
        for (size_t s = 0; s < cells[a].size(); ++s) {
            ContestantSummary c;
            c.activation = kNames[a];
            c.activation_index = static_cast<int>(a);
            c.seed_index = static_cast<int>(s);
            c.seed = 100 + s;
            c.steps = 500;
            c.steps_to_90 = cells[a][s].to90;
            if (test_set) c.best_test_accuracy = cells[a][s].test;
            c.final_train_loss = cells[a][s].loss;
            if (cells[a][s].diverged) c.diverged_at = 200;
            all.push_back(c);
        }
    }
    return all;
}

BakeoffVerdict judge(const std::vector<std::vector<Cell>>& cells, int test_points = 150) {
    const std::vector<ContestantSummary> all = contest(cells, test_points > 0);
    return judge_bakeoff(all, static_cast<int>(cells.size()), test_points);
}

// The results table's default order, written out here independently of the core: steps to 90%
// ascending with rows that fewer seeds reached after, accuracy descending, loss ascending.
int first_row_of_sorted_table(const BakeoffVerdict& v, Criterion criterion) {
    std::vector<ActivationSummary> rows = v.table;
    std::stable_sort(rows.begin(), rows.end(), [&](const ActivationSummary& a, const ActivationSummary& b) {
        switch (criterion) {
            case Criterion::StepsTo90:
                if ((a.steps_to_90.count == 0) != (b.steps_to_90.count == 0)) return b.steps_to_90.count == 0;
                if (a.steps_to_90.count != b.steps_to_90.count) return a.steps_to_90.count > b.steps_to_90.count;
                return a.steps_to_90.mean < b.steps_to_90.mean;
            case Criterion::BestTestAccuracy: return a.best_test_accuracy.mean > b.best_test_accuracy.mean;
            default: return a.final_train_loss.mean < b.final_train_loss.mean;
        }
    });
    return rows.front().activation_index;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string all;
    for (const std::string& line : lines) all += line + "\n";
    return all;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(BakeoffVerdict, NamesTheFirstRowOfTheSortedTableOnEveryCriterion) {
    // Three seeds; beta is fastest, alpha most accurate, gamma lowest loss, on every seed.
    const BakeoffVerdict v = judge({
        {{30, 0.99, 0.20}, {32, 0.98, 0.21}, {31, 0.99, 0.19}},
        {{20, 0.90, 0.10}, {22, 0.91, 0.12}, {21, 0.90, 0.11}},
        {{40, 0.80, 0.01}, {41, 0.81, 0.02}, {39, 0.82, 0.015}},
    });
    EXPECT_EQ(v.seeds, 3);
    EXPECT_EQ(v.common_step, 500);
    ASSERT_EQ(v.fastest.winners, std::vector<int>{1});
    EXPECT_EQ(v.fastest.winners.front(), first_row_of_sorted_table(v, Criterion::StepsTo90));
    EXPECT_EQ(v.fastest.ranking, (std::vector<int>{1, 0, 2}));
    ASSERT_EQ(v.most_accurate.winners, std::vector<int>{0});
    EXPECT_EQ(v.most_accurate.winners.front(), first_row_of_sorted_table(v, Criterion::BestTestAccuracy));
    ASSERT_EQ(v.lowest_loss.winners, std::vector<int>{2});
    EXPECT_EQ(v.lowest_loss.winners.front(), first_row_of_sorted_table(v, Criterion::FinalLoss));
    for (const CriterionVerdict* c : {&v.fastest, &v.most_accurate, &v.lowest_loss}) {
        EXPECT_EQ(c->seeds_compared, 3);
        EXPECT_TRUE(c->seeds_agree());
    }
    const std::string text = joined(verdict_lines(v));
    EXPECT_TRUE(contains(text, "Fastest to 90% train accuracy: beta, 21.0 ± 1.0 steps (next: alpha, 31.0 ± 1.0 steps); the seeds agree: it is best on all 3 seeds")) << text;
    EXPECT_TRUE(contains(text, "Best test accuracy: alpha, 98.7%")) << text;
    EXPECT_TRUE(contains(text, "Lowest final train loss: gamma, 0.015")) << text;
    // 98.7% against 90.3% on 150 points: the intervals are apart.
    EXPECT_TRUE(v.most_accurate.not_separable.empty());
    EXPECT_TRUE(contains(text, "separable on this test set: no other 95% interval overlaps")) << text;
}

TEST(BakeoffVerdict, SaysWhenTheSeedsDisagreeAndWhoWonTheOtherSeeds) {
    // alpha: 20, 30, 20 (mean 23.3); beta: 25, 22, 25 (mean 24): alpha wins, but beta wins seed 2.
    const BakeoffVerdict v = judge({{{20}, {30}, {20}}, {{25}, {22}, {25}}});
    ASSERT_EQ(v.fastest.winners, std::vector<int>{0});
    EXPECT_EQ(v.fastest.winners.front(), first_row_of_sorted_table(v, Criterion::StepsTo90));
    EXPECT_EQ(v.fastest.seeds_compared, 3);
    EXPECT_EQ(v.fastest.seeds_won, 2);
    EXPECT_FALSE(v.fastest.seeds_agree());
    EXPECT_EQ(v.fastest.other_seed_winners, std::vector<int>{1});
    EXPECT_TRUE(contains(verdict_lines(v)[0], "the seeds disagree: it is best on 2 of 3 seeds (beta on the others)"))
        << verdict_lines(v)[0];
}

TEST(BakeoffVerdict, TiesNameEveryTiedActivation) {
    // alpha and gamma identical on every criterion; beta behind.
    const BakeoffVerdict v = judge({
        {{15, 0.96, 0.05}, {17, 0.94, 0.07}},
        {{30, 0.90, 0.30}, {31, 0.91, 0.31}},
        {{17, 0.94, 0.07}, {15, 0.96, 0.05}},
    });
    EXPECT_EQ(v.fastest.winners, (std::vector<int>{0, 2}));
    EXPECT_EQ(v.most_accurate.winners, (std::vector<int>{0, 2}));
    EXPECT_EQ(v.lowest_loss.winners, (std::vector<int>{0, 2}));
    // Each seed is won by one of the tied pair: the seeds agree that one of them is best.
    EXPECT_TRUE(v.fastest.seeds_agree());
    const std::vector<std::string> lines = verdict_lines(v);
    EXPECT_TRUE(contains(lines[0], "alpha and gamma tie at 16.0 ± 1.4 steps (next: beta, 30.5 ± 0.7 steps)")) << lines[0];
    EXPECT_TRUE(contains(lines[1], "alpha and gamma tie at 95.0%")) << lines[1];
    EXPECT_TRUE(contains(lines[2], "alpha and gamma tie at 0.06")) << lines[2];
    // A tie with one seed and equal steps.
    const BakeoffVerdict one = judge({{{12}}, {{12}}, {{40}}});
    EXPECT_EQ(one.fastest.winners, (std::vector<int>{0, 1}));
    EXPECT_TRUE(contains(verdict_lines(one)[0], "alpha and beta tie at 12 steps (next: gamma, 40 steps); one seed, so the seeds' agreement is not judged"))
        << verdict_lines(one)[0];
}

TEST(BakeoffVerdict, NeverReachedIsNamedAndNeverRankedBySomeStandInNumber) {
    const std::optional<std::int64_t> never;
    // gamma never reaches 90%; delta reaches it very fast on one seed of two only.
    const BakeoffVerdict v = judge({{{50}, {60}}, {{40}, {45}}, {{never}, {never}}, {{3}, {never}}});
    EXPECT_EQ(v.fastest.ranking, (std::vector<int>{1, 0}));
    EXPECT_EQ(v.fastest.winners, std::vector<int>{1});
    EXPECT_EQ(v.fastest.winners.front(), first_row_of_sorted_table(v, Criterion::StepsTo90));
    EXPECT_EQ(v.fastest.never_reached, std::vector<int>{2});
    EXPECT_EQ(v.fastest.partly_reached, std::vector<int>{3});
    // delta's 3 steps on seed 0 beat beta there: that seed goes to delta.
    EXPECT_EQ(v.fastest.seeds_won, 1);
    EXPECT_EQ(v.fastest.other_seed_winners, std::vector<int>{3});
    const std::string line = verdict_lines(v)[0];
    EXPECT_TRUE(contains(line, "Fastest to 90% train accuracy: beta, 42.5 ± 3.5 steps (next: alpha, 55.0 ± 7.1 steps)")) << line;
    EXPECT_TRUE(contains(line, "Reached 90% on some seeds only: delta (1 of 2)")) << line;
    EXPECT_TRUE(contains(line, "Never reached 90%: gamma.")) << line;
    // Nobody there on every seed: no winner, and nobody ranked.
    const BakeoffVerdict none = judge({{{never}, {never}}, {{10}, {never}}});
    EXPECT_TRUE(none.fastest.winners.empty());
    EXPECT_TRUE(none.fastest.ranking.empty());
    EXPECT_TRUE(contains(verdict_lines(none)[0], "none — no activation reached 90% on every seed")) << verdict_lines(none)[0];
    EXPECT_TRUE(contains(verdict_lines(none)[0], "Never reached 90%: alpha")) << verdict_lines(none)[0];
}

TEST(BakeoffVerdict, OverlappingWilsonIntervalsAreNotSeparableOnThisTestSet) {
    // 96% and 94% on 150 test points: [91.5, 98.2] and [89.0, 96.8] overlap; 80% does not.
    const BakeoffVerdict v = judge({{{10, 0.96}}, {{10, 0.94}}, {{10, 0.80}}});
    ASSERT_EQ(v.most_accurate.winners, std::vector<int>{0});
    EXPECT_EQ(v.most_accurate.not_separable, std::vector<int>{1});
    ASSERT_TRUE(v.test_interval[0]);
    EXPECT_NEAR(v.test_interval[0]->low, 0.9154865358, 1e-9);
    EXPECT_NEAR(v.test_interval[0]->high, 0.9815408394, 1e-9);
    const std::string line = verdict_lines(v)[1];
    EXPECT_TRUE(contains(line, "Best test accuracy: alpha, 96.0%, 95% interval 91.5–98.2% on 150 test points (next: beta, 94.0%)")) << line;
    EXPECT_TRUE(contains(line, "not separable on this test set from beta (their 95% intervals overlap)")) << line;
    // The same accuracies on 3000 test points are separable.
    const BakeoffVerdict large = judge({{{10, 0.96}}, {{10, 0.94}}, {{10, 0.80}}}, 3000);
    EXPECT_TRUE(large.most_accurate.not_separable.empty());
    // No test set: said so, nobody ranked.
    const BakeoffVerdict no_test = judge({{{10}}, {{12}}}, 0);
    EXPECT_TRUE(no_test.most_accurate.winners.empty());
    EXPECT_TRUE(contains(verdict_lines(no_test)[1], "no test set")) << verdict_lines(no_test)[1];
}

TEST(BakeoffVerdict, ADivergedContestantIsNotRankedOnFinalLoss) {
    const BakeoffVerdict v = judge({{{10, 0.9, 0.001, true}, {10, 0.9, 0.001}}, {{12, 0.9, 0.2}, {12, 0.9, 0.3}}});
    EXPECT_EQ(v.lowest_loss.winners, std::vector<int>{1});
    EXPECT_EQ(v.lowest_loss.diverged, std::vector<int>{0});
    EXPECT_TRUE(contains(verdict_lines(v)[2], "Diverged, so not ranked: alpha")) << verdict_lines(v)[2];
}

// ---------------------------------------------------------------------------------------------
// A real contest.

Dataset spiral() {
    DatasetConfig data;
    data.kind = DatasetKind::Spiral;
    data.classes = 3;
    data.points = 300;
    data.noise = 0.2;
    data.test_ratio = 0.25;
    return make_dataset(data);
}

BakeoffConfig short_contest(std::optional<std::int64_t> budget) {
    BakeoffConfig c;
    c.trainer.model.hidden = {16, 16};
    c.trainer.model.classes = 3;
    c.trainer.optimizer.kind = OptimizerKind::Adam;
    c.trainer.optimizer.learning_rate = 0.02;
    for (const char* name : {"sigmoid", "tanh", "relu", "gelu"}) {
        c.activations.push_back({find_activation(name), find_activation(name)->defaults()});
    }
    c.seeds = 3;
    c.step_budget = budget;
    return c;
}

TEST(BakeoffVerdict, OnARealContestNamesTheBestMeansComputedFromTheContestants) {
    const Dataset data = spiral();
    Bakeoff bakeoff(data, short_contest(200));
    while (bakeoff.step(25) > 0) {
    }
    ASSERT_TRUE(bakeoff.finished());
    const std::vector<ContestantSummary> all = summarise(bakeoff);
    const BakeoffVerdict v = judge_bakeoff(all, bakeoff.activation_count(), static_cast<int>(data.test.size()));
    EXPECT_EQ(v.common_step, 200);
    EXPECT_EQ(v.test_points, 75);
    // The means worked out here from the contestants alone.
    std::map<int, std::vector<double>> to90, test, loss;
    for (const ContestantSummary& c : all) {
        if (c.steps_to_90) to90[c.activation_index].push_back(static_cast<double>(*c.steps_to_90));
        test[c.activation_index].push_back(*c.best_test_accuracy);
        loss[c.activation_index].push_back(c.final_train_loss);
    }
    const auto mean = [](const std::vector<double>& v) {
        double sum = 0;
        for (double x : v) sum += x;
        return sum / static_cast<double>(v.size());
    };
    int fastest = -1, accurate = -1, lowest = -1;
    for (int a = 0; a < bakeoff.activation_count(); ++a) {
        if (to90[a].size() == 3 && (fastest < 0 || mean(to90[a]) < mean(to90[fastest]))) fastest = a;
        if (accurate < 0 || mean(test[a]) > mean(test[accurate])) accurate = a;
        if (lowest < 0 || mean(loss[a]) < mean(loss[lowest])) lowest = a;
    }
    ASSERT_GE(fastest, 0) << "some activation reaches 90% on every seed within 200 steps";
    EXPECT_EQ(v.fastest.winners.front(), fastest);
    EXPECT_EQ(v.fastest.winners.front(), first_row_of_sorted_table(v, Criterion::StepsTo90));
    EXPECT_EQ(v.most_accurate.winners.front(), accurate);
    EXPECT_EQ(v.lowest_loss.winners.front(), lowest);
    EXPECT_EQ(v.lowest_loss.winners.front(), first_row_of_sorted_table(v, Criterion::FinalLoss));
    // Sigmoid is not the fastest on this deep-ish spiral (the classic result).
    EXPECT_NE(v.table[static_cast<size_t>(fastest)].activation, "sigmoid");
    EXPECT_EQ(verdict_lines(v).size(), 3u);
}

// ---------------------------------------------------------------------------------------------
// The step budget.

TEST(BakeoffBudget, StopsEveryContestantOfEverySeedAtTheSameStep) {
    const Dataset data = spiral();
    Bakeoff bakeoff(data, short_contest(37));
    EXPECT_FALSE(bakeoff.finished());
    bakeoff.step(30);
    EXPECT_FALSE(bakeoff.finished());
    EXPECT_EQ(bakeoff.step(30), 7);  // only what the budget leaves
    EXPECT_EQ(bakeoff.step(30), 0);
    EXPECT_EQ(bakeoff.step_within(std::chrono::milliseconds(50), 100).steps, 0);
    ASSERT_TRUE(bakeoff.finished());
    for (int i = 0; i < bakeoff.size(); ++i) {
        EXPECT_EQ(bakeoff.contestant(i).trainer().steps(), 37);
        EXPECT_EQ(bakeoff.contestant(i).trainer().history().back().step, 37);  // the table is at the budget
    }
    // Raised, the contest goes on to the new budget.
    bakeoff.set_step_budget(40);
    EXPECT_FALSE(bakeoff.finished());
    while (bakeoff.step_within(std::chrono::milliseconds(50), 100).steps > 0) {
    }
    EXPECT_TRUE(bakeoff.finished());
    for (int i = 0; i < bakeoff.size(); ++i) EXPECT_EQ(bakeoff.contestant(i).trainer().steps(), 40);
}

TEST(BakeoffBudget, SeedGroupsCatchUpToTheBudgetOnTheirOwn) {
    const Dataset data = spiral();
    Bakeoff bakeoff(data, short_contest(20));
    bakeoff.step(100, 0);
    EXPECT_TRUE(bakeoff.finished(0));
    EXPECT_FALSE(bakeoff.finished(1));
    EXPECT_FALSE(bakeoff.finished());
    // The verdict sees the seeds at different steps: not a common step, so not final.
    EXPECT_FALSE(judge_bakeoff(summarise(bakeoff), bakeoff.activation_count(), 75).common_step);
    bakeoff.step(100, 1);
    bakeoff.step(100, 2);
    EXPECT_TRUE(bakeoff.finished());
    EXPECT_EQ(judge_bakeoff(summarise(bakeoff), bakeoff.activation_count(), 75).common_step, 20);
    // No budget: never finished while a contestant can train.
    Bakeoff open(data, short_contest(std::nullopt));
    open.step(5);
    EXPECT_FALSE(open.finished());
    BakeoffConfig negative = short_contest(-1);
    EXPECT_TRUE(negative.validate());
}

}  // namespace
}  // namespace actviz
