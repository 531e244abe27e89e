#pragma once
// The network's inputs: the point's x and y, plus optional derived features (TF Playground's
// x², y², xy, sin x, sin y), which let even a network without hidden layers draw curved boundaries.

#include <array>
#include <span>
#include <string_view>

#include "core/nn_types.hpp"

namespace actviz {

struct FeatureSet {
    bool x_squared = false;
    bool y_squared = false;
    bool xy = false;
    bool sin_x = false;
    bool sin_y = false;

    int count() const;  // 2 (x, y) plus the optional ones switched on
    bool operator==(const FeatureSet&) const = default;
};

inline constexpr int kMaxFeatures = 7;
// Names of the optional features, in the order they follow x and y: "x2", "y2", "xy", "sinx", "siny".
std::span<const std::string_view> optional_feature_names();
// The names of the model's inputs, in row order (x, y first).
std::array<std::string_view, kMaxFeatures> feature_names(const FeatureSet& features, int& count);

// Rows of `out` (features.count() × n): x, y, then the optional features in the order above.
// `xy` is 2 × n, one point per column.
void expand_features(const FeatureSet& features, const Eigen::Ref<const Matrix>& xy, Eigen::Ref<Matrix> out);
void expand_features(const FeatureSet& features, const Eigen::Ref<const MatrixF>& xy, Eigen::Ref<MatrixF> out);

}  // namespace actviz
