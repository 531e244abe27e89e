#include "core/loss.hpp"

#include <cmath>

namespace actviz {

template <typename T>
LossResult softmax_cross_entropy(const Eigen::Ref<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>>& logits,
                                 std::span<const int> labels,
                                 Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>* dlogits, std::span<int> predicted) {
    const Eigen::Index n = logits.cols();
    const Eigen::Index classes = logits.rows();
    LossResult result;
    if (n == 0) return result;
    const bool classes_wanted = static_cast<Eigen::Index>(predicted.size()) == n;
    // Σ_i log s_i is taken as the log of products of 16 sums (each s_i ∈ [1, K]: no overflow), so a
    // batch costs n/16 logarithms instead of n. Columns are short (K ≤ a few): plain pointer loops.
    constexpr Eigen::Index kLogGroup = 16;
    double margin = 0;    // Σ_i (max_k z_ki − z_{y_i i})
    double log_sums = 0;  // Σ_i log Σ_k e^{z_ki − max}
    double product = 1;
    const auto accumulate = [&](Eigen::Index i, double sum) {
        product *= sum;
        if ((i + 1) % kLogGroup == 0 || i + 1 == n) {
            log_sums += std::log(product);
            product = 1;
        }
    };
    const auto column_top = [&](Eigen::Index i, const T* z) {
        const int y = labels[static_cast<size_t>(i)];
        Eigen::Index best = 0;
        for (Eigen::Index k = 1; k < classes; ++k) best = z[k] > z[best] ? k : best;
        margin += static_cast<double>(z[best]) - static_cast<double>(z[y]);
        result.correct += best == y;
        if (classes_wanted) predicted[static_cast<size_t>(i)] = static_cast<int>(best);
        return z[best];
    };
    const T* z_data = logits.data();
    const Eigen::Index stride = logits.outerStride();
    if (dlogits) {
        // z − max per column, then exp over the whole block at once (vectorised), then per column.
        auto& p = *dlogits;
        T* p_data = p.data();
        for (Eigen::Index i = 0; i < n; ++i) {
            const T* z = z_data + i * stride;
            const T top = column_top(i, z);
            for (Eigen::Index k = 0; k < classes; ++k) p_data[i * classes + k] = z[k] - top;
        }
        p.array() = p.array().exp();
        const T scale = T(1) / static_cast<T>(n);
        for (Eigen::Index i = 0; i < n; ++i) {
            T* column = p_data + i * classes;
            T sum = 0;
            for (Eigen::Index k = 0; k < classes; ++k) sum += column[k];
            accumulate(i, static_cast<double>(sum));
            const T factor = scale / sum;
            for (Eigen::Index k = 0; k < classes; ++k) column[k] *= factor;
            column[labels[static_cast<size_t>(i)]] -= scale;
        }
    } else {
        for (Eigen::Index i = 0; i < n; ++i) {
            const T* z = z_data + i * stride;
            const T top = column_top(i, z);
            double sum = 0;
            for (Eigen::Index k = 0; k < classes; ++k) sum += std::exp(static_cast<double>(z[k] - top));
            accumulate(i, sum);
        }
    }
    result.loss = (log_sums + margin) / static_cast<double>(n);
    return result;
}

template LossResult softmax_cross_entropy<float>(const Eigen::Ref<const MatrixF>&, std::span<const int>, MatrixF*,
                                                 std::span<int>);
template LossResult softmax_cross_entropy<double>(const Eigen::Ref<const Matrix>&, std::span<const int>, Matrix*,
                                                  std::span<int>);

double weight_penalty(const Mlp& mlp, double l2, double l1) {
    const auto w = mlp.parameters().head(mlp.layout().weight_count);
    double penalty = 0;
    if (l2 != 0) penalty += 0.5 * l2 * w.squaredNorm();
    if (l1 != 0) penalty += l1 * w.lpNorm<1>();
    return penalty;
}

void add_penalty_gradient(const Mlp& mlp, double l2, double l1, Vector& gradient) {
    const Eigen::Index count = mlp.layout().weight_count;
    const auto w = mlp.parameters().head(count).array();
    auto g = gradient.head(count).array();
    if (l2 != 0) g += l2 * w;
    if (l1 != 0) g += l1 * w.sign();
}

}  // namespace actviz
