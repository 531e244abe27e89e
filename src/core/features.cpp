#include "core/features.hpp"

namespace actviz {
namespace {

constexpr std::array<std::string_view, 5> kOptionalNames{"x2", "y2", "xy", "sinx", "siny"};

template <typename M>
void expand(const FeatureSet& f, const Eigen::Ref<const M>& xy, Eigen::Ref<M> out) {
    // No points (every training point erased by hand): nothing to fill, and a row of an empty
    // map is an offset from a null pointer (UBSan, found by fuzzing the session loader).
    if (xy.cols() == 0) return;
    const auto x = xy.row(0).array();
    const auto y = xy.row(1).array();
    out.row(0) = xy.row(0);
    out.row(1) = xy.row(1);
    Eigen::Index row = 2;
    if (f.x_squared) out.row(row++).array() = x.square();
    if (f.y_squared) out.row(row++).array() = y.square();
    if (f.xy) out.row(row++).array() = x * y;
    if (f.sin_x) out.row(row++).array() = x.sin();
    if (f.sin_y) out.row(row++).array() = y.sin();
}

}  // namespace

int FeatureSet::count() const { return 2 + x_squared + y_squared + xy + sin_x + sin_y; }

std::span<const std::string_view> optional_feature_names() { return kOptionalNames; }

std::array<std::string_view, kMaxFeatures> feature_names(const FeatureSet& f, int& count) {
    std::array<std::string_view, kMaxFeatures> names{"x", "y"};
    count = 2;
    const bool on[5] = {f.x_squared, f.y_squared, f.xy, f.sin_x, f.sin_y};
    for (int i = 0; i < 5; ++i) {
        if (on[i]) names[static_cast<size_t>(count++)] = kOptionalNames[static_cast<size_t>(i)];
    }
    return names;
}

void expand_features(const FeatureSet& features, const Eigen::Ref<const Matrix>& xy, Eigen::Ref<Matrix> out) {
    expand<Matrix>(features, xy, out);
}

void expand_features(const FeatureSet& features, const Eigen::Ref<const MatrixF>& xy, Eigen::Ref<MatrixF> out) {
    expand<MatrixF>(features, xy, out);
}

}  // namespace actviz
