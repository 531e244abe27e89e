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

// e^x for each element by std::exp, which underflows to 0 below x ≈ −745.13 and overflows to inf
// above 709.78 as a double must. Eigen's vectorised exp (4 doubles at a time with AVX) clamps its
// argument at ≈ −709.4 instead and returns ≈ 5.6e-309 for every exponent below it: e^−1000 read
// 5.6e-309, and the naive softmax of four logits near −1000 gave 0.25 each instead of 0/0 = NaN.
Eigen::ArrayXd exp_each(const Eigen::ArrayXd& x);

// Requires a non-empty vector of finite logits and T > 0 (callers validate user input).
SoftmaxResult softmax(const Eigen::VectorXd& logits, double temperature = 1.0);

// ∂p_i/∂z_j = p_i (δ_ij − p_j) / T: the Jacobian with respect to the logits themselves.
// At T = 1 this is the textbook S_i(δ_ij − S_j).
Eigen::MatrixXd softmax_jacobian(const Eigen::VectorXd& probabilities, double temperature = 1.0);

}  // namespace actviz
