#pragma once
// Softmax with temperature T over a vector of logits z:
//   p_i = exp(z_i / T) / Σ_j exp(z_j / T)
// computed with the maximum subtracted first, so large logits (1000, 1001, 1002) stay finite.
// T → 0 tends to the one-hot argmax, T → ∞ to uniform; for two classes p_0 = σ((z_0 − z_1) / T).

#include <Eigen/Core>

namespace actviz {

struct SoftmaxResult {
    Eigen::VectorXd probabilities;      // p, sums to 1
    Eigen::VectorXd log_probabilities;  // log p, exact even where p underflows to 0 (may be −∞ for T → 0)
    double entropy = 0;                 // −Σ p log p in nats; 0 for one-hot, log K for uniform
};

// (z − max z) / T, the exponents the stable softmax takes: every one ≤ 0, so e^(·) ≤ 1 never
// overflows. For T > 0 this is z/T − max(z/T) (the step-by-step table shows it: softmax_steps.hpp).
Eigen::VectorXd shifted_logits(const Eigen::VectorXd& logits, double temperature);

// Requires a non-empty vector of finite logits and T > 0 (callers validate user input).
SoftmaxResult softmax(const Eigen::VectorXd& logits, double temperature = 1.0);

// ∂p_i/∂z_j = p_i (δ_ij − p_j) / T: the Jacobian with respect to the logits themselves.
// At T = 1 this is the textbook S_i(δ_ij − S_j).
Eigen::MatrixXd softmax_jacobian(const Eigen::VectorXd& probabilities, double temperature = 1.0);

}  // namespace actviz
