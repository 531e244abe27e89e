// Typed activations in a session: saved with their formula, range and colour, defined again on
// open and named by the panels like built-ins; a bad one is refused with its path and column.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/custom_activation.hpp"
#include "session/session_json.hpp"

namespace actviz::session {
namespace {

TEST(CustomActivationSession, ReopensExactlyAndThePanelsUseIt) {
    CustomActivationSpec spec;
    spec.name = "session swish";
    spec.formula = "x * sigmoid(beta * x)";
    spec.parameters[1] = {1.702, 0.5, 4};
    spec.colour = 0x4fc3f7;
    const Activation* defined = define_custom_activation(spec).activation;
    ASSERT_TRUE(defined);
    Session s;
    s.custom_activations = {spec};
    s.classifier.hyper.activation = activation_index(*defined);
    s.classifier.hyper.parameters = defined->defaults();
    s.gradflow.simulation.curves[0].activation = activation_index(*defined);
    s.gradflow.simulation.curves[0].parameters = {1, 3.5};
    settings::fit_to_catalogue(s.activations);
    s.activations.selected[static_cast<std::size_t>(activation_index(*defined))] = true;
    const std::string text = to_json_text(s);
    const ParseResult reopened = from_json_text(text);
    ASSERT_TRUE(reopened.loaded) << reopened.error;
    const Session& r = reopened.loaded->session;
    ASSERT_EQ(r.custom_activations.size(), 1u);
    EXPECT_EQ(r.custom_activations[0], spec);
    EXPECT_EQ(r.classifier.hyper.activation, activation_index(*defined));  // the same definition, not a copy
    EXPECT_EQ(r.gradflow.simulation.curves[0].parameters[1], 3.5);
    EXPECT_TRUE(r.activations.selected[static_cast<std::size_t>(activation_index(*defined))]);
    EXPECT_EQ(to_json_text(r), text);
}

TEST(CustomActivationSession, ABadFormulaIsRefusedWithItsPathAndColumn) {
    const auto refused = [](const nlohmann::json& entry) {
        nlohmann::json doc = {{"actviz_session", 3}, {"custom_activations", nlohmann::json::array({entry})}};
        const ParseResult result = from_json_text(doc.dump());
        EXPECT_FALSE(result.loaded);
        return result.error;
    };
    const std::string syntax = refused({{"name", "broken"}, {"formula", "x * (1 +"}});
    EXPECT_NE(syntax.find("custom_activations[0]"), std::string::npos) << syntax;
    EXPECT_NE(syntax.find("column 9"), std::string::npos) << syntax;
    EXPECT_NE(refused({{"name", "relu"}, {"formula", "x"}}).find("built-in"), std::string::npos);
    EXPECT_NE(refused({{"name", "wide"}, {"formula", "alpha * x"}, {"alpha", {{"default", 5}, {"min", 0}, {"max", 1}}}})
                  .find("outside its range"),
              std::string::npos);
    EXPECT_NE(refused({{"name", "tinted"}, {"formula", "x"}, {"colour", "blue"}}).find("#rrggbb"), std::string::npos);
    // A panel naming an activation nobody defined.
    nlohmann::json doc = {{"actviz_session", 3}, {"classifier", {{"hyper", {{"activation", "never defined"}}}}}};
    const ParseResult result = from_json_text(doc.dump());
    EXPECT_FALSE(result.loaded);
}

TEST(CustomActivationSession, AFileThatFailsToOpenChangesNoListAndOneThatOpensJoinsThemOnlyWhenAdopted) {
    CustomActivationSpec mine;
    mine.name = "teacher's ramp";
    mine.formula = "max(0, x)";
    const Activation* current = define_custom_activation(mine).activation;
    ASSERT_TRUE(current);
    // A file that redefines the name, names it in a panel, then fails further on.
    nlohmann::json theirs = {{"name", mine.name}, {"formula", "2 * x"}};
    nlohmann::json doc = {{"actviz_session", 3},
                          {"custom_activations", nlohmann::json::array({theirs})},
                          {"classifier", {{"hyper", {{"activation", mine.name}, {"learning_rate", -1}}}}}};
    EXPECT_FALSE(from_json_text(doc.dump()).loaded);
    EXPECT_EQ(find_activation(mine.name), current) << "a failed open superseded the user's formula";
    int listed = 0;
    for (const Activation* a : custom_activations()) listed += a->name == mine.name;
    EXPECT_EQ(listed, 1);

    // The same file without the fault: read, its panels use its formula, the lists unchanged until adopted.
    doc["classifier"]["hyper"].erase("learning_rate");
    const ParseResult opened = from_json_text(doc.dump());
    ASSERT_TRUE(opened.loaded) << opened.error;
    const Session& s = opened.loaded->session;
    const Activation& used = activations()[static_cast<std::size_t>(s.classifier.hyper.activation)];
    EXPECT_NE(&used, current);
    EXPECT_EQ(used.custom->spec.formula, "2 * x");
    EXPECT_EQ(find_activation(mine.name), current);
    ASSERT_EQ(s.defined_activations.size(), 1u);
    publish_custom_activation(*s.defined_activations[0]);  // what the app does when it adopts the session
    EXPECT_EQ(find_activation(mine.name), &used);
    EXPECT_FALSE(current->listed());
}

TEST(CustomActivationSession, AVersionTwoFileStillOpens) {
    const ParseResult result = from_json_text(R"({"actviz_session": 2, "page": "softmax"})");
    ASSERT_TRUE(result.loaded) << result.error;
    EXPECT_TRUE(result.loaded->session.custom_activations.empty());
}

}  // namespace
}  // namespace actviz::session
