// Save → load gives back exactly what was saved: every setting, the hand-edited points, weights
// bit for bit, and training that continues with the very numbers an uninterrupted run gives.

#include <gtest/gtest.h>

#include <cstring>

#include "session/session_json.hpp"
#include "session_fixture.hpp"

namespace actviz::session {
namespace {

bool bit_identical(const Vector& a, const Vector& b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), sizeof(double) * static_cast<size_t>(a.size())) == 0;
}

TEST(SessionRoundTrip, SettingsComeBackEqual) {
    const testing::Scene scene = testing::make_scene();
    const ParseResult result = from_json_text(to_json_text(scene.session));
    ASSERT_TRUE(result.loaded) << result.error;
    const Session& back = result.loaded->session;
    EXPECT_EQ(back.page, "classifier");
    EXPECT_EQ(back.panel_visible, scene.session.panel_visible);
    EXPECT_EQ(back.activations.selected, scene.session.activations.selected);
    EXPECT_EQ(back.activations.parameters, scene.session.activations.parameters);
    EXPECT_EQ(back.activations.saturation_epsilon, 0.03f);
    EXPECT_EQ(back.activations.x_min, -3.25f);
    EXPECT_EQ(back.activations.zones_of, scene.session.activations.zones_of);
    EXPECT_EQ(back.activations.search, "lu");
    EXPECT_EQ(back.softmax.logits, scene.session.softmax.logits);
    EXPECT_EQ(back.softmax.temperature, 0.37f);
    EXPECT_EQ(back.gradflow.simulation, scene.session.gradflow.simulation);
    EXPECT_EQ(back.gradflow.quantity, settings::GradQuantity::MeanAbsDz);
    EXPECT_EQ(back.classifier.data, scene.session.classifier.data);
    EXPECT_EQ(back.classifier.architecture, scene.session.classifier.architecture);
    EXPECT_EQ(back.classifier.hyper, scene.session.classifier.hyper);
    EXPECT_EQ(back.classifier.view.tool, settings::MouseTool::Erase);
    // Writing what was read gives the same text: nothing is lost or reformatted in between.
    EXPECT_EQ(to_json_text(back), to_json_text(scene.session));
}

// The linked views' choices (issue 14): the Activations overlay and its layer, the density map's
// value and curve, the Bake-off's unit-curve row and its layer — saved, and out-of-range layers refused.
TEST(SessionRoundTrip, LinkedViewChoicesComeBack) {
    testing::Scene scene = testing::make_scene();
    Session& s = scene.session;
    s.activations.classifier_overlay = true;
    s.activations.classifier_layer = 3;
    s.gradflow.density_value = settings::DensityValue::Gradients;
    s.gradflow.density_curve = 1;
    s.bakeoff.show_unit_curves = false;
    s.bakeoff.unit_curves_layer = 2;
    const std::string text = to_json_text(s);
    const ParseResult result = from_json_text(text);
    ASSERT_TRUE(result.loaded) << result.error;
    const Session& back = result.loaded->session;
    EXPECT_TRUE(back.activations.classifier_overlay);
    EXPECT_EQ(back.activations.classifier_layer, 3);
    EXPECT_EQ(back.gradflow.density_value, settings::DensityValue::Gradients);
    EXPECT_EQ(back.gradflow.density_curve, 1);
    EXPECT_FALSE(back.bakeoff.show_unit_curves);
    EXPECT_EQ(back.bakeoff.unit_curves_layer, 2);
    std::string bad = text;
    const std::string key = "\"unit_curves_layer\": 2";
    const size_t at = bad.find(key);
    ASSERT_NE(at, std::string::npos) << "the writer's spelling changed";
    bad.replace(at, key.size(), "\"unit_curves_layer\": 9");
    EXPECT_FALSE(from_json_text(bad).loaded) << "a ninth hidden layer does not exist";
}

// The textbook's logits, far past the bars' ±10, and the ends of the range: saved and opened again.
TEST(SessionRoundTrip, LogitsOfAThousandAndTheRangesEndsComeBack) {
    for (const std::vector<double>& logits : {std::vector<double>{1000, 1001, 1002}, std::vector<double>{-1e4, 1e4},
                                              std::vector<double>{-1000, -1001, -1002, 0.125, 9999.5}}) {
        testing::Scene scene = testing::make_scene();
        scene.session.softmax.logits = logits;
        const ParseResult result = from_json_text(to_json_text(scene.session));
        ASSERT_TRUE(result.loaded) << result.error;
        EXPECT_EQ(result.loaded->session.softmax.logits, logits);
    }
}

TEST(SessionRoundTrip, HandEditedPointsAndWeightsAreExact) {
    const testing::Scene scene = testing::make_scene();
    const ParseResult result = from_json_text(to_json_text(scene.session));
    ASSERT_TRUE(result.loaded) << result.error;
    ASSERT_TRUE(result.loaded->trainer);
    const Trainer& loaded = *result.loaded->trainer;
    const Dataset& original = scene.trainer->data();
    ASSERT_EQ(loaded.data().train.size(), original.train.size());
    ASSERT_EQ(loaded.data().test.size(), original.test.size());
    EXPECT_EQ(loaded.data().train.back().x, 0.3);  // the point added by hand
    EXPECT_EQ(loaded.data().train.back().label, 2);
    for (size_t i = 0; i < original.train.size(); ++i) {
        EXPECT_EQ(std::memcmp(&loaded.data().train[i].x, &original.train[i].x, sizeof(double)), 0);
        EXPECT_EQ(std::memcmp(&loaded.data().train[i].y, &original.train[i].y, sizeof(double)), 0);
    }
    EXPECT_TRUE(bit_identical(loaded.mlp().parameters(), scene.trainer->mlp().parameters()));
    EXPECT_EQ(loaded.steps(), 42);
    EXPECT_EQ(loaded.history().size(), scene.trainer->history().size());
    EXPECT_EQ(loaded.history().back().train_loss, scene.trainer->history().back().train_loss);
}

TEST(SessionRoundTrip, TrainingContinuesWithTheSameNumbers) {
    testing::Scene scene = testing::make_scene();
    const ParseResult result = from_json_text(to_json_text(scene.session));
    ASSERT_TRUE(result.loaded) << result.error;
    Trainer& loaded = *result.loaded->trainer;
    // Mini-batches of 32: the same batches must come next, from the saved permutation and engine.
    scene.trainer->step(60);
    loaded.step(60);
    EXPECT_TRUE(bit_identical(loaded.mlp().parameters(), scene.trainer->mlp().parameters()));
    EXPECT_EQ(loaded.history().back().train_loss, scene.trainer->history().back().train_loss);
    EXPECT_EQ(loaded.last_batch(), scene.trainer->last_batch());
}

TEST(SessionRoundTrip, AFileWithOnlyAVersionIsTheDefaults) {
    const ParseResult result = from_json_text(R"({"actviz_session": 1})");
    ASSERT_TRUE(result.loaded) << result.error;
    EXPECT_FALSE(result.loaded->trainer);
    const Session defaults;
    EXPECT_EQ(to_json_text(result.loaded->session), to_json_text(defaults));
}

}  // namespace
}  // namespace actviz::session
