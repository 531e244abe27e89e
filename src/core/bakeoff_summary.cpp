#include "core/bakeoff_summary.hpp"

#include <algorithm>
#include <cmath>

namespace actviz {

Spread spread_of(std::span<const double> values) {
    Spread s;
    s.count = static_cast<int>(values.size());
    if (values.empty()) return s;
    s.min = *std::min_element(values.begin(), values.end());
    s.max = *std::max_element(values.begin(), values.end());
    double sum = 0;
    for (double v : values) sum += v;
    s.mean = sum / s.count;
    if (s.count > 1) {
        double squares = 0;
        for (double v : values) squares += (v - s.mean) * (v - s.mean);
        s.stddev = std::sqrt(squares / (s.count - 1));
    }
    return s;
}

std::optional<double> first_last_grad_ratio(const HistoryRecord& record) {
    if (record.layer_grad_norm.empty()) return std::nullopt;
    const double last = record.layer_grad_norm.back();
    if (!(last > 0)) return std::nullopt;
    const double ratio = record.layer_grad_norm.front() / last;
    return std::isfinite(ratio) ? std::optional<double>(ratio) : std::nullopt;
}

ContestantSummary summarise(const Contestant& contestant) {
    const Trainer& trainer = contestant.trainer();
    ContestantSummary s;
    s.activation = contestant.activation_name();
    s.activation_index = contestant.activation_index();
    s.seed_index = contestant.seed_index();
    s.seed = contestant.seed();
    s.steps = trainer.steps();
    s.steps_to_90 = contestant.milestone(0);
    s.steps_to_95 = contestant.milestone(1);
    s.milestones_exact = contestant.milestones_exact();
    s.best_test_accuracy = contestant.best_test_accuracy();
    if (!trainer.history().empty()) {
        const HistoryRecord& last = trainer.history().back();
        s.final_train_loss = last.train_loss;
        s.final_train_accuracy = last.train_accuracy;
        s.first_last_grad_ratio = first_last_grad_ratio(last);
        s.dead_fraction = last.dead_fraction;
    }
    if (trainer.mlp().hidden_count() > 0) s.inactive = trainer.mlp().inactivity(0).statistic();
    if (trainer.divergence()) s.diverged_at = trainer.divergence()->step;
    return s;
}

std::vector<ContestantSummary> summarise(const Bakeoff& bakeoff) {
    std::vector<ContestantSummary> all;
    for (int i = 0; i < bakeoff.size(); ++i) all.push_back(summarise(bakeoff.contestant(i)));
    return all;
}

std::vector<ActivationSummary> summarise_by_activation(const Bakeoff& bakeoff) {
    return summarise_by_activation(summarise(bakeoff), bakeoff.activation_count());
}

std::vector<ActivationSummary> summarise_by_activation(std::span<const ContestantSummary> all, int activation_count) {
    std::vector<ActivationSummary> table;
    for (int a = 0; a < activation_count; ++a) {
        std::vector<double> to90, to95, best_test, loss, ratio, dead;
        ActivationSummary row;
        row.activation_index = a;
        for (const ContestantSummary& c : all) {
            if (c.activation_index != a) continue;
            row.activation = c.activation;
            ++row.seeds;
            if (c.steps_to_90) to90.push_back(static_cast<double>(*c.steps_to_90));
            if (c.steps_to_95) to95.push_back(static_cast<double>(*c.steps_to_95));
            if (c.best_test_accuracy) best_test.push_back(*c.best_test_accuracy);
            if (c.first_last_grad_ratio) ratio.push_back(*c.first_last_grad_ratio);
            loss.push_back(c.final_train_loss);
            dead.push_back(c.dead_fraction);
            if (c.diverged_at) ++row.diverged;
        }
        row.steps_to_90 = spread_of(to90);
        row.steps_to_95 = spread_of(to95);
        row.best_test_accuracy = spread_of(best_test);
        row.final_train_loss = spread_of(loss);
        row.first_last_grad_ratio = spread_of(ratio);
        row.dead_fraction = spread_of(dead);
        table.push_back(row);
    }
    return table;
}

}  // namespace actviz
