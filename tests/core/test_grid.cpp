// The decision-boundary grid: float32 probabilities agree with the double network, pixels are in
// image order, and the dead-unit counts and unit masks match the per-point rule.

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "core/grid.hpp"
#include "core/mlp_pass.hpp"
#include "core/trainer.hpp"

namespace actviz {
namespace {

Mlp trained(const char* activation, double bias, FeatureSet features = {}) {
    DatasetConfig data;
    data.points = 300;
    data.test_ratio = 0;
    TrainerConfig config;
    config.model.hidden = {16, 16};
    config.model.activations = {{find_activation(activation), {}}};
    config.model.features = features;
    config.model.bias = bias;
    Trainer trainer(make_dataset(data), config);
    trainer.update(200);
    return trainer.mlp();
}

// The double forward pass at the grid's pixel centres.
PassWorkspace<double> reference(const Mlp& mlp, const GridView& view) {
    Matrix xy(2, static_cast<Eigen::Index>(view.width) * view.height);
    for (int j = 0; j < view.height; ++j) {
        for (int i = 0; i < view.width; ++i) {
            xy(0, j * view.width + i) = view.x_of(i);
            xy(1, j * view.width + i) = view.y_of(j);
        }
    }
    Matrix input(mlp.input_size(), xy.cols());
    expand_features(mlp.config().features, xy, input);
    PassWorkspace<double> work;
    work.resize(mlp, xy.cols());
    forward<double>(mlp, input, work);
    return work;
}

TEST(Grid, ProbabilitiesAgreeWithTheDoubleNetwork) {
    const Mlp mlp = trained("tanh", 0, FeatureSet{true, false, true, false, true});
    GridView view;
    view.width = 37;  // not a multiple of anything: tiles end mid-row
    view.height = 29;
    view.x_min = -2;
    view.y_max = 1.2;
    GridEvaluator evaluator;
    GridResult result;
    evaluator.evaluate(mlp, view, {}, result);
    const PassWorkspace<double> work = reference(mlp, view);
    ASSERT_EQ(result.probabilities.size(), 37u * 29u * 3u);
    int checked = 0;
    for (Eigen::Index p = 0; p < work.logits().cols(); ++p) {
        const Vector logits = work.logits().col(p);
        Eigen::VectorXd softmax = (logits.array() - logits.maxCoeff()).exp();
        softmax /= softmax.sum();
        for (int k = 0; k < 3; ++k) EXPECT_NEAR(result.probabilities[static_cast<size_t>(p * 3 + k)], softmax[k], 1e-4);
        Eigen::Index best = 0;
        softmax.maxCoeff(&best);
        std::vector<double> sorted(softmax.data(), softmax.data() + 3);
        std::sort(sorted.begin(), sorted.end());
        if (sorted[2] - sorted[1] > 1e-3) {
            EXPECT_EQ(result.predicted[static_cast<size_t>(p)], best);
            ++checked;
        }
        EXPECT_NEAR(result.confidence[static_cast<size_t>(p)], softmax[best], 1e-4);
    }
    EXPECT_GT(checked, 37 * 29 * 9 / 10);
}

TEST(Grid, ResultDoesNotDependOnTheThreadCount) {
    const Mlp mlp = trained("relu", 0);
    GridView view;
    view.width = 300;
    view.height = 250;
    GridRequest request;
    request.inactive_counts = true;
    request.unit_layer = 0;
    request.unit = 2;
    GridResult one, three;
    GridEvaluator(1).evaluate(mlp, view, request, one);
    GridEvaluator(3).evaluate(mlp, view, request, three);
    EXPECT_EQ(one.probabilities, three.probabilities);
    EXPECT_EQ(one.predicted, three.predicted);
    EXPECT_EQ(one.inactive_count, three.inactive_count);
    EXPECT_EQ(one.unit_active, three.unit_active);
}

TEST(Grid, RowZeroIsTheTopOfThePlane) {
    GridView view;
    view.width = 4;
    view.height = 2;
    view.x_min = 0;
    view.x_max = 4;
    view.y_min = 0;
    view.y_max = 2;
    EXPECT_DOUBLE_EQ(view.x_of(0), 0.5);
    EXPECT_DOUBLE_EQ(view.y_of(0), 1.5);
    EXPECT_DOUBLE_EQ(view.y_of(1), 0.5);
}

TEST(Grid, InactiveCountsAndUnitMasksFollowTheDeadRule) {
    const Mlp mlp = trained("relu", -0.3);
    GridView view;
    view.width = 40;
    view.height = 30;
    GridRequest request;
    request.probabilities = false;
    request.inactive_counts = true;
    request.unit_layer = 1;
    request.unit = 5;
    GridEvaluator evaluator;
    GridResult all, first;
    evaluator.evaluate(mlp, view, request, all);
    request.count_layer = 0;
    evaluator.evaluate(mlp, view, request, first);
    const PassWorkspace<double> work = reference(mlp, view);
    int mismatches = 0, some_inactive = 0;
    for (Eigen::Index p = 0; p < work.z[0].cols(); ++p) {
        const int dead0 = static_cast<int>((work.z[0].col(p).array() <= 0).count());
        const int dead1 = static_cast<int>((work.z[1].col(p).array() <= 0).count());
        // A pre-activation within float rounding of 0 may fall either way.
        const bool near_zero =
            (work.z[0].col(p).array().abs() < 1e-5).any() || (work.z[1].col(p).array().abs() < 1e-5).any();
        if (near_zero) continue;
        mismatches += all.inactive_count[static_cast<size_t>(p)] != dead0 + dead1;
        mismatches += first.inactive_count[static_cast<size_t>(p)] != dead0;
        mismatches += all.unit_active[static_cast<size_t>(p)] != (work.z[1](5, p) > 0 ? 1 : 0);
        some_inactive += dead0 + dead1 > 0;
    }
    EXPECT_EQ(mismatches, 0);
    EXPECT_GT(some_inactive, 0);
    EXPECT_TRUE(all.probabilities.empty());  // not requested, not computed
}

TEST(Grid, SaturatedUnitsAreCountedForTanh) {
    const Mlp mlp = trained("tanh", 0);
    GridView view;
    view.width = view.height = 16;
    view.x_min = view.y_min = -30;  // far out every tanh unit saturates
    view.x_max = view.y_max = 30;
    GridRequest request;
    request.inactive_counts = true;
    GridEvaluator evaluator;
    GridResult result;
    evaluator.evaluate(mlp, view, request, result);
    EXPECT_GT(result.inactive_count[0], 16);  // corner pixel: most of the 32 units saturated
}

}  // namespace
}  // namespace actviz
