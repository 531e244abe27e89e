#pragma once
// Who won the bake-off, and how sure we can be: from the contest's table (per contestant and seed:
// steps to 90% train accuracy, best test accuracy, final train loss) a winner on each criterion,
// whether the seeds agree, and whether the test set is large enough to tell the best accuracies
// apart. The GUI's verdict lines and `actviz bakeoff`'s comment lines are the same words, made here.
//
// Definitions (the UI's help and the CLI's usage say the same):
//   - A criterion's value per activation is its mean over the seeds (as in the table).
//   - Fastest to 90%: only activations that reached 90% train accuracy on EVERY seed are ranked,
//     by mean steps; one that reached it on no seed is named "never reached 90%", one that reached
//     it on some seeds only is named with how many — never ranked by a sentinel step count.
//   - Lowest final loss: a contestant that diverged is not ranked (its last finite loss is not a
//     final loss); the activation is named as diverged.
//   - Tie: means equal up to rounding (relative 1e-9). Tied activations are all named winners.
//   - The seeds agree when a winner is the best (or tied best) on every seed taken alone; the
//     verdict says on how many seeds it was best otherwise. One seed: agreement is not judged.
//   - Test accuracy on n test points is a binomial proportion: its 95% interval is Wilson's score
//     interval. Seeds do not narrow it (every seed is scored on the same n points), so the interval
//     of an activation is that of its mean best test accuracy on n. Two activations whose intervals
//     overlap are "not separable on this test set".

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/bakeoff_summary.hpp"

namespace actviz {

inline constexpr double kZ95 = 1.959963984540054;  // Φ⁻¹(0.975)

struct ProportionInterval {
    double low = 0, high = 0;
    bool overlaps(const ProportionInterval& other) const { return low <= other.high && other.low <= high; }
};

// Wilson's score interval for a proportion p̂ observed on n trials:
//   centre = (p̂ + z²/2n) / (1 + z²/n),  half = z / (1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²).
// n ≤ 0 gives [0, 1] (nothing observed); p̂ is clamped to [0, 1].
ProportionInterval wilson_interval(double proportion, int trials, double z = kZ95);

enum class Criterion { StepsTo90, BestTestAccuracy, FinalLoss };

struct CriterionVerdict {
    Criterion criterion = Criterion::StepsTo90;
    std::vector<int> ranking;  // activation indices of the ranked activations, best first
    std::vector<int> winners;  // the first of the ranking and any tied with it; empty: none ranked
    // StepsTo90: reached 90% on no seed / on some seeds only (the count is in the table's Spread).
    std::vector<int> never_reached, partly_reached;
    std::vector<int> diverged;  // FinalLoss: activations not ranked because a seed diverged
    // BestTestAccuracy: ranked activations other than the winners whose 95% interval overlaps a winner's.
    std::vector<int> not_separable;
    int seeds_compared = 0;  // seeds on which the winners' values could be compared with the others'
    int seeds_won = 0;       // of those, the seeds on which a winner was best or tied best
    // Per compared seed that a winner did not win, the activations that did (for "tanh best on 2").
    std::vector<int> other_seed_winners;
    bool seeds_agree() const { return seeds_compared > 1 && seeds_won == seeds_compared; }
};

struct BakeoffVerdict {
    std::vector<ActivationSummary> table;  // per activation, as summarise_by_activation
    int seeds = 0;                         // the most seeds behind any row
    int test_points = 0;                   // 0: no test set
    std::vector<std::optional<ProportionInterval>> test_interval;  // per activation: Wilson 95% on test_points
    // The step every contestant is at (diverged ones aside), or nullopt when they differ.
    std::optional<std::int64_t> common_step;
    CriterionVerdict fastest, most_accurate, lowest_loss;
};

// Ranks the table on one criterion as the results table sorts it by default (steps ascending,
// accuracy descending, loss ascending), leaving out what the criterion does not rank (above).
std::vector<int> rank_activations(std::span<const ActivationSummary> table, Criterion criterion);

// The verdict over `contestants` (every seed's summaries, any order) of `activation_count`
// activations, whose test set has `test_points` points.
BakeoffVerdict judge_bakeoff(std::span<const ContestantSummary> contestants, int activation_count, int test_points);

// One sentence per criterion, in the order fastest, most accurate, lowest loss (plain text, UTF-8).
std::vector<std::string> verdict_lines(const BakeoffVerdict& verdict);
// "The seeds agree" as the verdict defines it, for help texts and the CLI's usage.
std::string_view verdict_definitions();

}  // namespace actviz
