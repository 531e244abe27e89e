// The Classifier's verdicts judge what is actually wrong: never "healthy" over a network that sits
// at chance with a vanishing or stalled gradient (issue 13), and no false alarm on one that learns.

#include <gtest/gtest.h>

#include <cmath>

#include "core/training_verdict.hpp"

namespace actviz {
namespace {

HistoryRecord record(std::int64_t step, double loss, std::vector<double> dead, std::vector<double> grads) {
    HistoryRecord r;
    r.step = step;
    r.train_loss = loss;
    r.layer_dead_fraction = std::move(dead);
    r.layer_grad_norm = std::move(grads);
    return r;
}

TEST(TrainingVerdict, ChanceLossIsTheEntropyOfTheClassShares) {
    std::vector<Point> balanced;
    for (int i = 0; i < 30; ++i) balanced.push_back(Point{0, 0, i % 3});
    EXPECT_NEAR(chance_loss(balanced, 3), std::log(3.0), 1e-15);
    std::vector<Point> skewed{{0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 1}};
    EXPECT_NEAR(chance_loss(skewed, 2), -(0.75 * std::log(0.75) + 0.25 * std::log(0.25)), 1e-15);
    EXPECT_EQ(chance_loss({}, 2), 0);
}

TEST(TrainingVerdict, DeadSharesUseTheUsualThresholds) {
    const HistoryRecord start = record(0, 1.2, {0, 0, 0, 0}, {1, 1, 1, 1, 1});
    const HistoryRecord r = record(10, 0.2, {0.05, 0.2, 0.4, 0.8}, {1, 1, 1, 1, 1});
    const auto v = judge_layers(r, start, std::log(3.0));
    ASSERT_EQ(v.size(), 4u);
    EXPECT_EQ(v[0].word, "healthy");
    EXPECT_EQ(v[1].word, "concerning");
    EXPECT_EQ(v[2].word, "serious");
    EXPECT_EQ(v[3].word, "critical");
    EXPECT_EQ(judge_network(r, start, std::log(3.0), "dead").text, "critical: 80% of layer 4's units are dead");
}

TEST(TrainingVerdict, AVanishingOrExplodingGradientIsCriticalWhateverTheUnits) {
    const HistoryRecord start = record(0, 1.2, {0, 0}, {1, 1, 1});
    const HistoryRecord vanishing = record(0, 1.3, {0, 0}, {3e-4, 0.1, 1});
    EXPECT_EQ(judge_layers(vanishing, start, std::log(3.0))[0].word, "vanishing ∇");
    EXPECT_EQ(judge_layers(vanishing, start, std::log(3.0))[1].word, "healthy");  // 0.1 of the output's, not at chance yet (step 0)
    EXPECT_EQ(judge_network(vanishing, start, std::log(3.0), "saturated").severity, Severity::Critical);
    const HistoryRecord exploding = record(5, 0.3, {0, 0}, {2e3, 1, 1});
    EXPECT_EQ(judge_layers(exploding, start, std::log(3.0))[0].word, "exploding ∇");
}

TEST(TrainingVerdict, AtChanceWithTheGradientGoneIsStalledInEveryLayer) {
    const double chance = std::log(3.0);
    const HistoryRecord start = record(0, 1.33, {0, 0, 0}, {2e-4, 0.05, 0.2, 0.7});
    // Every unit alive and the gradient ratio near 1, yet nothing learns: the sigmoid plateau.
    const HistoryRecord plateau = record(500, chance, {0, 0, 0}, {1.8e-4, 2.3e-4, 1.9e-4, 1.5e-4});
    for (const LayerVerdict& v : judge_layers(plateau, start, chance)) EXPECT_EQ(v.word, "stalled");
    const NetworkVerdict network = judge_network(plateau, start, chance, "saturated");
    EXPECT_EQ(network.severity, Severity::Critical);
    EXPECT_EQ(network.text.rfind("stalled, no better than chance", 0), 0u) << network.text;
    // The same gradients below chance are a network that has learned: nothing to report.
    const HistoryRecord learned = record(500, 0.01, {0, 0, 0}, {1.8e-4, 2.3e-4, 1.9e-4, 1.5e-4});
    for (const LayerVerdict& v : judge_layers(learned, start, chance)) EXPECT_EQ(v.word, "healthy");
    EXPECT_EQ(judge_network(learned, start, chance, "saturated").severity, Severity::Healthy);
}

// A blown-up loss (far above chance) is not "at chance": the text says what it is, no better than it.
TEST(TrainingVerdict, ALossFarAboveChanceIsNotCalledAtChance) {
    const double chance = std::log(3.0);
    const HistoryRecord start = record(0, 1.1, {0, 0}, {0.3, 0.4, 0.5});
    const HistoryRecord blown = record(1, 3.5e7, {0.2, 0.4}, {6e3, 5e4, 1e5});
    const NetworkVerdict verdict = judge_network(blown, start, chance, "dead");
    EXPECT_EQ(verdict.text.find("at chance"), std::string::npos) << verdict.text;
    EXPECT_NE(verdict.text.find("no better than chance (3.5e+07 vs 1.0986)"), std::string::npos) << verdict.text;
}

TEST(TrainingVerdict, AHealthyNetworkSaysWhatWasChecked) {
    const HistoryRecord start = record(0, 1.1, {0, 0}, {0.3, 0.4, 0.5});
    const HistoryRecord learned = record(900, 0.04, {0, 0}, {0.05, 0.04, 0.1});
    EXPECT_EQ(judge_network(learned, start, std::log(3.0), "saturated").text,
              "no fault found: layer 1 gets 5.0e-01 × the output layer's ‖∂L/∂W‖; loss 0.04, chance 1.0986");
}

// The Classifier's "sigmoid in a deep net learns slowly" network (2-16×5-3 sigmoid, SGD + momentum
// at lr 0.05 on the 600-point spiral): while it sits at chance no verdict may say healthy.
TEST(TrainingVerdict, ADeepSigmoidNetAtChanceIsNeverHealthy) {
    DatasetConfig data;  // spiral, 3 classes, 600 points, noise 0.2, test 0.2, seed 0
    TrainerConfig c;
    c.model.hidden = {16, 16, 16, 16, 16};
    c.model.activations = {{find_activation("sigmoid"), find_activation("sigmoid")->defaults()}};
    c.optimizer.kind = OptimizerKind::Momentum;
    c.optimizer.learning_rate = 0.05;
    Trainer trainer(make_dataset(data), c);
    const double chance = chance_loss(trainer.data().train, trainer.data().classes);
    int at_chance = 0;
    for (int i = 0; i <= 300; ++i) {
        if (i > 0) trainer.step(10);
        const HistoryRecord& r = trainer.history().back();
        if (r.train_loss < 0.98 * chance) continue;
        ++at_chance;
        const HistoryRecord& start = trainer.history().front();
        EXPECT_NE(judge_network(r, start, chance, "saturated").severity, Severity::Healthy) << "step " << r.step;
        bool any_fault = false;
        for (const LayerVerdict& v : judge_layers(r, start, chance)) any_fault = any_fault || v.word != "healthy";
        EXPECT_TRUE(any_fault) << "step " << r.step;
    }
    EXPECT_GT(at_chance, 250);  // it does sit at chance for thousands of steps
}

// No false alarm: tanh on the same network learns, and once below chance every layer is healthy.
TEST(TrainingVerdict, TheSameNetWithTanhLearnsAndIsHealthy) {
    DatasetConfig data;
    TrainerConfig c;
    c.model.hidden = {16, 16, 16, 16, 16};
    c.optimizer.kind = OptimizerKind::Momentum;
    c.optimizer.learning_rate = 0.05;
    Trainer trainer(make_dataset(data), c);  // tanh by default
    const double chance = chance_loss(trainer.data().train, trainer.data().classes);
    for (int i = 0; i < 100; ++i) {
        trainer.step(10);
        const HistoryRecord& r = trainer.history().back();
        if (r.train_loss >= 0.98 * chance) continue;
        for (const LayerVerdict& v : judge_layers(r, trainer.history().front(), chance)) {
            EXPECT_EQ(v.word, "healthy") << "step " << r.step;
        }
    }
    EXPECT_GT(trainer.history().back().train_accuracy, 0.95);
}

// Leaky ReLU's units on their negative side still learn through α: the share is the lesson's
// number (it falls as they climb back), never a "critical" verdict as dead ReLU units are.
TEST(TrainingVerdict, NegativeSideUnitsAreShownNotJudged) {
    HistoryRecord start, r;
    start.layer_grad_norm = r.layer_grad_norm = {1.0, 1.0, 1.0};
    start.layer_dead_fraction = r.layer_dead_fraction = {0.75, 0.4};
    start.train_loss = 1.2;
    r.step = 400;
    r.train_loss = 0.4;
    for (const LayerVerdict& v : judge_layers(r, start, std::log(3.0), "negative-side")) EXPECT_EQ(v.severity, Severity::Healthy);
    const NetworkVerdict network = judge_network(r, start, std::log(3.0), "negative-side");
    EXPECT_EQ(network.severity, Severity::Healthy);
    EXPECT_NE(network.text.find("75% of layer 1's units on their negative side"), std::string::npos) << network.text;
    // The same shares of dead units are critical.
    EXPECT_EQ(judge_network(r, start, std::log(3.0), "dead").severity, Severity::Critical);
}

// Said as its numbers show it: a loss a hair below chance is "within 2% of" it, not "vs" it as if
// worse; a gradient that was already 0 at step 0 did not fall to "0% of" anything.
TEST(TrainingVerdict, ItsSentencesAgreeWithTheirOwnNumbers) {
    HistoryRecord start, r;
    start.layer_grad_norm = {0.0, 0.0, 0.0};
    r.layer_grad_norm = {0.0, 0.0, 0.0};
    start.layer_dead_fraction = r.layer_dead_fraction = {1.0, 1.0};
    start.train_loss = 1.1;
    r.step = 200;
    r.train_loss = 0.995 * std::log(3.0);
    const NetworkVerdict v = judge_network(r, start, std::log(3.0), "dead");
    EXPECT_NE(v.text.find("within 2% of 1.0986"), std::string::npos) << v.text;
    EXPECT_NE(v.text.find("already 0 at step 0"), std::string::npos) << v.text;
    EXPECT_EQ(v.text.find("0% of step"), std::string::npos) << v.text;
}

}  // namespace
}  // namespace actviz
