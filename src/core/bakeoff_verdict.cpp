#include "core/bakeoff_verdict.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace actviz {
namespace {

// Means equal up to rounding: tied.
bool same(double a, double b) { return std::abs(a - b) <= 1e-9 * std::max({1.0, std::abs(a), std::abs(b)}); }

bool lower_is_better(Criterion c) { return c != Criterion::BestTestAccuracy; }

const Spread& spread_of_criterion(const ActivationSummary& row, Criterion c) {
    switch (c) {
        case Criterion::StepsTo90: return row.steps_to_90;
        case Criterion::BestTestAccuracy: return row.best_test_accuracy;
        default: return row.final_train_loss;
    }
}

bool ranked(const ActivationSummary& row, Criterion c) {
    const Spread& s = spread_of_criterion(row, c);
    switch (c) {
        case Criterion::StepsTo90: return row.seeds > 0 && s.count == row.seeds;
        case Criterion::BestTestAccuracy: return s.count > 0 && std::isfinite(s.mean);
        default: return row.diverged == 0 && s.count > 0 && std::isfinite(s.mean);
    }
}

// One contestant's value on a criterion, if it has one that criterion compares.
std::optional<double> value_of(const ContestantSummary& c, Criterion criterion) {
    switch (criterion) {
        case Criterion::StepsTo90:
            return c.steps_to_90 ? std::optional<double>(static_cast<double>(*c.steps_to_90)) : std::nullopt;
        case Criterion::BestTestAccuracy: return c.best_test_accuracy;
        default:
            return c.diverged_at || !std::isfinite(c.final_train_loss) ? std::nullopt
                                                                       : std::optional<double>(c.final_train_loss);
    }
}

void add_unique(std::vector<int>& list, int value) {
    if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

// Seed by seed: is a winner the best (or tied best) of that seed's contestants?
void judge_seeds(std::span<const ContestantSummary> contestants, CriterionVerdict& v) {
    if (v.winners.empty()) return;
    std::map<std::uint64_t, std::vector<const ContestantSummary*>> by_seed;
    for (const ContestantSummary& c : contestants) by_seed[c.seed].push_back(&c);
    const bool lower = lower_is_better(v.criterion);
    for (const auto& [seed, group] : by_seed) {
        std::optional<double> best, winners_best;
        int valued = 0;
        for (const ContestantSummary* c : group) {
            const auto value = value_of(*c, v.criterion);
            if (!value) continue;
            ++valued;
            if (!best || (lower ? *value < *best : *value > *best)) best = value;
            if (std::find(v.winners.begin(), v.winners.end(), c->activation_index) != v.winners.end() &&
                (!winners_best || (lower ? *value < *winners_best : *value > *winners_best))) {
                winners_best = value;
            }
        }
        if (!winners_best || valued < 2) continue;
        ++v.seeds_compared;
        if (same(*winners_best, *best)) {
            ++v.seeds_won;
            continue;
        }
        for (const ContestantSummary* c : group) {
            const auto value = value_of(*c, v.criterion);
            if (value && same(*value, *best)) add_unique(v.other_seed_winners, c->activation_index);
        }
    }
}

CriterionVerdict judge(std::span<const ContestantSummary> contestants, std::span<const ActivationSummary> table,
                       Criterion criterion) {
    CriterionVerdict v;
    v.criterion = criterion;
    v.ranking = rank_activations(table, criterion);
    if (!v.ranking.empty()) {
        const double first = spread_of_criterion(table[static_cast<size_t>(v.ranking.front())], criterion).mean;
        for (int a : v.ranking) {
            if (same(spread_of_criterion(table[static_cast<size_t>(a)], criterion).mean, first)) v.winners.push_back(a);
        }
    }
    for (const ActivationSummary& row : table) {
        if (criterion == Criterion::StepsTo90 && row.seeds > 0) {
            if (row.steps_to_90.count == 0) v.never_reached.push_back(row.activation_index);
            else if (row.steps_to_90.count < row.seeds) v.partly_reached.push_back(row.activation_index);
        }
        if (criterion == Criterion::FinalLoss && row.diverged > 0) v.diverged.push_back(row.activation_index);
    }
    judge_seeds(contestants, v);
    return v;
}

// printf into a std::string.
template <typename... Args>
std::string format(const char* pattern, Args... args) {
    char text[256];
    std::snprintf(text, sizeof text, pattern, args...);
    return text;
}

std::string name_of(const BakeoffVerdict& v, int activation) {
    return std::string(v.table[static_cast<size_t>(activation)].activation);
}

std::string names_of(const BakeoffVerdict& v, const std::vector<int>& activations, const char* last_joint = " and ") {
    std::string text;
    for (size_t i = 0; i < activations.size(); ++i) {
        if (i > 0) text += i + 1 == activations.size() ? last_joint : ", ";
        text += name_of(v, activations[i]);
    }
    return text;
}

// "21 ± 2 steps", "97.3%", "0.0123 ± 0.004": a criterion's mean (± sd over more than one seed).
std::string value_text(const Spread& s, Criterion c) {
    switch (c) {
        case Criterion::StepsTo90:  // a mean over seeds to a tenth: 21.0 and 21.2 are not the same
            return s.count > 1 ? format("%.1f ± %.1f steps", s.mean, s.stddev) : format("%.0f steps", s.mean);
        case Criterion::BestTestAccuracy:
            return s.count > 1 ? format("%.1f%% ± %.1f", 100 * s.mean, 100 * s.stddev) : format("%.1f%%", 100 * s.mean);
        default: return s.count > 1 ? format("%.3g ± %.2g", s.mean, s.stddev) : format("%.3g", s.mean);
    }
}

// The winners with their value, and the runner-up with its own (the margin at a glance).
// `detail` follows the value (the accuracy's interval).
std::string winners_text(const BakeoffVerdict& v, const CriterionVerdict& c, const std::string& detail = "") {
    const Spread& s = spread_of_criterion(v.table[static_cast<size_t>(c.winners.front())], c.criterion);
    std::string text = c.winners.size() == 1 ? name_of(v, c.winners.front()) + ", " + value_text(s, c.criterion)
                                             : names_of(v, c.winners) + " tie at " + value_text(s, c.criterion);
    text += detail;
    if (c.ranking.size() > c.winners.size()) {
        const int next = c.ranking[c.winners.size()];
        text += " (next: " + name_of(v, next) + ", " +
                value_text(spread_of_criterion(v.table[static_cast<size_t>(next)], c.criterion), c.criterion) + ")";
    }
    return text;
}

std::string agreement_text(const BakeoffVerdict& v, const CriterionVerdict& c) {
    if (c.seeds_compared == 0) return "";
    if (c.seeds_compared == 1) return "; one seed, so the seeds' agreement is not judged";
    const char* who = c.winners.size() > 1 ? "one of them" : "it";
    if (c.seeds_agree()) {
        return format("; the seeds agree: %s is best on all %d seeds", who, c.seeds_compared);
    }
    return format("; the seeds disagree: %s is best on %d of %d seeds (", who, c.seeds_won, c.seeds_compared) +
           names_of(v, c.other_seed_winners, ", ") + " on the others)";
}

std::string fastest_line(const BakeoffVerdict& v) {
    const CriterionVerdict& c = v.fastest;
    std::string line = "Fastest to 90% train accuracy: ";
    line += c.winners.empty() ? "none — no activation reached 90% on every seed" : winners_text(v, c);
    line += agreement_text(v, c);
    if (!c.partly_reached.empty()) {
        line += ". Reached 90% on some seeds only: ";
        for (size_t i = 0; i < c.partly_reached.size(); ++i) {
            const ActivationSummary& row = v.table[static_cast<size_t>(c.partly_reached[i])];
            line += (i ? ", " : "") + std::string(row.activation) +
                    format(" (%d of %d)", row.steps_to_90.count, row.seeds);
        }
    }
    if (!c.never_reached.empty()) line += ". Never reached 90%: " + names_of(v, c.never_reached);
    return line + ".";
}

std::string accuracy_line(const BakeoffVerdict& v) {
    const CriterionVerdict& c = v.most_accurate;
    std::string line = "Best test accuracy: ";
    if (c.winners.empty()) return line + "no test set (test ratio 0).";
    std::string interval_text;
    if (const auto& interval = v.test_interval[static_cast<size_t>(c.winners.front())]) {
        interval_text = format(", 95%% interval %.1f–%.1f%% on %d test points", 100 * interval->low,
                               100 * interval->high, v.test_points);
    }
    line += winners_text(v, c, interval_text);
    if (!c.not_separable.empty()) {
        line += "; not separable on this test set from " + names_of(v, c.not_separable) +
                " (their 95% intervals overlap)";
    } else if (c.ranking.size() > c.winners.size()) {
        line += "; separable on this test set: no other 95% interval overlaps";
    }
    return line + agreement_text(v, c) + ".";
}

std::string loss_line(const BakeoffVerdict& v) {
    const CriterionVerdict& c = v.lowest_loss;
    std::string line = "Lowest final train loss: ";
    line += c.winners.empty() ? "none — every activation diverged" : winners_text(v, c);
    line += agreement_text(v, c);
    if (!c.diverged.empty()) line += ". Diverged, so not ranked: " + names_of(v, c.diverged);
    return line + ".";
}

}  // namespace

ProportionInterval wilson_interval(double proportion, int trials, double z) {
    if (trials <= 0 || !std::isfinite(proportion)) return {0, 1};
    const double p = std::clamp(proportion, 0.0, 1.0);
    const double n = trials;
    const double z2 = z * z;
    const double denominator = 1 + z2 / n;
    const double centre = (p + z2 / (2 * n)) / denominator;
    const double half = z / denominator * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    // At p̂ = 0 or 1 the near end is exactly the bound (centre − half cancels to a rounding error).
    return {p == 0 ? 0.0 : std::max(0.0, centre - half), p == 1 ? 1.0 : std::min(1.0, centre + half)};
}

std::vector<int> rank_activations(std::span<const ActivationSummary> table, Criterion criterion) {
    std::vector<int> order;
    for (const ActivationSummary& row : table) {
        if (ranked(row, criterion)) order.push_back(row.activation_index);
    }
    const auto mean = [&](int a) {
        for (const ActivationSummary& row : table) {
            if (row.activation_index == a) return spread_of_criterion(row, criterion).mean;
        }
        return 0.0;
    };
    const bool lower = lower_is_better(criterion);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const double x = mean(a), y = mean(b);
        if (same(x, y)) return false;  // ties keep the table's order
        return lower ? x < y : x > y;
    });
    return order;
}

BakeoffVerdict judge_bakeoff(std::span<const ContestantSummary> contestants, int activation_count, int test_points) {
    BakeoffVerdict v;
    v.table = summarise_by_activation(contestants, activation_count);
    v.test_points = test_points;
    for (const ActivationSummary& row : v.table) v.seeds = std::max(v.seeds, row.seeds);
    for (const ActivationSummary& row : v.table) {
        v.test_interval.push_back(row.best_test_accuracy.count > 0 && test_points > 0
                                      ? std::optional<ProportionInterval>(wilson_interval(row.best_test_accuracy.mean, test_points))
                                      : std::nullopt);
    }
    bool first = true;
    bool common = true;
    std::int64_t step = 0;
    for (const ContestantSummary& c : contestants) {
        if (c.diverged_at) continue;
        if (first) step = c.steps, first = false;
        common = common && c.steps == step;
    }
    if (common && !first) v.common_step = step;
    v.fastest = judge(contestants, v.table, Criterion::StepsTo90);
    v.most_accurate = judge(contestants, v.table, Criterion::BestTestAccuracy);
    v.lowest_loss = judge(contestants, v.table, Criterion::FinalLoss);
    // Separable on the test set: no winner's interval overlaps another ranked activation's.
    CriterionVerdict& accurate = v.most_accurate;
    for (int a : accurate.ranking) {
        if (std::find(accurate.winners.begin(), accurate.winners.end(), a) != accurate.winners.end()) continue;
        for (int w : accurate.winners) {
            const auto& mine = v.test_interval[static_cast<size_t>(a)];
            const auto& theirs = v.test_interval[static_cast<size_t>(w)];
            if (mine && theirs && mine->overlaps(*theirs)) {
                accurate.not_separable.push_back(a);
                break;
            }
        }
    }
    return v;
}

std::vector<std::string> verdict_lines(const BakeoffVerdict& verdict) {
    if (verdict.table.empty()) return {};
    return {fastest_line(verdict), accuracy_line(verdict), loss_line(verdict)};
}

std::string_view verdict_definitions() {
    return "Each criterion ranks the mean over the seeds. Only activations that reached 90% train accuracy on "
           "every seed are ranked for speed; the others are named (never, or on some seeds only). A contestant "
           "that diverged is not ranked on final loss. Equal means tie, and every tied activation is named. The "
           "seeds agree when the winner is also the best (or tied best) on every seed taken alone. The test "
           "accuracy's 95% interval is Wilson's score interval for the test set's n points (every seed is scored "
           "on the same points, so more seeds do not narrow it); activations whose intervals overlap are not "
           "separable on this test set.";
}

}  // namespace actviz
