#include "core/softmax.hpp"

#include <cmath>

namespace actviz {

Eigen::VectorXd shifted_logits(const Eigen::VectorXd& logits, double temperature) {
    // Scaling the max-subtracted logits keeps every exponent ≤ 0, whatever T is.
    return (logits.array() - logits.maxCoeff()) / temperature;
}

Eigen::ArrayXd exp_each(const Eigen::ArrayXd& x) {
    return x.unaryExpr([](double v) { return std::exp(v); });
}

SoftmaxResult softmax(const Eigen::VectorXd& logits, double temperature) {
    const Eigen::VectorXd shifted = shifted_logits(logits, temperature);
    const double log_sum = std::log(exp_each(shifted.array()).sum());  // sum ≥ 1: the max term is e^0
    SoftmaxResult result;
    result.log_probabilities = shifted.array() - log_sum;
    result.probabilities = exp_each(result.log_probabilities.array());  // e^−1000 is 0, not 5.6e-309
    for (Eigen::Index i = 0; i < result.probabilities.size(); ++i) {
        // p = 0 contributes nothing (p log p → 0), even when log p is −∞.
        if (result.probabilities[i] > 0) result.entropy -= result.probabilities[i] * result.log_probabilities[i];
    }
    return result;
}

Eigen::MatrixXd softmax_jacobian(const Eigen::VectorXd& p, double temperature) {
    Eigen::MatrixXd jacobian = -p * p.transpose();
    jacobian.diagonal() += p;
    return jacobian / temperature;
}

}  // namespace actviz
