#pragma once
// Softmax cross-entropy from logits, accuracy, and the L2/L1 weight penalties.
//   loss = (1/n) Σ_i [ log Σ_k e^{z_ki} − z_{y_i i} ]          (log-sum-exp with the column maximum taken out)
//   ∂loss/∂z = (softmax(z) − onehot(y)) / n
//   penalty = (λ₂/2) Σ w² + λ₁ Σ |w|   over the weights only (not biases, not PReLU α), as
//   torch.optim's weight_decay = λ₂ does; ∂penalty/∂w = λ₂ w + λ₁ sign(w), sign(0) = 0.

#include <span>

#include "core/mlp.hpp"
#include "core/nn_types.hpp"

namespace actviz {

struct LossResult {
    double loss = 0;  // mean cross-entropy in nats (data term only, without the penalty)
    int correct = 0;  // columns whose largest logit is the label's (ties go to the lower class)
};

// `logits` is K × n (K ≥ 2), `labels` has n entries in 0..K−1. When `dlogits` is given (K × n) it
// receives ∂loss/∂logits; when `predicted` is given (n entries) it receives each column's class, the
// very one `correct` counts. Non-finite logits give a non-finite loss, never a crash. The sums are
// accumulated in double whatever T is.
template <typename T>
LossResult softmax_cross_entropy(const Eigen::Ref<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>& logits,
                                 std::span<const int> labels,
                                 Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>* dlogits = nullptr,
                                 std::span<int> predicted = {});

extern template LossResult softmax_cross_entropy<float>(const Eigen::Ref<const MatrixF>&, std::span<const int>,
                                                        MatrixF*, std::span<int>);
extern template LossResult softmax_cross_entropy<double>(const Eigen::Ref<const Matrix>&, std::span<const int>,
                                                         Matrix*, std::span<int>);

double weight_penalty(const Mlp& mlp, double l2, double l1);
// gradient += ∂penalty/∂θ (weights only).
void add_penalty_gradient(const Mlp& mlp, double l2, double l1, Vector& gradient);

}  // namespace actviz
