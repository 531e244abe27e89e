#pragma once
// The textbook's table of how softmax is computed, column by column, with the naive computation
// beside it so the reason for subtracting the maximum is on screen:
//   stable   s_i = z_i/T − max_j z_j/T  (≤ 0),  e_i = e^(s_i) (≤ 1),  S = Σ e_i (≥ 1),  p_i = e_i / S
//   naive    n_i = e^(z_i/T),  N = Σ n_i,  q_i = n_i / N
// For z = [1000, 1001, 1002] the naive e^1000 overflows to inf and q = inf/inf = NaN; for
// z = [−1000, −1001, −1002] every e^z underflows to 0 and q = 0/0 = NaN. The stable p is
// [0.090, 0.245, 0.665] in both cases.

#include <Eigen/Core>

namespace actviz {

struct SoftmaxSteps {
    Eigen::VectorXd logits;         // z, as given
    double temperature = 1;         // T
    Eigen::VectorXd shifted;        // s = (z − max z)/T = z/T − max(z/T): the very exponents softmax() takes
    Eigen::VectorXd exps;           // e^s, each in (0, 1], the largest exactly 1
    double exp_sum = 0;             // S = Σ e^s, in [1, K]
    Eigen::VectorXd probabilities;  // p = softmax(z, T).probabilities (bit for bit; e^s / S to an ulp)
    Eigen::VectorXd naive_exps;     // e^(z/T): inf once z/T > 709.78, 0 once z/T < −745.13
    double naive_sum = 0;           // Σ e^(z/T)
    Eigen::VectorXd naive_probabilities;  // e^(z/T) / Σ: NaN when the sum is inf or 0
};

// Requires a non-empty vector of finite logits and T > 0, as softmax() does.
SoftmaxSteps softmax_steps(const Eigen::VectorXd& logits, double temperature = 1.0);

}  // namespace actviz
