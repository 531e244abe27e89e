// Linear regions of a piecewise-linear network, counted over the grid by the evaluator's patterns,
// against a brute-force count: every pixel's pattern computed here in double from the weights and
// collected in a std::set. The textbook cases: two ReLU lines that cross make 4 regions, two
// parallel ones 3.

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <vector>

#include "core/grid.hpp"
#include "core/linear_regions.hpp"
#include "core/mlp_pass.hpp"
#include "core/trainer.hpp"

namespace actviz {
namespace {

Mlp two_units(const char* activation, Matrix weights, Vector biases) {
    ModelConfig config;
    config.hidden = {2};
    config.classes = 2;
    config.activations = {{find_activation(activation), find_activation(activation)->defaults()}};
    Mlp mlp(config);
    mlp.weight(0) = weights;
    mlp.bias(0) = biases;
    return mlp;
}

GridView plane(int side) {
    GridView view;
    view.width = view.height = side;
    return view;  // [−1.5, 1.5]²
}

LinearRegions regions_of(const Mlp& mlp, const GridView& view) {
    GridEvaluator evaluator;
    GridResult result;
    GridRequest request;
    request.probabilities = false;
    request.activation_patterns = true;
    evaluator.evaluate(mlp, view, request, result);
    LinearRegions regions;
    label_linear_regions(result.patterns, result.pattern_words,
                         static_cast<size_t>(view.width) * static_cast<size_t>(view.height), regions);
    return regions;
}

// Brute force: each pixel's pieces (how many kinks lie below z, for every unit of every hidden
// layer) from the double forward pass, the distinct ones counted in a set; also each pixel's
// pattern, to check the labels.
std::vector<std::vector<int>> brute_force_patterns(const Mlp& mlp, const GridView& view) {
    Matrix xy(2, static_cast<Eigen::Index>(view.width) * view.height);
    for (int j = 0; j < view.height; ++j) {
        for (int i = 0; i < view.width; ++i) xy(0, j * view.width + i) = view.x_of(i), xy(1, j * view.width + i) = view.y_of(j);
    }
    Matrix input(mlp.input_size(), xy.cols());
    expand_features(mlp.config().features, xy, input);
    PassWorkspace<double> work;
    work.resize(mlp, xy.cols());
    forward<double>(mlp, input, work);
    std::vector<std::vector<int>> patterns(static_cast<size_t>(xy.cols()));
    for (Eigen::Index p = 0; p < xy.cols(); ++p) {
        for (int h = 0; h < mlp.hidden_count(); ++h) {
            const std::vector<double> kinks = mlp.activation(h).kinks(mlp.activation_parameters(h));
            for (int u = 0; u < mlp.units(h); ++u) {
                int piece = 0;
                for (double kink : kinks) piece += work.z[static_cast<size_t>(h)](u, p) > kink;
                patterns[static_cast<size_t>(p)].push_back(piece);
            }
        }
    }
    return patterns;
}

size_t brute_force_count(const Mlp& mlp, const GridView& view) {
    const auto patterns = brute_force_patterns(mlp, view);
    return std::set<std::vector<int>>(patterns.begin(), patterns.end()).size();
}

TEST(LinearRegions, TwoReLULinesThatCrossMakeFourRegions) {
    Matrix w(2, 2);
    w << 1, 0.3, -0.4, 1;  // two lines through (0.1, −0.2) at different slopes
    Vector b(2);
    b << -0.04, 0.24;
    const Mlp mlp = two_units("relu", w, b);
    const GridView view = plane(128);
    EXPECT_EQ(brute_force_count(mlp, view), 4u);
    EXPECT_EQ(regions_of(mlp, view).count, 4);
}

TEST(LinearRegions, TwoParallelReLULinesMakeThree) {
    Matrix w(2, 2);
    w << 1, 1, 2, 2;  // x + y = 0.2 and x + y = −0.5
    Vector b(2);
    b << -0.2, 1.0;
    const Mlp mlp = two_units("relu", w, b);
    const GridView view = plane(128);
    EXPECT_EQ(brute_force_count(mlp, view), 3u);
    EXPECT_EQ(regions_of(mlp, view).count, 3);
}

TEST(LinearRegions, AHardtanhUnitHasThreePieces) {
    Matrix w(2, 2);
    w << 1, 0, 0, 1;  // x and y, each cut at −1 and 1: a 3 × 3 board
    const Mlp mlp = two_units("hardtanh", w, Vector::Zero(2));
    const GridView view = plane(90);
    EXPECT_EQ(brute_force_count(mlp, view), 9u);
    EXPECT_EQ(regions_of(mlp, view).count, 9);
}

TEST(LinearRegions, CurvedActivationsHaveNone) {
    Matrix w(2, 2);
    w << 1, 0, 0, 1;
    const Mlp mlp = two_units("tanh", w, Vector::Zero(2));
    EXPECT_EQ(pattern_layout(mlp).units, 0);
    EXPECT_EQ(regions_of(mlp, plane(32)).count, 1);  // the whole plane, one piece of nothing
    EXPECT_TRUE(piecewise_linear(*find_activation("leaky_relu")));
    EXPECT_FALSE(piecewise_linear(*find_activation("elu")));
    EXPECT_FALSE(piecewise_linear(*find_activation("hardswish")));
}

// Deep trained nets: the count and every pixel's label agree with the brute force (same pattern,
// same label; different patterns, different labels).
class DeepLinearRegions : public ::testing::TestWithParam<const char*> {};

TEST_P(DeepLinearRegions, EqualTheBruteForceCountAndLabels) {
    DatasetConfig data;
    data.points = 200;
    data.test_ratio = 0;
    TrainerConfig config;
    config.model.hidden = {6, 5, 4};
    config.model.activations = {{find_activation(GetParam()), find_activation(GetParam())->defaults()}};
    config.model.init = InitScheme::HeNormal;
    Trainer trainer(make_dataset(data), config);
    trainer.update(50);
    const Mlp& mlp = trainer.mlp();
    const GridView view = plane(100);
    const auto patterns = brute_force_patterns(mlp, view);
    const LinearRegions regions = regions_of(mlp, view);
    EXPECT_EQ(static_cast<size_t>(regions.count), std::set<std::vector<int>>(patterns.begin(), patterns.end()).size());
    EXPECT_GT(regions.count, 4);
    std::map<std::vector<int>, int> label_of;
    std::set<int> labels;
    for (size_t p = 0; p < patterns.size(); ++p) {
        const auto [it, first] = label_of.try_emplace(patterns[p], regions.region[p]);
        ASSERT_EQ(it->second, regions.region[p]) << "pixel " << p << ": one pattern, two labels";
        if (first) {
            ASSERT_TRUE(labels.insert(regions.region[p]).second) << "pixel " << p << ": two patterns, one label";
        }
    }
}

INSTANTIATE_TEST_SUITE_P(PiecewiseLinear, DeepLinearRegions, ::testing::Values("relu", "leaky_relu", "relu6"));

// Patterns that share a hash are still told apart: the labels follow the words, not the hash.
TEST(LinearRegions, LabelsComparePatternsWordByWord) {
    const std::vector<std::uint64_t> patterns = {5, 7, 5, 9, 7, 7, 0};
    LinearRegions regions;
    label_linear_regions(patterns, 1, patterns.size(), regions);
    EXPECT_EQ(regions.count, 4);
    EXPECT_EQ(regions.region, (std::vector<std::int32_t>{0, 1, 0, 2, 1, 1, 3}));
    const std::vector<std::uint64_t> two_words = {1, 2, 1, 3, 1, 2};  // (1,2) (1,3) (1,2)
    label_linear_regions(two_words, 2, 3, regions);
    EXPECT_EQ(regions.count, 2);
    EXPECT_EQ(regions.region, (std::vector<std::int32_t>{0, 1, 0}));
}

}  // namespace
}  // namespace actviz
