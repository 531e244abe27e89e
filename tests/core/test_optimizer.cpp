// Optimisers: each lowers the loss of a convex problem (softmax regression), Adam's first two steps
// match a hand computation, and the state survives changes of hyper-parameters and optimiser.

#include <gtest/gtest.h>

#include <cmath>
#include <string_view>
#include <vector>

#include "core/optimizer.hpp"
#include "core/trainer.hpp"

namespace actviz {
namespace {

Mlp tiny_mlp() {
    ModelConfig model;
    model.hidden = {};
    model.classes = 2;
    return Mlp(model);  // 2 × 2 weights + 2 biases = 6 parameters
}

TEST(Optimizer, AdamMatchesAHandComputedFirstAndSecondStep) {
    const Mlp mlp = tiny_mlp();
    OptimizerSettings settings;
    settings.kind = OptimizerKind::Adam;
    settings.learning_rate = 0.1;
    Optimizer adam(settings);
    adam.reset(mlp);
    Vector theta0(6), g1(6), g2(6), theta1(6), theta2(6);
    theta0 << 1, -2, 0.5, 0, 3, -1;
    g1 << 0.5, -0.25, 2, 1e-3, 0, -4;
    g2 << -1, -0.25, 1, 2e-3, 0.5, 4;
    adam.step(theta0, g1, theta1);
    adam.step(theta1, g2, theta2);
    for (int i = 0; i < 6; ++i) {
        // By hand, torch.optim.Adam's formulas with β₁ = 0.9, β₂ = 0.999, ε = 1e-8:
        const double m1 = 0.1 * g1[i], v1 = 0.001 * g1[i] * g1[i];
        const double want1 = theta0[i] - 0.1 * (m1 / 0.1) / (std::sqrt(v1 / 0.001) + 1e-8);
        const double m2 = 0.9 * m1 + 0.1 * g2[i], v2 = 0.999 * v1 + 0.001 * g2[i] * g2[i];
        const double want2 = want1 - 0.1 * (m2 / 0.19) / (std::sqrt(v2 / (1 - 0.999 * 0.999)) + 1e-8);
        EXPECT_NEAR(theta1[i], want1, 1e-14) << i;
        EXPECT_NEAR(theta2[i], want2, 1e-14) << i;
    }
    // The first step moves every coordinate with a non-zero gradient by ≈ lr, against its sign.
    EXPECT_NEAR(theta1[0], 0.9, 1e-7);
    EXPECT_NEAR(theta1[1], -1.9, 1e-7);
    EXPECT_EQ(theta1[4], 3.0);
    // A worked number: coordinate 0 after the second step.
    EXPECT_NEAR(theta2[0], 0.9 + 0.1 * 0.055 / 0.19 / std::sqrt(0.00124975 / 0.001999), 1e-8);  // ε's share
}

TEST(Optimizer, SgdMomentumNesterovAndRmspropFollowTorchsFormulas) {
    const Mlp mlp = tiny_mlp();
    Vector theta(6), g(6), next(6), after(6);
    theta.setConstant(1.0);
    g << 1, -2, 0.5, 0, 3, -1;
    OptimizerSettings s;
    s.learning_rate = 0.1;
    s.kind = OptimizerKind::Sgd;
    Optimizer sgd(s);
    sgd.reset(mlp);
    sgd.step(theta, g, next);
    EXPECT_TRUE(next.isApprox(theta - 0.1 * g));
    s.kind = OptimizerKind::Momentum;
    Optimizer momentum(s);
    momentum.reset(mlp);
    momentum.step(theta, g, next);
    momentum.step(next, g, after);
    EXPECT_TRUE(after.isApprox(next - 0.1 * (0.9 * g + g)));  // v₂ = μ v₁ + g
    s.nesterov = true;
    Optimizer nesterov(s);
    nesterov.reset(mlp);
    nesterov.step(theta, g, next);
    EXPECT_TRUE(next.isApprox(theta - 0.1 * (g + 0.9 * g)));
    s.kind = OptimizerKind::RmsProp;
    s.nesterov = false;
    Optimizer rms(s);
    rms.reset(mlp);
    rms.step(theta, g, next);
    const Vector want = theta.array() - 0.1 * g.array() / ((0.01 * g.array().square()).sqrt() + 1e-8);
    EXPECT_TRUE(next.isApprox(want));
}

TrainerConfig convex_config(OptimizerKind kind, double lr, bool nesterov = false) {
    TrainerConfig config;
    config.model.hidden = {};  // softmax regression: the loss is convex in the parameters
    config.model.classes = 3;
    config.optimizer.kind = kind;
    config.optimizer.learning_rate = lr;
    config.optimizer.nesterov = nesterov;
    config.float64 = true;
    return config;
}

Dataset blobs() {
    DatasetConfig data;
    data.kind = DatasetKind::Gaussians;
    data.classes = 3;
    data.points = 300;
    data.noise = 0.3;
    data.test_ratio = 0;
    return make_dataset(data);
}

TEST(Optimizer, EveryOptimiserLowersTheLossOfAConvexProblem) {
    struct Case {
        OptimizerKind kind;
        double lr;
        bool nesterov;
    };
    for (const Case& c : {Case{OptimizerKind::Sgd, 0.5, false}, Case{OptimizerKind::Momentum, 0.1, false},
                          Case{OptimizerKind::Momentum, 0.1, true}, Case{OptimizerKind::Adam, 0.05, false},
                          Case{OptimizerKind::RmsProp, 0.01, false}}) {
        for (int batch : {0, 16}) {
            TrainerConfig config = convex_config(c.kind, c.lr, c.nesterov);
            config.batch = batch;
            Trainer trainer(blobs(), config);
            const double initial = trainer.history().front().train_loss;
            trainer.step(300);
            const double final = trainer.history().back().train_loss;
            EXPECT_LT(final, 0.5 * initial)
                << optimizer_name(c.kind) << (c.nesterov ? " nesterov" : "") << " batch " << batch;
            EXPECT_GT(trainer.history().back().train_accuracy, 0.9) << optimizer_name(c.kind);
        }
    }
}

TEST(Optimizer, ChangingHyperParametersKeepsTheState) {
    Trainer trainer(blobs(), convex_config(OptimizerKind::Adam, 0.01));
    trainer.update(5);
    // Same run, but the learning rate is "changed" to the same value and the optimiser switched away and
    // back without steps in between: identical to an uninterrupted run.
    Trainer reference(blobs(), convex_config(OptimizerKind::Adam, 0.01));
    reference.update(10);
    OptimizerSettings sgd = trainer.config().optimizer;
    sgd.kind = OptimizerKind::Sgd;
    trainer.set_optimizer(sgd);
    trainer.set_optimizer(convex_config(OptimizerKind::Adam, 0.01).optimizer);
    trainer.update(5);
    EXPECT_EQ(trainer.mlp().parameters(), reference.mlp().parameters());
    // A new learning rate takes effect without resetting the weights.
    const Vector before = trainer.mlp().parameters();
    OptimizerSettings faster = trainer.config().optimizer;
    faster.learning_rate = 0.1;
    trainer.set_optimizer(faster);
    EXPECT_EQ(trainer.mlp().parameters(), before);
    EXPECT_EQ(trainer.steps(), 10);
}

// [SECTION] The state's named buffers: what sessions save, restore and the memory estimate counts

// A state rebuilt from the named list alone: anything the list misses is left empty.
OptimizerState copied_through_the_list(const OptimizerState& original) {
    OptimizerState copy;
    const auto from = optimizer_buffers(original);
    const auto to = optimizer_buffers(copy);
    for (size_t i = 0; i < from.size(); ++i) *to[i].values = *from[i].values;
    const auto counts_from = optimizer_counters(original);
    const auto counts_to = optimizer_counters(copy);
    for (size_t i = 0; i < counts_from.size(); ++i) *counts_to[i].value = *counts_from[i].value;
    return copy;
}

TEST(OptimizerState, NamesItsBuffersInTheOrderSessionsStoreThem) {
    OptimizerState state;
    std::vector<std::string_view> names;
    for (const NamedBuffer& buffer : optimizer_buffers(state)) names.push_back(buffer.name);
    for (const NamedCounter& counter : optimizer_counters(state)) names.push_back(counter.name);
    // The session files' keys: renaming or reordering one changes every saved file.
    EXPECT_EQ(names, (std::vector<std::string_view>{"velocity", "first_moment", "adam_second", "rms_square", "adam_steps"}));
}

TEST(OptimizerState, TheNamedListHoldsEveryBufferEachOptimiserUpdates) {
    for (OptimizerKind kind : {OptimizerKind::Sgd, OptimizerKind::Momentum, OptimizerKind::Adam, OptimizerKind::RmsProp}) {
        Trainer trainer(blobs(), convex_config(kind, 0.01));
        trainer.step(7);
        const OptimizerState state = trainer.state().optimizer;
        for (const ConstNamedBuffer& buffer : optimizer_buffers(state)) {
            ASSERT_EQ(buffer.values->size(), trainer.mlp().parameters().size()) << buffer.name;
            // Exactly the buffers listed as this optimiser's have moved.
            EXPECT_EQ(!buffer.values->isZero(0), buffer.used_by == kind) << optimizer_name(kind) << " " << buffer.name;
        }
        for (const ConstNamedCounter& counter : optimizer_counters(state)) {
            EXPECT_EQ(*counter.value, counter.used_by == kind ? 7 : 0) << optimizer_name(kind) << " " << counter.name;
        }
    }
}

TEST(OptimizerState, ARunRestoredFromTheNamedListContinuesExactly) {
    // Momentum, then Adam, then RMSprop in one run: every buffer holds something. A trainer given
    // only what the list names continues each optimiser to the last bit, as from a session file.
    TrainerConfig config = convex_config(OptimizerKind::Momentum, 0.01);
    config.batch = 16;
    Trainer trained(blobs(), config);
    for (OptimizerKind kind : {OptimizerKind::Momentum, OptimizerKind::Adam, OptimizerKind::RmsProp}) {
        OptimizerSettings settings = trained.config().optimizer;
        settings.kind = kind;
        trained.set_optimizer(settings);
        trained.step(5);
    }
    for (OptimizerKind kind : {OptimizerKind::Momentum, OptimizerKind::Adam, OptimizerKind::RmsProp}) {
        Trainer original(blobs(), config), restored(blobs(), config);
        TrainerState state = trained.state();
        ASSERT_FALSE(original.restore(state));
        state.optimizer = copied_through_the_list(state.optimizer);
        ASSERT_FALSE(restored.restore(state));
        for (Trainer* trainer : {&original, &restored}) {
            OptimizerSettings settings = trainer->config().optimizer;
            settings.kind = kind;
            trainer->set_optimizer(settings);
            trainer->step(6);
        }
        EXPECT_EQ(restored.mlp().parameters(), original.mlp().parameters()) << optimizer_name(kind);
    }
}

TEST(Optimizer, RefusesBadSettings) {
    OptimizerSettings s;
    s.learning_rate = 0;
    EXPECT_TRUE(s.validate());
    s.learning_rate = 2e4;
    EXPECT_TRUE(s.validate());
    s.learning_rate = 0.01;
    s.momentum = 1;
    EXPECT_TRUE(s.validate());
    EXPECT_FALSE(OptimizerSettings{}.validate());
    EXPECT_EQ(find_optimizer("rmsprop"), OptimizerKind::RmsProp);
    EXPECT_FALSE(find_optimizer("lbfgs"));
}

}  // namespace
}  // namespace actviz
