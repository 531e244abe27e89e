#pragma once
// One forward and one backward pass of an Mlp over a batch, into preallocated buffers: a training
// step allocates nothing once the workspace has its batch size. The pass runs in T = float
// (training's default: twice the SIMD width, as PyTorch trains) or T = double (exact gradient
// checks); the Mlp's parameters and the optimiser stay double either way ("master weights").

#include <vector>

#include "core/mlp.hpp"
#include "core/nn_types.hpp"

namespace actviz {

template <typename T>
struct PassWorkspace {
    using MatrixT = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>;
    using VectorT = Eigen::Matrix<T, Eigen::Dynamic, 1>;

    VectorT theta;            // P: the Mlp's parameters in T, same layout (copied at the start of each forward)
    VectorT gradient;         // P: ∂L/∂θ in T, same layout (written by backward)
    std::vector<MatrixT> z;   // per weight layer l: units_l × n, z_l = W_l a_{l−1} + b_l (the last: logits, K × n)
    std::vector<MatrixT> a;   // per hidden layer h: units × n, a_h = f_h(z_h)
    std::vector<MatrixT> df;  // per hidden layer h: units × n, f_h′(z_h)
    std::vector<MatrixT> dz;  // per weight layer l: units_l × n, ∂L/∂z_l (the last one is written by the loss)
    std::vector<MatrixT> da;  // per hidden layer h: units × n, ∂L/∂a_h

    // Sizes every buffer for `samples` columns of `mlp`'s shapes (a no-op when they already fit).
    void resize(const Mlp& mlp, Eigen::Index samples);
    Eigen::Index samples() const { return z.empty() ? 0 : z.front().cols(); }
    const MatrixT& logits() const { return z.back(); }
    MatrixT& dlogits() { return dz.back(); }
};

// z, a and f′ of every layer for `input` (features × n, n = the workspace's size).
template <typename T>
void forward(const Mlp& mlp, const Eigen::Ref<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>& input,
             PassWorkspace<T>& work);

// From work.dlogits() = ∂L/∂logits back to ∂L/∂θ for every parameter, into work.gradient (α
// entries are 0 for layers that are not prelu). Needs the forward pass of the same input in `work`.
template <typename T>
void backward(const Mlp& mlp, const Eigen::Ref<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>& input,
              PassWorkspace<T>& work);

extern template struct PassWorkspace<float>;
extern template struct PassWorkspace<double>;
extern template void forward<float>(const Mlp&, const Eigen::Ref<const MatrixF>&, PassWorkspace<float>&);
extern template void forward<double>(const Mlp&, const Eigen::Ref<const Matrix>&, PassWorkspace<double>&);
extern template void backward<float>(const Mlp&, const Eigen::Ref<const MatrixF>&, PassWorkspace<float>&);
extern template void backward<double>(const Mlp&, const Eigen::Ref<const Matrix>&, PassWorkspace<double>&);

}  // namespace actviz
