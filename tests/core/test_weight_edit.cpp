// The network diagram's two pieces of core: a weight set by hand through the Trainer changes exactly
// that parameter and is recorded like a step; the links drawn are the strongest ones.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/strongest_links.hpp"
#include "core/trainer.hpp"

namespace actviz {
namespace {

Trainer spiral_trainer() {
    DatasetConfig data;
    data.kind = DatasetKind::Spiral;
    data.points = 300;
    TrainerConfig config;
    config.model.hidden = {8, 8};
    return Trainer(make_dataset(data), config);
}

TEST(WeightEdit, ChangesExactlyThatWeightAndRecordsTheEditedModel) {
    Trainer trainer = spiral_trainer();
    trainer.step(20);
    const Vector before = trainer.mlp().parameters();
    const size_t records = trainer.history().size();
    double old = 0;
    ASSERT_TRUE(trainer.edit_weight(1, 3, 5, 2.5, &old));
    const Vector after = trainer.mlp().parameters();
    // W_1 is 8 × 8, column-major after W_0 (8 × 2): W_1(3, 5) sits at 16 + 5·8 + 3.
    const Eigen::Index index = trainer.mlp().layout().weight_offset[1] + 5 * 8 + 3;
    EXPECT_EQ(index, 16 + 43);
    EXPECT_EQ(old, before[index]);
    EXPECT_EQ(after[index], 2.5);
    for (Eigen::Index i = 0; i < before.size(); ++i) {
        if (i != index) {
            EXPECT_EQ(after[i], before[i]) << "parameter " << i;
        }
    }
    // Recorded like a step, at the same step count: the history describes the edited model.
    ASSERT_EQ(trainer.history().size(), records + 1);
    EXPECT_EQ(trainer.history().back().step, 20);
    Trainer reference = spiral_trainer();
    reference.step(20);
    reference.edit_weight(1, 3, 5, 2.5);
    EXPECT_EQ(reference.history().back().train_loss, trainer.history().back().train_loss);
    EXPECT_NE(trainer.history().back().train_loss, trainer.history()[records - 1].train_loss);
    // Editing it back restores the very parameters, and the loss of before.
    ASSERT_TRUE(trainer.edit_weight(1, 3, 5, old));
    EXPECT_EQ(trainer.mlp().parameters(), before);
    EXPECT_EQ(trainer.history().back().train_loss, trainer.history()[records - 1].train_loss);
}

// A session saved between a hand edit and its record (the panel records beside the frame when the
// record is dear) holds the edited weights and a last record of the weights before: opened, the
// restored trainer records them again, so the readouts describe the model on screen.
TEST(WeightEdit, ARestoredStateWhoseLastRecordIsOfOtherWeightsIsRecordedAgain) {
    Trainer trainer = spiral_trainer();
    trainer.step(20);
    ASSERT_TRUE(trainer.set_weight(2, 1, 4, 30.0));  // output layer: class 1 from hidden unit 4
    const TrainerState saved = trainer.state();
    ASSERT_EQ(saved.history.back().step, 20);

    Trainer opened = spiral_trainer();
    ASSERT_FALSE(opened.restore(saved));
    ASSERT_EQ(opened.history().size(), saved.history.size() + 1);
    Trainer edited_and_recorded = trainer;
    edited_and_recorded.record();
    EXPECT_EQ(opened.history().back().step, 20);
    EXPECT_EQ(opened.history().back().train_loss, edited_and_recorded.history().back().train_loss);
    EXPECT_NE(opened.history().back().train_loss, saved.history.back().train_loss);
    // A state whose last record is of its weights opens with its history as saved.
    Trainer again = spiral_trainer();
    ASSERT_FALSE(again.restore(opened.state()));
    EXPECT_EQ(again.history().size(), opened.history().size());
}

TEST(WeightEdit, RefusesWhatIsNotAWeightOfTheNetwork) {
    Trainer trainer = spiral_trainer();
    const Vector before = trainer.mlp().parameters();
    EXPECT_FALSE(trainer.edit_weight(3, 0, 0, 1.0));   // 2 hidden layers + output: layers 0..2
    EXPECT_FALSE(trainer.edit_weight(0, 8, 0, 1.0));   // 8 units
    EXPECT_FALSE(trainer.edit_weight(0, 0, 2, 1.0));   // 2 inputs
    EXPECT_FALSE(trainer.edit_weight(2, 3, 0, 1.0));   // 3 classes: rows 0..2
    EXPECT_FALSE(trainer.edit_weight(0, 0, 0, std::nan("")));
    EXPECT_FALSE(trainer.edit_weight(0, 0, 0, INFINITY));
    EXPECT_EQ(trainer.mlp().parameters(), before);
    EXPECT_EQ(trainer.history().size(), 1u);
}

TEST(StrongestLinks, KeepsTheLargestMagnitudesStrongestFirst) {
    Matrix w(3, 4);
    w << 0.1, -0.9, 0.3, 0.0,
         0.5, 0.2, -0.7, 0.05,
         -0.4, 0.6, 0.01, 0.8;
    const std::vector<Link> top = strongest_links(w, 4);
    ASSERT_EQ(top.size(), 4u);
    EXPECT_EQ(top[0].weight, -0.9);
    EXPECT_EQ(top[0].to, 0);
    EXPECT_EQ(top[0].from, 1);
    EXPECT_EQ(top[1].weight, 0.8);
    EXPECT_EQ(top[2].weight, -0.7);
    EXPECT_EQ(top[3].weight, 0.6);
    // Every link when they fit, and each one's weight is W(to, from).
    const std::vector<Link> all = strongest_links(w, 100);
    ASSERT_EQ(all.size(), 12u);
    for (const Link& link : all) EXPECT_EQ(link.weight, w(link.to, link.from));
    for (size_t i = 1; i < all.size(); ++i) EXPECT_GE(std::fabs(all[i - 1].weight), std::fabs(all[i].weight));
    EXPECT_TRUE(strongest_links(w, 0).empty());
}

}  // namespace
}  // namespace actviz
