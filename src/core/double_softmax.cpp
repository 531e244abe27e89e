#include "core/double_softmax.hpp"

#include <cmath>

#include "core/softmax.hpp"

namespace actviz {

CrossEntropyGradients cross_entropy_gradients(const Eigen::VectorXd& logits, int label) {
    const SoftmaxResult once = softmax(logits);
    const SoftmaxResult twice = softmax(once.probabilities);
    CrossEntropyGradients result;
    result.loss = -once.log_probabilities(label);
    result.doubled_loss = -twice.log_probabilities(label);
    Eigen::VectorXd onehot = Eigen::VectorXd::Zero(logits.size());
    onehot(label) = 1;
    result.gradient = once.probabilities - onehot;
    // The chain rule through the network's own softmax: J is symmetric, so Jᵀ v = J v.
    result.doubled_gradient = softmax_jacobian(once.probabilities) * (twice.probabilities - onehot);
    return result;
}

}  // namespace actviz
