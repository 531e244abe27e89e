#include "app/softmax/softmax_step_table.hpp"

#include <cmath>
#include <cstdio>

namespace actviz::app {

std::string step_number(double value) {
    if (std::isnan(value)) return "NaN";
    if (std::isinf(value)) return value > 0 ? "inf" : "\xE2\x88\x92inf";
    char text[40];
    std::snprintf(text, sizeof text, "%.6g", std::fabs(value));
    // −0 as 0: e.g. z/T − max at the maximum itself.
    return (value < 0 ? "\xE2\x88\x92" : "") + std::string(text);
}

SoftmaxStepTable softmax_step_table(const SoftmaxSteps& steps) {
    SoftmaxStepTable table;
    const bool unit_t = steps.temperature == 1.0;
    table.headers = {"class",
                     "z",
                     unit_t ? "z − max" : "z/T − max",
                     unit_t ? "e^(z − max)" : "e^(z/T − max)",
                     "p = e^(·)/Σ",
                     unit_t ? "naive e^z" : "naive e^(z/T)",
                     "naive p"};
    table.header_tooltips = {"class k = 0..K−1",
                             "the logit (type a value here, up to ±10⁴)",
                             "the exponent softmax takes: z/T minus the largest z/T, so every one is ≤ 0",
                             "each in (0, 1], the largest exactly e^0 = 1: nothing can overflow",
                             "the probability, core's softmax(z, T): Σ p = 1",
                             "e^(z/T) without the shift: inf once z/T > 709.78, 0 once z/T < −745.13",
                             "e^(z/T) / Σ e^(z/T): NaN when that sum is inf (inf/inf) or 0 (0/0)"};
    const auto cell = [](double value, bool warn_on_zero = false) {
        return StepCell{step_number(value), !std::isfinite(value) || (warn_on_zero && value == 0)};
    };
    for (Eigen::Index i = 0; i < steps.logits.size(); ++i) {
        table.rows.push_back({StepCell{std::to_string(i)}, cell(steps.logits[i]), cell(steps.shifted[i]),
                              cell(steps.exps[i]), cell(steps.probabilities[i]), cell(steps.naive_exps[i], true),
                              cell(steps.naive_probabilities[i])});
        table.naive_fails = table.naive_fails || !std::isfinite(steps.naive_probabilities[i]);
    }
    table.rows.push_back({StepCell{"Σ"}, StepCell{}, StepCell{}, cell(steps.exp_sum), cell(steps.probabilities.sum()),
                          cell(steps.naive_sum, true), cell(steps.naive_probabilities.sum())});
    return table;
}

}  // namespace actviz::app
