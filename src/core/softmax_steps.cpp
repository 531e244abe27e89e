#include "core/softmax_steps.hpp"

#include "core/softmax.hpp"

namespace actviz {

SoftmaxSteps softmax_steps(const Eigen::VectorXd& logits, double temperature) {
    SoftmaxSteps steps;
    steps.logits = logits;
    steps.temperature = temperature;
    steps.shifted = shifted_logits(logits, temperature);
    steps.exps = exp_each(steps.shifted.array());
    steps.exp_sum = steps.exps.sum();
    // p from softmax() itself, so the table and every other page print the same probabilities.
    steps.probabilities = softmax(logits, temperature).probabilities;
    steps.naive_exps = exp_each(logits.array() / temperature);  // underflows to 0 as a double does
    steps.naive_sum = steps.naive_exps.sum();
    steps.naive_probabilities = steps.naive_exps / steps.naive_sum;
    return steps;
}

}  // namespace actviz
