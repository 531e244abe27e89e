#pragma once
// The textbook's pitfall, numerically: a softmax placed before a loss that applies its own
// (PyTorch's CrossEntropyLoss takes logits). The network's outputs z are then squashed twice:
//   right:  L = −log softmax(z)_y                 ∂L/∂z = p − onehot(y),  p = softmax(z)
//   wrong:  L = −log softmax(softmax(z))_y        ∂L/∂z = Jᵀ (q − onehot(y)),  q = softmax(p),
//                                                 J = ∂p/∂z = diag(p) − p pᵀ
// softmax(p) of probabilities in [0, 1] is nearly uniform whatever z is, so the loss can never fall
// below log(1 + (K − 1)/e) (p one-hot on the right class), and its gradient is damped by J: training
// crawls and stalls.

#include <Eigen/Core>

namespace actviz {

struct CrossEntropyGradients {
    double loss = 0, doubled_loss = 0;  // −log softmax(z)_y and −log softmax(softmax(z))_y
    Eigen::VectorXd gradient;           // ∂L/∂z with the loss applying the only softmax
    Eigen::VectorXd doubled_gradient;   // ∂L/∂z when the network applied a softmax of its own first
};

// Requires finite logits (at least 2) and 0 ≤ label < their count.
CrossEntropyGradients cross_entropy_gradients(const Eigen::VectorXd& logits, int label);

}  // namespace actviz
