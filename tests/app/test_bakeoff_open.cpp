// Opening a Bake-off contestant in the Classifier panel: the Classifier's session takes over the
// contestant's exact state (weights, step, history), and syncing with the settings the Bake-off
// hands over keeps it rather than rebuilding from the seed. No window needed: nothing here draws.

#include <gtest/gtest.h>

#include "settings/bakeoff_settings.hpp"
#include "app/classifier/classifier_live.hpp"

namespace actviz::app {
namespace {

TEST(BakeoffOpen, TheClassifierTakesOverTheContestantsExactState) {
    BakeoffSettings settings;
    settings.contest.data.points = 200;
    settings.contest.architecture.hidden = {8, 8};
    settings.activations = {activation_index(*find_activation("relu")), activation_index(*find_activation("gelu"))};
    Bakeoff bakeoff(make_dataset(to_dataset_config(settings.contest)), to_bakeoff_config(settings, 0, 1));
    bakeoff.step(37);
    const Trainer& gelu = bakeoff.contestant(1, 0).trainer();

    ClassifierSettings classifier = settings.contest;
    classifier.hyper.activation = activation_index(*find_activation("gelu"));
    classifier.hyper.parameters = find_activation("gelu")->defaults();
    ClassifierLive session;
    session.adopt(gelu, classifier);
    session.sync(classifier);  // the panel syncs every frame: same settings, same trainer
    ASSERT_TRUE(session.trainer());
    EXPECT_TRUE(session.error().empty()) << session.error();
    EXPECT_EQ(session.trainer()->steps(), 37);
    EXPECT_EQ(session.trainer()->mlp().parameters(), gelu.mlp().parameters());
    EXPECT_EQ(session.trainer()->history().size(), gelu.history().size());
    // And it trains on from there exactly as the contestant would.
    Trainer reference = gelu;
    reference.step(5);
    session.single_step();
    for (int i = 0; i < 4; ++i) session.single_step();
    EXPECT_EQ(session.trainer()->mlp().parameters(), reference.mlp().parameters());
}

}  // namespace
}  // namespace actviz::app
