#include "core/mlp_pass.hpp"

#include <type_traits>
#include <utility>

#include "core/layer_kernel.hpp"

namespace actviz {
namespace {

template <typename T>
using MatrixT = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>;

// W_l and b_l as views into a flat vector laid out like Mlp::parameters().
template <typename V>
auto weight_view(const Mlp& mlp, V& flat, int l) {
    const auto i = static_cast<size_t>(l);
    const ParameterLayout& layout = mlp.layout();
    using Scalar = std::remove_const_t<typename V::Scalar>;
    using M = std::conditional_t<std::is_const_v<V>, const MatrixT<Scalar>, MatrixT<Scalar>>;
    return Eigen::Map<M>(flat.data() + layout.weight_offset[i], layout.rows[i], layout.cols[i]);
}
template <typename V>
auto bias_view(const Mlp& mlp, V& flat, int l) {
    const auto i = static_cast<size_t>(l);
    const ParameterLayout& layout = mlp.layout();
    using Scalar = std::remove_const_t<typename V::Scalar>;
    using W = Eigen::Matrix<Scalar, Eigen::Dynamic, 1>;
    using M = std::conditional_t<std::is_const_v<V>, const W, W>;
    return Eigen::Map<M>(flat.data() + layout.bias_offset[i], layout.rows[i]);
}

// out = a·b into preallocated storage. (Eigen's coefficient-based lazyProduct was measured 2–7×
// slower than its blocked GEMM even for these thin 16 × 16 · 16 × 600 shapes.)
template <typename Out, typename A, typename B>
void multiply(Out&& out, const A& a, const B& b) {
    out.noalias() = a * b;
}

}  // namespace

template <typename T>
void PassWorkspace<T>::resize(const Mlp& mlp, Eigen::Index samples) {
    theta.resize(mlp.layout().size);
    gradient.resize(mlp.layout().size);
    const auto layers = static_cast<size_t>(mlp.layer_count());
    const auto hidden = static_cast<size_t>(mlp.hidden_count());
    z.resize(layers);
    dz.resize(layers);
    a.resize(hidden);
    df.resize(hidden);
    da.resize(hidden);
    for (int l = 0; l < mlp.layer_count(); ++l) {
        const auto i = static_cast<size_t>(l);
        z[i].resize(mlp.units(l), samples);
        dz[i].resize(mlp.units(l), samples);
        if (i < hidden) {
            a[i].resize(mlp.units(l), samples);
            df[i].resize(mlp.units(l), samples);
            da[i].resize(mlp.units(l), samples);
        }
    }
}

template <typename T>
void forward(const Mlp& mlp, const Eigen::Ref<const MatrixT<T>>& input, PassWorkspace<T>& work) {
    work.theta = mlp.parameters().cast<T>();
    const auto& theta = std::as_const(work.theta);
    for (int l = 0; l < mlp.layer_count(); ++l) {
        const auto i = static_cast<size_t>(l);
        MatrixT<T>& z = work.z[i];
        if (l == 0)
            multiply(z, weight_view(mlp, theta, l), input);
        else
            multiply(z, weight_view(mlp, theta, l), work.a[i - 1]);
        z.colwise() += bias_view(mlp, theta, l);
        if (l < mlp.hidden_count()) {
            const detail::LayerKernel<T> kernel(mlp.activation(l), mlp.activation_parameters(l));
            kernel.apply(z.data(), work.a[i].data(), work.df[i].data(), z.size());
        }
    }
}

template <typename T>
void backward(const Mlp& mlp, const Eigen::Ref<const MatrixT<T>>& input, PassWorkspace<T>& work) {
    const ParameterLayout& layout = mlp.layout();
    const auto& theta = std::as_const(work.theta);
    for (int l = mlp.layer_count() - 1; l >= 0; --l) {
        const auto i = static_cast<size_t>(l);
        const MatrixT<T>& dz = work.dz[i];
        auto dw = weight_view(mlp, work.gradient, l);
        if (l == 0)
            multiply(dw, dz, input.transpose());
        else
            multiply(dw, dz, work.a[i - 1].transpose());
        bias_view(mlp, work.gradient, l).noalias() = dz.rowwise().sum();
        if (l == 0) break;
        const int h = l - 1;
        MatrixT<T>& da = work.da[i - 1];
        multiply(da, weight_view(mlp, theta, l).transpose(), dz);
        // PReLU: ∂f/∂α = z where z < 0 (f = αz there), 0 elsewhere.
        work.gradient[layout.alpha_offset + h] =
            mlp.learns_alpha(h) ? (da.array() * work.z[i - 1].array().min(T(0))).sum() : T(0);
        work.dz[i - 1].array() = da.array() * work.df[i - 1].array();
    }
}

template struct PassWorkspace<float>;
template struct PassWorkspace<double>;
template void forward<float>(const Mlp&, const Eigen::Ref<const MatrixF>&, PassWorkspace<float>&);
template void forward<double>(const Mlp&, const Eigen::Ref<const Matrix>&, PassWorkspace<double>&);
template void backward<float>(const Mlp&, const Eigen::Ref<const MatrixF>&, PassWorkspace<float>&);
template void backward<double>(const Mlp&, const Eigen::Ref<const Matrix>&, PassWorkspace<double>&);

}  // namespace actviz
