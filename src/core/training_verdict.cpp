#include "core/training_verdict.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace actviz {
namespace {

// The usual thresholds for the share of dead (or saturated) units in a layer.
LayerVerdict inactive_verdict(double share) {
    if (share < 0.10) return {Severity::Healthy, "healthy"};
    if (share <= 0.30) return {Severity::Concerning, "concerning"};
    if (share <= 0.50) return {Severity::Serious, "serious"};
    return {Severity::Critical, "critical"};
}

bool at_chance(const HistoryRecord& record, double chance) {
    return chance > 0 && record.train_loss >= kAtChanceShare * chance;
}

double largest_gradient(const HistoryRecord& record) {
    double largest = 0;
    for (double g : record.layer_grad_norm) largest = std::max(largest, g);
    return largest;
}

bool stalled(const HistoryRecord& record, const HistoryRecord& start, double chance) {
    if (record.step <= start.step || !at_chance(record, chance)) return false;
    const double now = largest_gradient(record);
    return now == 0 || now < kStalledShare * largest_gradient(start);
}

// ‖∂L/∂W_l‖ / ‖∂L/∂W_out‖, or a negative number when it means nothing (no output gradient at all).
double ratio_to_output(const HistoryRecord& record, size_t layer) {
    if (record.layer_grad_norm.size() < 2 || layer + 1 >= record.layer_grad_norm.size()) return -1;
    const double last = record.layer_grad_norm.back();
    if (!(last > 0)) return -1;
    return record.layer_grad_norm[layer] / last;
}

void keep_worse(LayerVerdict& verdict, LayerVerdict candidate) {
    if (candidate.severity > verdict.severity) verdict = std::move(candidate);
}

template <typename... Args>
std::string format(const char* pattern, Args... args) {
    char text[200];
    std::snprintf(text, sizeof text, pattern, args...);
    return text;
}

// "within 2% of": a loss a hair below the chance loss still counts as no better than chance.
std::string chance_text(const HistoryRecord& record, double chance) {
    return format("loss %.5g, %s %.5g for guessing the class shares", record.train_loss,
                  record.train_loss < chance ? "within 2% of" : "vs", chance);
}

// How the largest gradient compares with the run's start; a start of exactly 0 (every unit dead
// from the first step) has no share to give.
std::string gradient_then_text(const HistoryRecord& record, const HistoryRecord& start) {
    if (largest_gradient(start) == 0) {
        return format("largest ‖∂L/∂W‖ %.1e, already 0 at step %lld", largest_gradient(record),
                      static_cast<long long>(start.step));
    }
    return format("largest ‖∂L/∂W‖ %.1e, %.2g%% of step %lld's", largest_gradient(record),
                  100 * largest_gradient(record) / largest_gradient(start), static_cast<long long>(start.step));
}

}  // namespace

double chance_loss(std::span<const Point> points, int classes) {
    if (points.empty() || classes < 1) return 0;
    std::vector<double> counts(static_cast<size_t>(classes), 0.0);
    for (const Point& p : points) {
        if (p.label >= 0 && p.label < classes) counts[static_cast<size_t>(p.label)] += 1;
    }
    const double n = static_cast<double>(points.size());
    double entropy = 0;
    for (double c : counts) {
        if (c > 0) entropy -= c / n * std::log(c / n);
    }
    return entropy;
}

std::vector<LayerVerdict> judge_layers(const HistoryRecord& record, const HistoryRecord& start, double chance,
                                       std::string_view inactive) {
    std::vector<LayerVerdict> verdicts;
    const bool network_stalled = stalled(record, start, chance);
    const bool chance_level = record.step > 0 && at_chance(record, chance);
    const bool inactive_is_fault = inactive != "negative-side";
    for (size_t h = 0; h < record.layer_dead_fraction.size(); ++h) {
        LayerVerdict verdict = inactive_is_fault ? inactive_verdict(record.layer_dead_fraction[h]) : LayerVerdict{Severity::Healthy, "healthy"};
        const double ratio = ratio_to_output(record, h);
        if (ratio >= 0 && ratio < kVanishingRatio) keep_worse(verdict, {Severity::Critical, "vanishing ∇"});
        if (ratio > kExplodingRatio) keep_worse(verdict, {Severity::Critical, "exploding ∇"});
        if (chance_level && ratio >= 0 && ratio < kStarvingRatio) keep_worse(verdict, {Severity::Serious, "starving"});
        if (network_stalled) keep_worse(verdict, {Severity::Critical, "stalled"});
        verdicts.push_back(std::move(verdict));
    }
    return verdicts;
}

NetworkVerdict judge_network(const HistoryRecord& record, const HistoryRecord& start, double chance,
                             std::string_view inactive) {
    // The layer with the most inactive units, when past the healthy threshold.
    std::string inactive_text;
    LayerVerdict inactive_worst;
    size_t worst = 0;
    for (size_t h = 0; h < record.layer_dead_fraction.size(); ++h) {
        if (record.layer_dead_fraction[h] > record.layer_dead_fraction[worst]) worst = h;
    }
    const bool inactive_is_fault = inactive != "negative-side";
    std::string information;  // negative-side units: not a fault, but the lesson's number
    if (!inactive_is_fault && !record.layer_dead_fraction.empty() && record.layer_dead_fraction[worst] > 0) {
        information = format("; %.0f%% of layer %d's units on their negative side (learning through α)",
                             100 * record.layer_dead_fraction[worst], static_cast<int>(worst + 1));
    }
    if (inactive_is_fault && !record.layer_dead_fraction.empty()) {
        inactive_worst = inactive_verdict(record.layer_dead_fraction[worst]);
        if (inactive_worst.severity != Severity::Healthy) {
            inactive_text = format("%.0f%% of layer %d's units are ", 100 * record.layer_dead_fraction[worst],
                                   static_cast<int>(worst + 1)) +
                            std::string(inactive);
        }
    }
    const std::string also = inactive_text.empty() ? "" : "; " + inactive_text;
    if (stalled(record, start, chance)) {
        return {Severity::Critical,
                "stalled, no better than chance: " + chance_text(record, chance) + "; " + gradient_then_text(record, start) + also};
    }
    // The layer furthest from the output layer's gradient, either way.
    size_t low = 0, high = 0;
    double lowest = -1, highest = -1;
    for (size_t h = 0; h + 1 < record.layer_grad_norm.size(); ++h) {
        const double ratio = ratio_to_output(record, h);
        if (ratio < 0) continue;
        if (lowest < 0 || ratio < lowest) lowest = ratio, low = h;
        if (ratio > highest) highest = ratio, high = h;
    }
    if (lowest >= 0 && lowest < kVanishingRatio) {
        return {Severity::Critical, format("vanishing gradient: layer %d's ‖∂L/∂W‖ is %.1e × the output layer's (< 1e-3)",
                                           static_cast<int>(low + 1), lowest) +
                                        also};
    }
    if (highest > kExplodingRatio) {
        return {Severity::Critical, format("exploding gradient: layer %d's ‖∂L/∂W‖ is %.1e × the output layer's (> 1e3)",
                                           static_cast<int>(high + 1), highest) +
                                        also};
    }
    if (record.step > 0 && at_chance(record, chance) && lowest >= 0 && lowest < kStarvingRatio) {
        return {std::max(Severity::Serious, inactive_worst.severity),
                format("starving: layer %d gets %.1e × the output layer's ‖∂L/∂W‖ while the loss is no better than "
                       "chance (%.5g vs %.5g)",
                       static_cast<int>(low + 1), lowest, record.train_loss, chance) +
                    also};
    }
    if (!inactive_text.empty()) return {inactive_worst.severity, inactive_worst.word + ": " + inactive_text};
    if (record.step > start.step && at_chance(record, chance)) {
        return {Severity::Healthy,
                "no fault found, still no better than chance: " + chance_text(record, chance) + "; " +
                    gradient_then_text(record, start) + information};
    }
    std::string text = "no fault found";
    if (lowest >= 0) text += format(": layer 1 gets %.1e × the output layer's ‖∂L/∂W‖", ratio_to_output(record, 0));
    if (chance > 0) text += format("%s loss %.5g, chance %.5g", lowest >= 0 ? ";" : ":", record.train_loss, chance);
    return {Severity::Healthy, text + information};
}

}  // namespace actviz
