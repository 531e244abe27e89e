// Activations > Type a formula… in the real frame loop: a bad formula is refused with its column
// and the last good state kept; a good one is defined, ticked on the Activations page, trains in
// the Classifier and survives a session's save and reopen; redefining it moves the panels along.

#include <gtest/gtest.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cstdlib>
#include <string>

#include "app/app.hpp"
#include "app/app_state.hpp"
#include "app/formula_window.hpp"
#include "app/session_bridge.hpp"
#include "session/session_json.hpp"

namespace actviz::app {
namespace {

TEST(FormulaWindow, ATypedActivationJoinsEveryPanelAndItsSession) {
    const char* display = std::getenv("DISPLAY");
    if (!display || !*display) GTEST_SKIP() << "no X display; the test command runs this under xvfb-run";
    settings::LaunchOptions launch;
    launch.fresh = true;
    launch.width = 1280;
    launch.height = 800;
    launch.panel = "activations";
    launch.frames = 24;
    if (const char* shot = std::getenv("ACTVIZ_FORMULA_SCREENSHOT")) launch.screenshot_path = shot;
    int defined = -1, redefined = -1;
    std::string reopened_error;
    bool reopened_same = false;
    const int status = run(launch, [&](AppState& state, GLFWwindow*, int frame) {
        FormulaEditor& editor = state.formula_editor;
        if (frame == 1) {
            open_formula_editor(editor);
            editor.spec.name = "cauchy";
            editor.spec.colour = 0x4fc3f7;
            editor.spec.formula = "x * (0.5 + atan(x) / ";
        }
        if (frame == 3) {
            // Drawn once: the preview holds the parse error; Define refuses it.
            ASSERT_TRUE(editor.preview);
            EXPECT_FALSE(editor.preview->formula);
            EXPECT_EQ(editor.preview->error.column, 21);
            const std::size_t before = activations().size();
            define_formula(state);
            EXPECT_EQ(activations().size(), before);
            EXPECT_FALSE(editor.message.empty());
            editor.spec.formula = "x * (0.5 + atan(x) / pi)";
        }
        if (frame == 5) {
            define_formula(state);
            const Activation* a = find_activation("cauchy");
            ASSERT_TRUE(a) << editor.message;
            defined = activation_index(*a);
            EXPECT_TRUE(state.activations.settings.selected[static_cast<std::size_t>(defined)]);
            state.classifier.settings.hyper.activation = defined;  // as its combo would
            state.classifier.settings.hyper.parameters = a->defaults();
            state.classifier.settings.run.playing = true;
            show_page(state, panel_index(settings::PanelId::Classifier));
        }
        if (frame == 10) {
            const auto* trainer = state.classifier.live.trainer();
            ASSERT_TRUE(trainer);
            EXPECT_EQ(&trainer->mlp().activation(0), &activations()[static_cast<std::size_t>(defined)]);
            EXPECT_GT(trainer->steps(), 0);
            // Saved and reopened: the same formula under the same name, the Classifier still on it.
            const std::string text = session::to_json_text(capture_session(state));
            session::ParseResult reopened = session::from_json_text(text);
            if (!reopened.loaded) reopened_error = reopened.error;
            else reopened_same = session::to_json_text(reopened.loaded->session).find("\"formula\": \"x * (0.5 + atan(x) / pi)\"") !=
                                 std::string::npos &&
                                 reopened.loaded->session.classifier.hyper.activation == defined;
            state.classifier.settings.run.playing = false;
            // Redefined under the same name: the Classifier and the page follow.
            editor.spec.formula = "x * (0.5 + atan(2 * x) / pi)";
            define_formula(state);
            redefined = activation_index(*find_activation("cauchy"));
        }
        if (frame == 12) {
            EXPECT_NE(redefined, defined);
            EXPECT_EQ(state.classifier.settings.hyper.activation, redefined);
            EXPECT_FALSE(state.activations.settings.selected[static_cast<std::size_t>(defined)]);
            EXPECT_TRUE(state.activations.settings.selected[static_cast<std::size_t>(redefined)]);
            // Back to the textbook's formula, beside GELU and Swish (README's screenshot).
            editor.spec.formula = "x * (0.5 + atan(x) / pi)";
            define_formula(state);
            EXPECT_EQ(find_activation("cauchy")->custom->spec.formula, editor.spec.formula);
            auto& page = state.activations.settings;
            std::fill(page.selected.begin(), page.selected.end(), false);
            for (const char* name : {"gelu", "swish", "cauchy"})
                page.selected[static_cast<std::size_t>(activation_index(*find_activation(name)))] = true;
            page.zones_of = activation_index(*find_activation("cauchy"));
            page.x_min = -5, page.x_max = 5;
            show_page(state, panel_index(settings::PanelId::Activations));
        }
    });
    EXPECT_EQ(status, 0);
    EXPECT_GE(defined, 0);
    EXPECT_TRUE(reopened_error.empty()) << reopened_error;
    EXPECT_TRUE(reopened_same);
}

}  // namespace
}  // namespace actviz::app
