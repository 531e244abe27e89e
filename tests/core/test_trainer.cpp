// Training as a user watches it: XOR and the 3-arm spiral are learned, the same seed gives the same
// numbers, dead ReLUs are reported (and leaky ReLUs are not), divergence pauses with finite weights.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/features.hpp"
#include "core/mlp_pass.hpp"
#include "core/trainer.hpp"

namespace actviz {
namespace {

Dataset dataset(DatasetKind kind, int classes, int points, double noise, double test_ratio, std::uint64_t seed = 0) {
    DatasetConfig data;
    data.kind = kind;
    data.classes = classes;
    data.points = points;
    data.noise = noise;
    data.test_ratio = test_ratio;
    data.seed = seed;
    return make_dataset(data);
}

TrainerConfig config(std::vector<int> hidden, const char* activation, OptimizerKind kind, double lr, int classes) {
    TrainerConfig c;
    c.model.hidden = std::move(hidden);
    c.model.classes = classes;
    c.model.activations = {{find_activation(activation), find_activation(activation)->defaults()}};
    c.optimizer.kind = kind;
    c.optimizer.learning_rate = lr;
    return c;
}

TEST(Trainer, LearnsXorWithOneHiddenLayer) {
    Trainer trainer(dataset(DatasetKind::Xor, 2, 200, 0.0, 0.2), config({8}, "tanh", OptimizerKind::Adam, 0.03, 2));
    trainer.step(1000);
    EXPECT_GE(trainer.history().back().train_accuracy, 0.99);
    EXPECT_GE(*trainer.history().back().test_accuracy, 0.9);  // held-out points near the axes are the hard ones
}

TEST(Trainer, XorNeedsAHiddenLayer) {
    Trainer trainer(dataset(DatasetKind::Xor, 2, 200, 0.0, 0.0), config({}, "tanh", OptimizerKind::Adam, 0.03, 2));
    trainer.step(500);
    EXPECT_LT(trainer.history().back().train_accuracy, 0.8);  // a line cannot separate XOR
}

TEST(Trainer, LearnsTheThreeArmSpiralWithTanhAndAdam) {
    // The benchmark network of README's Speed table: 600 points, 2-16-16-3 tanh, Adam lr 0.01, full batch (PyTorch: 99.7%).
    Trainer trainer(dataset(DatasetKind::Spiral, 3, 600, 0.2, 0.0),
                    config({16, 16}, "tanh", OptimizerKind::Adam, 0.01, 3));
    trainer.step(2000);
    EXPECT_EQ(trainer.steps(), 2000);
    EXPECT_GE(trainer.history().back().train_accuracy, 0.97);
    EXPECT_FALSE(trainer.divergence());
}

TEST(Trainer, SameSeedGivesTheSameNumbers) {
    const auto run = [](std::uint64_t seed) {
        TrainerConfig c = config({16, 8}, "relu", OptimizerKind::Momentum, 0.05, 3);
        c.model.seed = seed;
        c.batch = 32;
        Trainer trainer(dataset(DatasetKind::Spiral, 3, 300, 0.2, 0.2, seed), c);
        for (int i = 0; i < 5; ++i) trainer.step(20);
        return trainer;
    };
    const Trainer a = run(4), b = run(4), other = run(5);
    ASSERT_EQ(a.history().size(), 6u);
    for (size_t i = 0; i < a.history().size(); ++i) {
        EXPECT_EQ(a.history()[i].train_loss, b.history()[i].train_loss);
        EXPECT_EQ(a.history()[i].test_loss, b.history()[i].test_loss);
        EXPECT_EQ(a.history()[i].layer_grad_norm, b.history()[i].layer_grad_norm);
    }
    EXPECT_EQ(a.mlp().parameters(), b.mlp().parameters());
    EXPECT_NE(a.history().back().train_loss, other.history().back().train_loss);
}

TEST(Trainer, ALimitedHistoryStaysBoundedEvenlySpacedAndEndsAtTheLastStep) {
    Trainer trainer(dataset(DatasetKind::Xor, 2, 40, 0.1, 0.0), config({4}, "tanh", OptimizerKind::Adam, 0.01, 2));
    trainer.set_history_limit(64);
    for (int frame = 0; frame < 1000; ++frame) trainer.step(3);
    const std::vector<HistoryRecord>& history = trainer.history();
    ASSERT_LE(history.size(), 64u);
    EXPECT_GE(history.size(), 32u);
    EXPECT_EQ(history.front().step, 0);
    EXPECT_EQ(history.back().step, 3000);
    // The older part is thinned evenly: the spacing between consecutive records takes at most two
    // values (the coarse older one and the finer recent one) and never shrinks going back in time.
    for (size_t i = 2; i < history.size(); ++i) {
        EXPECT_LE(history[i].step - history[i - 1].step, history[i - 1].step - history[i - 2].step) << i;
    }
    Trainer unlimited(dataset(DatasetKind::Xor, 2, 40, 0.1, 0.0), config({4}, "tanh", OptimizerKind::Adam, 0.01, 2));
    for (int frame = 0; frame < 100; ++frame) unlimited.step(3);
    EXPECT_EQ(unlimited.history().size(), 101u);
    unlimited.set_history_limit(10);
    EXPECT_LE(unlimited.history().size(), 10u);
    EXPECT_EQ(unlimited.history().back().step, 300);
}

TEST(Trainer, ResetRedrawsFromTheSeedAndReplaysTheRun) {
    TrainerConfig c = config({8}, "tanh", OptimizerKind::Adam, 0.01, 3);
    c.batch = 10;
    Trainer trainer(dataset(DatasetKind::Spiral, 3, 120, 0.2, 0.0), c);
    trainer.step(30);
    const Vector after30 = trainer.mlp().parameters();
    const double loss30 = trainer.history().back().train_loss;
    trainer.reset();
    EXPECT_EQ(trainer.steps(), 0);
    ASSERT_EQ(trainer.history().size(), 1u);
    trainer.step(30);
    EXPECT_EQ(trainer.mlp().parameters(), after30);
    EXPECT_EQ(trainer.history().back().train_loss, loss30);
}

TEST(Trainer, ReluWithBiasMinusFiveIsDeadAndLeakyReluIsNot) {
    TrainerConfig relu = config({16, 16}, "relu", OptimizerKind::Adam, 0.01, 3);
    relu.model.bias = -5;
    Trainer dead(dataset(DatasetKind::Spiral, 3, 300, 0.2, 0.2), relu);
    dead.step(50);
    const HistoryRecord& d = dead.history().back();
    EXPECT_GE(d.dead_fraction, 0.9);
    EXPECT_EQ(dead.mlp().inactivity(0).kind, InactivityKind::Dead);  // reported as dead, not saturated
    for (double layer : d.layer_dead_fraction) EXPECT_GE(layer, 0.9);
    for (const Vector& activity : dead.unit_activity()) EXPECT_GE((activity.array() == 0).count(), 14);

    TrainerConfig leaky = relu;
    leaky.model.activations = {{find_activation("leaky_relu"), find_activation("leaky_relu")->defaults()}};
    Trainer alive(dataset(DatasetKind::Spiral, 3, 300, 0.2, 0.2), leaky);
    // Leaky ReLU has no hard zero: its count is of units on their negative side (z < 0 at every
    // point), where a ReLU unit would be dead. At bias −5 that is almost every unit, as for ReLU...
    EXPECT_EQ(alive.mlp().inactivity(0).kind, InactivityKind::NegativeSide);
    EXPECT_GE(alive.history().front().dead_fraction, 0.9);
    // ...and the leaky slope lets them climb back, which the count shows as it happens (ReLU's stays).
    alive.step(1500);
    dead.step(1450);
    EXPECT_LT(alive.history().back().dead_fraction, 0.5 * alive.history().front().dead_fraction);
    EXPECT_GE(dead.history().back().dead_fraction, 0.9);
}

TEST(Trainer, HistoryHoldsPerLayerGradientNormsAndActivity) {
    Trainer trainer(dataset(DatasetKind::Moons, 2, 200, 0.1, 0.25),
                    config({8, 6, 4}, "sigmoid", OptimizerKind::Sgd, 0.5, 2));
    trainer.step(10);
    const HistoryRecord& r = trainer.history().back();
    EXPECT_EQ(r.step, 10);
    EXPECT_EQ(r.layer_grad_norm.size(), 4u);
    EXPECT_EQ(r.layer_dead_fraction.size(), 3u);
    for (double norm : r.layer_grad_norm) EXPECT_GT(norm, 0);
    // Sigmoid's gradient shrinks towards the input (σ′ ≤ 1/4 per layer).
    EXPECT_LT(r.layer_grad_norm[0], r.layer_grad_norm[3]);
    ASSERT_EQ(trainer.unit_activity().size(), 3u);
    EXPECT_EQ(trainer.unit_activity()[1].size(), 6);
    EXPECT_TRUE((trainer.unit_activity()[0].array() >= 0).all() && (trainer.unit_activity()[0].array() <= 1).all());
    EXPECT_TRUE(r.test_loss.has_value());
}

TEST(Trainer, HugeLearningRateIsCaughtAsDivergedWithFiniteWeightsKept) {
    // lr = 1e4 on an unbounded activation blows up within a few steps.
    for (OptimizerKind kind : {OptimizerKind::Sgd, OptimizerKind::Momentum}) {
        Trainer trainer(dataset(DatasetKind::Spiral, 3, 300, 0.2, 0.2), config({16, 16}, "leaky_relu", kind, 1e4, 3));
        for (int i = 0; i < 100 && !trainer.divergence(); ++i) trainer.step(1);
        ASSERT_TRUE(trainer.divergence()) << optimizer_name(kind);
        EXPECT_TRUE(trainer.mlp().parameters().allFinite());
        for (const HistoryRecord& r : trainer.history()) {
            EXPECT_TRUE(std::isfinite(r.train_loss));
            EXPECT_TRUE(std::isfinite(*r.test_loss));
        }
        EXPECT_NE(trainer.divergence()->message.find("learning rate"), std::string::npos);
        // Paused: further steps do nothing until resume().
        const Vector kept = trainer.mlp().parameters();
        const std::int64_t steps = trainer.steps();
        EXPECT_EQ(trainer.step(10), 0);
        EXPECT_EQ(trainer.mlp().parameters(), kept);
        EXPECT_EQ(trainer.steps(), steps);
        // A sane learning rate resumes from the kept weights.
        OptimizerSettings calm = trainer.config().optimizer;
        calm.learning_rate = 1e-5;
        trainer.set_optimizer(calm);
        trainer.resume();
        EXPECT_FALSE(trainer.divergence());
    }
}

TEST(Trainer, ChangingTheActivationOrPenaltiesKeepsTheWeights) {
    Trainer trainer(dataset(DatasetKind::Circles, 2, 200, 0.05, 0.2),
                    config({8}, "tanh", OptimizerKind::Adam, 0.02, 2));
    trainer.step(20);
    const Vector weights = trainer.mlp().parameters();
    trainer.set_activation(-1, {find_activation("prelu"), {0.25, 0}});
    trainer.set_penalties(1e-3, 1e-4);
    trainer.set_batch(16);
    EXPECT_EQ(trainer.mlp().parameters().head(trainer.mlp().layout().alpha_offset),
              weights.head(trainer.mlp().layout().alpha_offset));
    trainer.step(20);
    EXPECT_EQ(trainer.steps(), 40);
    EXPECT_NE(trainer.mlp().alpha(0), 0.25);  // PReLU's α is learned
}

TEST(Trainer, HandEditedDataKeepsTheWeights) {
    Trainer trainer(dataset(DatasetKind::Gaussians, 3, 90, 0.2, 0.0),
                    config({6}, "relu", OptimizerKind::Adam, 0.01, 3));
    trainer.step(5);
    const Vector weights = trainer.mlp().parameters();
    Dataset edited = trainer.data();
    add_point(edited, {0.1, 0.2, 1});
    erase_points_near(edited, 0.6, 0.6, 0.3);
    trainer.set_data(edited);
    EXPECT_EQ(trainer.mlp().parameters(), weights);
    EXPECT_EQ(trainer.step(5), 5);
}

}  // namespace
}  // namespace actviz

namespace actviz {
namespace {

TEST(TrainerState, RestoreContinuesAndRefusesWhatDoesNotFit) {
    TrainerConfig c = config({8}, "relu", OptimizerKind::Adam, 0.02, 3);
    c.batch = 16;
    Trainer a(dataset(DatasetKind::Spiral, 3, 150, 0.1, 0.2), c);
    a.step(13);
    Trainer b(dataset(DatasetKind::Spiral, 3, 150, 0.1, 0.2), c);
    ASSERT_FALSE(b.restore(a.state()));
    a.step(9);
    b.step(9);
    EXPECT_EQ(a.mlp().parameters(), b.mlp().parameters());
    EXPECT_EQ(a.history().size(), b.history().size());

    TrainerState bad = a.state();
    bad.parameters.conservativeResize(bad.parameters.size() - 1);
    const Vector before = b.mlp().parameters();
    EXPECT_TRUE(b.restore(bad));
    bad = a.state();
    bad.optimizer.velocity[0] = std::nan("");
    EXPECT_TRUE(b.restore(bad));
    EXPECT_EQ(b.mlp().parameters(), before);  // refused: nothing taken
}

// A run restored one step before the limit takes that step and no more: the state it then saves
// is within what a session may hold (fuzz_session_values found a session at the limit that trained
// on and saved a step count its own reader refused).
TEST(TrainerState, StopsAtTheMostStepsASessionHolds) {
    TrainerConfig c = config({8}, "relu", OptimizerKind::Adam, 0.02, 3);
    Trainer t(dataset(DatasetKind::Spiral, 3, 90, 0.1, 0.2), c);
    t.step(2);
    TrainerState s = t.state();
    s.steps = kMaxTrainerSteps - 1;
    for (HistoryRecord& r : s.history) r.step += kMaxTrainerSteps - 3;
    ASSERT_FALSE(t.restore(s));
    EXPECT_EQ(t.step(5), 1);
    EXPECT_EQ(t.steps(), kMaxTrainerSteps);
    EXPECT_EQ(t.update(3), 0);
    EXPECT_EQ(t.steps(), kMaxTrainerSteps);
    s.steps = kMaxTrainerSteps + 1;
    EXPECT_TRUE(t.restore(s));  // beyond the limit: refused
}

}  // namespace
}  // namespace actviz

namespace actviz {
namespace {

// A loss that stays finite but blows up is a divergence as NaN is: ReLU with SGD at lr 10⁴ kills
// every unit and leaves the loss in the thousands, finite (issue 13).
// What the divergence message suggests: a much smaller learning rate, then Resume.
void resume_calmly(Trainer& trainer) {
    OptimizerSettings calm = trainer.config().optimizer;
    calm.learning_rate = 1e-5;
    trainer.set_optimizer(calm);
    trainer.resume();
}

TEST(Trainer, AFiniteLossThatBlowsUpPausesLikeNaN) {
    Trainer trainer(dataset(DatasetKind::Spiral, 3, 600, 0.2, 0.2), config({16, 16}, "relu", OptimizerKind::Sgd, 1e4, 3));
    // The rule, from the run's own start: 1000 × max(log K, the loss at step 0).
    const double start = trainer.history().front().train_loss;
    EXPECT_EQ(trainer.blow_up_loss(), kLossBlowUpFactor * std::max(std::log(3.0), start));
    for (int i = 0; i < 100 && !trainer.divergence(); ++i) trainer.step(1);
    ASSERT_TRUE(trainer.divergence());
    const Divergence& divergence = *trainer.divergence();
    EXPECT_NE(divergence.reason.find("blew up"), std::string::npos) << divergence.reason;
    EXPECT_NE(divergence.message.find("learning rate of 1000 or lower"), std::string::npos) << divergence.message;
    EXPECT_TRUE(trainer.mlp().parameters().allFinite());
    // Every record is finite; the last one is the blown-up loss that tripped it.
    for (const HistoryRecord& r : trainer.history()) EXPECT_TRUE(std::isfinite(r.train_loss));
    EXPECT_GT(trainer.history().back().train_loss, trainer.blow_up_loss());
    // Paused as for NaN.
    const std::int64_t steps = trainer.steps();
    EXPECT_EQ(trainer.step(10), 0);
    EXPECT_EQ(trainer.steps(), steps);
    // Resume with a small learning rate goes on from these weights without tripping again at once.
    resume_calmly(trainer);
    EXPECT_EQ(trainer.step(10), 10);
    EXPECT_FALSE(trainer.divergence());
}

TEST(Trainer, TheBlowUpCheckSeesMiniBatchLossesToo) {
    TrainerConfig c = config({16, 16}, "relu", OptimizerKind::Sgd, 1e4, 3);
    c.batch = 16;
    Trainer trainer(dataset(DatasetKind::Spiral, 3, 600, 0.2, 0.2), c);
    for (int i = 0; i < 50 && !trainer.divergence(); ++i) trainer.step(1);
    ASSERT_TRUE(trainer.divergence());
    EXPECT_NE(trainer.divergence()->reason.find("blew up"), std::string::npos);
    // Resumed at a calm learning rate, it trains on from the blown-up weights (batch and full loss alike).
    resume_calmly(trainer);
    EXPECT_EQ(trainer.step(20), 20);
    EXPECT_FALSE(trainer.divergence());
}

TEST(Trainer, ResetAndRestoreStartTheBlowUpReferenceAfresh) {
    Trainer trainer(dataset(DatasetKind::Spiral, 3, 300, 0.2, 0.2), config({8}, "relu", OptimizerKind::Sgd, 1e4, 3));
    trainer.step(20);
    ASSERT_TRUE(trainer.divergence());
    trainer.reset();
    EXPECT_FALSE(trainer.divergence());
    EXPECT_EQ(trainer.blow_up_loss(),
              kLossBlowUpFactor * std::max(std::log(3.0), trainer.history().front().train_loss));
    // A healthy run's state restored: its reference is its own start, and it trains on.
    Trainer healthy(dataset(DatasetKind::Spiral, 3, 300, 0.2, 0.2), config({8}, "tanh", OptimizerKind::Adam, 0.01, 3));
    healthy.step(50);
    Trainer copy(healthy.data(), healthy.config());
    ASSERT_FALSE(copy.restore(healthy.state()));
    EXPECT_EQ(copy.blow_up_loss(), healthy.blow_up_loss());
    EXPECT_EQ(copy.step(50), 50);
    EXPECT_FALSE(copy.divergence());
}

// The misclassified points drawn on the plane are the record's own predictions: they count its
// accuracy exactly, and they are each point's argmax of an independent double forward pass
// (wherever the two largest logits are not a near tie, where float and double may differ).
TEST(Trainer, EachRecordsPredictionsAreTheClassesItsAccuracyCounts) {
    Trainer trainer(dataset(DatasetKind::Spiral, 3, 600, 0.2, 0.25), config({16, 16}, "gelu", OptimizerKind::Adam, 0.02, 3));
    for (int round = 0; round < 4; ++round) {
        trainer.step(round == 0 ? 0 : 40);
        if (round == 0) trainer.record();
        const HistoryRecord& last = trainer.history().back();
        const Dataset& data = trainer.data();
        const auto share_right = [](const std::vector<Point>& points, const std::vector<int>& predicted) {
            int right = 0;
            for (std::size_t i = 0; i < points.size(); ++i) right += predicted[i] == points[i].label;
            return static_cast<double>(right) / static_cast<double>(points.size());
        };
        ASSERT_EQ(trainer.predicted_train().size(), data.train.size());
        ASSERT_EQ(trainer.predicted_test().size(), data.test.size());
        EXPECT_EQ(share_right(data.train, trainer.predicted_train()), last.train_accuracy) << "step " << last.step;
        EXPECT_EQ(share_right(data.test, trainer.predicted_test()), *last.test_accuracy) << "step " << last.step;

        const auto n = static_cast<Eigen::Index>(data.train.size());
        Matrix xy(2, n);
        for (Eigen::Index i = 0; i < n; ++i) xy(0, i) = data.train[i].x, xy(1, i) = data.train[i].y;
        Matrix input(trainer.mlp().input_size(), n);
        expand_features(trainer.mlp().config().features, xy, input);
        PassWorkspace<double> work;
        work.resize(trainer.mlp(), n);
        forward<double>(trainer.mlp(), input, work);
        int compared = 0;
        for (Eigen::Index i = 0; i < n; ++i) {
            Vector z = work.logits().col(i);
            Eigen::Index best = 0;
            const double top = z.maxCoeff(&best);
            z(best) = -std::numeric_limits<double>::infinity();
            if (top - z.maxCoeff() < 1e-4) continue;
            ++compared;
            EXPECT_EQ(trainer.predicted_train()[static_cast<std::size_t>(i)], best) << "point " << i << ", step " << last.step;
        }
        EXPECT_GT(compared, n * 9 / 10);
    }
}

// Points erased by hand shift every index after them: the last evaluation's classes are dropped with
// the old points (no rings rather than rings on the wrong points) until the next record.
TEST(Trainer, NewPointsDropTheOldPredictionsUntilTheNextRecord) {
    Trainer trainer(dataset(DatasetKind::Moons, 2, 200, 0.1, 0.2), config({8}, "tanh", OptimizerKind::Adam, 0.02, 2));
    trainer.step(10);
    ASSERT_EQ(trainer.predicted_train().size(), trainer.data().train.size());
    Dataset fewer = trainer.data();
    fewer.train.erase(fewer.train.begin(), fewer.train.begin() + 20);
    trainer.set_data(fewer);
    EXPECT_TRUE(trainer.predicted_train().empty());
    EXPECT_TRUE(trainer.predicted_test().empty());
    trainer.record();
    EXPECT_EQ(trainer.predicted_train().size(), fewer.train.size());
    EXPECT_EQ(trainer.predicted_test().size(), fewer.test.size());
}

}  // namespace
}  // namespace actviz
