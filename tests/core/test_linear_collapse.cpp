// Stacked linear layers collapse to one (core/linear_collapse.hpp): an identity-activation network's
// logits are W*·a_0 + b* at every step of training, to 1e-12 in the float64 pass, and a network with
// no hidden layer trained the same way does as well as the deep one, while one tanh layer does better.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/features.hpp"
#include "core/linear_collapse.hpp"
#include "core/mlp_pass.hpp"
#include "core/trainer.hpp"

namespace actviz {
namespace {

Dataset moons(int points = 200) {
    DatasetConfig data;
    data.kind = DatasetKind::Moons;
    data.classes = 2;
    data.points = points;
    data.noise = 0.1;
    data.test_ratio = 0;
    return make_dataset(data);
}

TrainerConfig config(std::vector<int> hidden, const char* activation) {
    TrainerConfig c;
    c.model.hidden = std::move(hidden);
    c.model.classes = 2;
    c.model.activations = {{find_activation(activation), find_activation(activation)->defaults()}};
    c.optimizer.kind = OptimizerKind::Adam;
    c.optimizer.learning_rate = 0.01;
    c.float64 = true;  // the exact pass: the collapse is checked to 1e-12, not to float32's 1e-7
    return c;
}

// The network's own logits for the training points, by the double forward pass (features × n in).
Matrix network_logits(const Trainer& trainer, Matrix& inputs) {
    const std::vector<Point>& points = trainer.data().train;
    Matrix xy(2, static_cast<Eigen::Index>(points.size()));
    for (size_t i = 0; i < points.size(); ++i) xy.col(static_cast<Eigen::Index>(i)) << points[i].x, points[i].y;
    inputs.resize(trainer.mlp().input_size(), xy.cols());
    expand_features(trainer.mlp().config().features, xy, inputs);
    PassWorkspace<double> work;
    work.resize(trainer.mlp(), inputs.cols());
    forward<double>(trainer.mlp(), inputs, work);
    return work.logits();
}

TEST(LinearCollapse, HandSetWeightsFoldToTheProductWorkedOutByHand) {
    ModelConfig model;
    model.hidden = {2};
    model.classes = 2;
    model.activations = {{find_activation("identity"), {}}};
    Mlp mlp(model);
    mlp.weight(0) << 1, 2, 3, 4;  // W_1
    mlp.bias(0) << 1, -1;         // b_1
    mlp.weight(1) << 0, 1, 2, -1;  // W_2
    mlp.bias(1) << 0.5, 0;         // b_2
    const std::optional<AffineMap> map = collapsed_affine_map(mlp);
    ASSERT_TRUE(map);
    // W_2 W_1 = [[0·1 + 1·3, 0·2 + 1·4], [2·1 − 3, 2·2 − 4]] = [[3, 4], [−1, 0]];
    // W_2 b_1 + b_2 = [0 − 1 + 0.5, 2 + 1 + 0] = [−0.5, 3].
    EXPECT_EQ(map->weight, (Matrix(2, 2) << 3, 4, -1, 0).finished());
    EXPECT_EQ(map->bias, (Vector(2) << -0.5, 3).finished());
}

TEST(LinearCollapse, OnlyForNetworksWhoseHiddenActivationsAreAllTheIdentity) {
    ModelConfig model;
    model.hidden = {4, 4};
    model.activations = {{find_activation("identity"), {}}, {find_activation("tanh"), {}}};
    EXPECT_FALSE(collapsed_affine_map(Mlp(model)));
    model.activations = {{find_activation("identity"), {}}};
    EXPECT_TRUE(collapsed_affine_map(Mlp(model)));
    model.hidden = {};  // no hidden layer: the map is the output layer itself
    const Mlp shallow(model);
    const std::optional<AffineMap> map = collapsed_affine_map(shallow);
    ASSERT_TRUE(map);
    EXPECT_EQ(map->weight, Matrix(shallow.weight(0)));
    EXPECT_EQ(map->bias, Vector(shallow.bias(0)));
}

TEST(LinearCollapse, ATrainedIdentityNetworkIsItsCollapsedMapAtEveryStep) {
    for (bool extra_features : {false, true}) {
        TrainerConfig c = config({8, 8, 8}, "identity");
        c.model.features.x_squared = c.model.features.sin_y = extra_features;  // affine in the features, not in x, y
        Trainer trainer(moons(), c);
        int checked = 0;
        for (int steps : {0, 1, 10, 100, 400}) {
            trainer.step(steps - static_cast<int>(trainer.steps()));
            ASSERT_EQ(trainer.steps(), steps);
            Matrix inputs;
            const Matrix logits = network_logits(trainer, inputs);
            const std::optional<AffineMap> map = collapsed_affine_map(trainer.mlp());
            ASSERT_TRUE(map);
            ASSERT_EQ(map->weight.cols(), trainer.mlp().input_size());
            const Matrix collapsed = (map->weight * inputs).colwise() + map->bias;
            const double largest = logits.cwiseAbs().maxCoeff();
            EXPECT_LE((logits - collapsed).cwiseAbs().maxCoeff(), 1e-12)  // measured: at most 1.3e-15
                << "step " << steps << ", largest |logit| " << largest;
            ++checked;
        }
        EXPECT_EQ(checked, 5);
    }
}

TEST(LinearCollapse, NoHiddenLayerLearnsAsWellAsThreeIdentityLayersAndOneTanhLayerBendsPast) {
    const auto final_loss = [](std::vector<int> hidden, const char* activation, int steps) {
        Trainer trainer(moons(), config(std::move(hidden), activation));
        trainer.step(steps);
        EXPECT_FALSE(trainer.divergence());
        return trainer.history().back();
    };
    const HistoryRecord deep = final_loss({8, 8, 8}, "identity", 1500);
    const HistoryRecord shallow = final_loss({}, "identity", 1500);
    // Cross-entropy is convex in (W*, b*) and 6000 Adam steps bring the shallow one close to the best
    // any affine map achieves, which no identity network, being one, can beat.
    const HistoryRecord best_affine = final_loss({}, "identity", 6000);
    const HistoryRecord bent = final_loss({8}, "tanh", 1500);
    // Measured (seed 0, 200 moons): 0.25174, 0.25176 and 0.25174 (88.5% each); tanh 0.0083 (100%).
    EXPECT_NEAR(deep.train_loss, shallow.train_loss, 0.01);
    EXPECT_NEAR(deep.train_accuracy, shallow.train_accuracy, 0.02);
    EXPECT_GE(deep.train_loss, best_affine.train_loss - 1e-3);
    EXPECT_LT(bent.train_loss, shallow.train_loss / 2);
    EXPECT_GT(bent.train_accuracy, shallow.train_accuracy + 0.05);
}

}  // namespace
}  // namespace actviz
