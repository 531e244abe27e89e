// The network diagram's node pictures come from the planes' own pass: every node's thumbnail
// sample equals what the grid evaluator computes at that pixel — the feature, the hidden unit's
// output a = f(z) (checked against the double forward pass, and against the evaluator's own unit
// mask), the output's class probability (the evaluator's own probability at that pixel).

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/grid.hpp"
#include "core/mlp_pass.hpp"
#include "core/trainer.hpp"

namespace actviz {
namespace {

Mlp trained_net(const char* activation, std::vector<int> hidden, FeatureSet features = {}) {
    DatasetConfig data;
    data.points = 200;
    data.test_ratio = 0;
    TrainerConfig config;
    config.model.hidden = std::move(hidden);
    config.model.activations = {{find_activation(activation), {}}};
    config.model.features = features;
    Trainer trainer(make_dataset(data), config);
    trainer.update(100);
    return trainer.mlp();
}

// Pixel (column, row) of the grid under thumbnail sample (k, m).
struct Pixel {
    int column, row;
};
Pixel pixel_of(const GridThumbnails& t, int k, int m) { return {k * t.stride + t.stride / 2, m * t.stride + t.stride / 2}; }

TEST(GridThumbnails, EveryNodeEqualsTheNetworkAtItsSamplePixels) {
    const Mlp mlp = trained_net("tanh", {5, 4}, FeatureSet{true, false, true, false, false});
    GridView view;
    view.width = 61;  // neither a multiple of the stride nor of a tile
    view.height = 47;
    GridRequest request;
    request.thumbnail_stride = 4;
    GridEvaluator evaluator;
    GridResult result;
    evaluator.evaluate(mlp, view, request, result);
    const GridThumbnails& t = result.thumbnails;
    ASSERT_EQ(t.width, 15);   // columns 2, 6, …, 58
    ASSERT_EQ(t.height, 12);  // rows 2, 6, …, 46
    ASSERT_EQ(t.layer_first, (std::vector<int>{0, 4, 9, 13, 16}));  // 4 features, 5, 4 units, 3 classes
    ASSERT_EQ(t.values.size(), 16u * 15u * 12u);

    // The double network at the sample pixels' centres.
    Matrix xy(2, t.samples());
    for (int m = 0; m < t.height; ++m) {
        for (int k = 0; k < t.width; ++k) {
            const Pixel p = pixel_of(t, k, m);
            xy(0, m * t.width + k) = view.x_of(p.column);
            xy(1, m * t.width + k) = view.y_of(p.row);
        }
    }
    Matrix input(mlp.input_size(), xy.cols());
    expand_features(mlp.config().features, xy, input);
    PassWorkspace<double> work;
    work.resize(mlp, xy.cols());
    forward<double>(mlp, input, work);

    for (int s = 0; s < t.samples(); ++s) {
        for (int f = 0; f < mlp.input_size(); ++f) EXPECT_NEAR(t.of(0, f)[s], input(f, s), 1e-5);
        for (int h = 0; h < mlp.hidden_count(); ++h) {
            for (int u = 0; u < mlp.units(h); ++u) {
                EXPECT_NEAR(t.of(h + 1, u)[s], work.a[static_cast<size_t>(h)](u, s), 1e-4) << "layer " << h << " unit " << u;
            }
        }
        const int k = s % t.width, m = s / t.width;
        const Pixel p = pixel_of(t, k, m);
        const size_t pixel = static_cast<size_t>(p.row) * static_cast<size_t>(view.width) + static_cast<size_t>(p.column);
        for (int c = 0; c < mlp.classes(); ++c) {
            EXPECT_EQ(t.of(mlp.hidden_count() + 1, c)[s], result.probabilities[pixel * 3 + static_cast<size_t>(c)]);
        }
    }
}

// With ReLU a unit's thumbnail is positive exactly where the evaluator's own mask (the plane's
// highlight of a hovered unit) says the unit is active: the picture and the highlight agree.
TEST(GridThumbnails, AReLUUnitIsPositiveExactlyWhereThePlaneSaysItIsActive) {
    const Mlp mlp = trained_net("relu", {8, 8});
    GridView view;
    view.width = view.height = 96;
    GridEvaluator evaluator;
    for (int h = 0; h < 2; ++h) {
        for (int u = 0; u < 8; ++u) {
            GridRequest request;
            request.thumbnail_stride = 3;
            request.unit_layer = h;
            request.unit = u;
            GridResult result;
            evaluator.evaluate(mlp, view, request, result);
            const GridThumbnails& t = result.thumbnails;
            for (int s = 0; s < t.samples(); ++s) {
                const Pixel p = pixel_of(t, s % t.width, s / t.width);
                const bool active = result.unit_active[static_cast<size_t>(p.row * view.width + p.column)] != 0;
                ASSERT_EQ(t.of(h + 1, u)[s] > 0, active) << "layer " << h << " unit " << u << " sample " << s;
            }
        }
    }
}

// Asking for thumbnails changes nothing else the pass computes.
TEST(GridThumbnails, DoNotChangeTheProbabilities) {
    const Mlp mlp = trained_net("gelu", {6, 6});
    GridView view;
    view.width = view.height = 70;
    GridEvaluator evaluator;
    GridResult plain, with;
    evaluator.evaluate(mlp, view, {}, plain);
    GridRequest request;
    request.thumbnail_stride = 5;
    evaluator.evaluate(mlp, view, request, with);
    // The same numbers up to float rounding (Eigen may block the product differently from one
    // call to the next); the same classes everywhere.
    ASSERT_EQ(plain.probabilities.size(), with.probabilities.size());
    for (size_t i = 0; i < plain.probabilities.size(); ++i) ASSERT_NEAR(plain.probabilities[i], with.probabilities[i], 1e-6) << i;
    EXPECT_EQ(plain.predicted, with.predicted);
}

}  // namespace
}  // namespace actviz
