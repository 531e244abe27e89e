// "Link activations": a change of activation in any of the three panels reaches the other two,
// with its parameters; the link survives a session round trip; off, every panel is independent.

#include <gtest/gtest.h>

#include "app/activation_link_ui.hpp"
#include "app/session_bridge.hpp"
#include "session/session_json.hpp"

namespace actviz::app {
namespace {

int index_of(std::string_view name) { return activation_index(*find_activation(name)); }

LinkedChoice choice(std::string_view name) {
    return {index_of(name), find_activation(name)->defaults()};
}

bool checked(const AppState& state, std::string_view name) {
    return state.activations.settings.selected[static_cast<std::size_t>(index_of(name))];
}

struct Linked : ::testing::Test {
    AppState state;
    void SetUp() override {
        state.gradflow.settings.simulation.curves.push_back(state.gradflow.settings.simulation.curves.front());
        state.gradflow.settings.simulation.curves[1].activation = index_of("relu");  // a comparison curve
        set_linked(state.activation_link, true, classifier_choice(state.classifier.settings.hyper), linked_panels(state));
    }
    bool sync() { return sync_linked_activations(state.activation_link, linked_panels(state)); }
};

TEST_F(Linked, TurningItOnPutsTheChosenActivationInEveryPanel) {
    // The classifier starts with tanh, the gradient flow with sigmoid.
    EXPECT_EQ(state.gradflow.settings.simulation.curves[0].activation, index_of("tanh"));
    EXPECT_EQ(state.gradflow.settings.simulation.curves[1].activation, index_of("relu"));  // comparisons stay
    EXPECT_TRUE(checked(state, "tanh"));
    EXPECT_EQ(state.activations.settings.zones_of, index_of("tanh"));
    EXPECT_FALSE(sync());  // nothing moved since
}

TEST_F(Linked, TheClassifiersChoiceWithItsParametersReachesTheOthers) {
    state.classifier.settings.hyper.activation = index_of("leaky_relu");
    state.classifier.settings.hyper.parameters = find_activation("leaky_relu")->defaults();
    state.classifier.settings.hyper.parameters[0] = 0.2;
    ASSERT_TRUE(sync());
    const GradflowCurve& curve = state.gradflow.settings.simulation.curves[0];
    EXPECT_EQ(curve.activation, index_of("leaky_relu"));
    EXPECT_EQ(curve.parameters[0], 0.2);
    EXPECT_TRUE(checked(state, "leaky_relu"));
    EXPECT_EQ(state.activations.settings.parameters[static_cast<std::size_t>(index_of("leaky_relu"))][0], 0.2);
    EXPECT_EQ(state.activations.settings.zones_of, index_of("leaky_relu"));
    // The function it replaced is unchecked; the user's other comparisons stay.
    EXPECT_FALSE(checked(state, "tanh"));
    EXPECT_TRUE(checked(state, "sigmoid"));
    EXPECT_TRUE(checked(state, "relu"));
}

TEST_F(Linked, CheckingAFunctionInTheActivationsPanelLinksIt) {
    state.activations.settings.selected[static_cast<std::size_t>(index_of("elu"))] = true;
    ASSERT_TRUE(sync());
    EXPECT_EQ(state.classifier.settings.hyper.activation, index_of("elu"));
    EXPECT_EQ(state.gradflow.settings.simulation.curves[0].activation, index_of("elu"));
    EXPECT_TRUE(checked(state, "tanh"));  // checked by the user alongside: both stay
    EXPECT_EQ(state.activations.settings.zones_of, index_of("elu"));
}

TEST_F(Linked, ASliderInTheActivationsPanelMovesTheLinkedParameters) {
    set_linked(state.activation_link, true, choice("elu"), linked_panels(state));
    state.activations.settings.parameters[static_cast<std::size_t>(index_of("elu"))][0] = 0.5;
    ASSERT_TRUE(sync());
    EXPECT_EQ(state.classifier.settings.hyper.parameters[0], 0.5);
    EXPECT_EQ(state.gradflow.settings.simulation.curves[0].parameters[0], 0.5);
}

TEST_F(Linked, GradientFlowsFirstCurveLeads) {
    state.gradflow.settings.simulation.curves[0].activation = index_of("silu");
    state.gradflow.settings.simulation.curves[0].parameters = find_activation("silu")->defaults();
    ASSERT_TRUE(sync());
    EXPECT_EQ(state.classifier.settings.hyper.activation, index_of("silu"));
    EXPECT_TRUE(checked(state, "silu"));
}

TEST_F(Linked, InvalidParametersAreNotPassedOn) {
    set_linked(state.activation_link, true, choice("hardtanh"), linked_panels(state));
    ParameterValues broken = find_activation("hardtanh")->defaults();
    std::swap(broken[0], broken[1]);  // min > max
    state.classifier.settings.hyper.parameters = broken;
    EXPECT_FALSE(sync());
    EXPECT_EQ(state.gradflow.settings.simulation.curves[0].parameters, find_activation("hardtanh")->defaults());
}

TEST(ActivationLink, OffEveryPanelKeepsItsOwnChoice) {
    AppState state;
    const GradflowSimulation before = state.gradflow.settings.simulation;
    state.classifier.settings.hyper.activation = index_of("gelu");
    EXPECT_FALSE(sync_linked_activations(state.activation_link, linked_panels(state)));
    EXPECT_EQ(state.gradflow.settings.simulation, before);
}

TEST_F(Linked, TurnedOffChangesStopSpreading) {
    set_linked(state.activation_link, false, {}, linked_panels(state));
    state.classifier.settings.hyper.activation = index_of("gelu");
    EXPECT_FALSE(sync());
    EXPECT_EQ(state.gradflow.settings.simulation.curves[0].activation, index_of("tanh"));
}

TEST_F(Linked, TheLinkIsPartOfTheSessionAndItsUnsavedChanges) {
    const session::Session saved = capture_session(state);
    EXPECT_TRUE(saved.link_activations);
    session::ParseResult loaded = session::from_json_text(session::to_json_text(saved));
    ASSERT_TRUE(loaded.loaded) << loaded.error;
    AppState reopened;
    apply_session(reopened, std::move(*loaded.loaded));
    EXPECT_TRUE(reopened.activation_link.on);
    reopened.classifier.settings.hyper.activation = index_of("mish");
    reopened.classifier.settings.hyper.parameters = find_activation("mish")->defaults();
    sync_linked_activations(reopened.activation_link, linked_panels(reopened));
    sync_linked_activations(reopened.activation_link, linked_panels(reopened));
    EXPECT_EQ(reopened.gradflow.settings.simulation.curves[0].activation, index_of("mish"));

    // Toggling the link is a change the user is asked about before it is thrown away.
    state.session.saved_fingerprint = session_fingerprint(state);
    set_linked(state.activation_link, false, {}, linked_panels(state));
    EXPECT_TRUE(has_unsaved_changes(state));
}

}  // namespace
}  // namespace actviz::app
