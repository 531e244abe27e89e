// Help > Choosing an activation in the real frame loop: the window draws, and every button of the
// guide shows its panel with its preset applied, as --panel and --preset would.

#include <gtest/gtest.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "app/app_state.hpp"
#include "app/guide_window.hpp"
#include "settings/gradflow_settings.hpp"

namespace actviz::app {
namespace {

TEST(GuideWindow, EveryButtonShowsItsPanelWithItsPreset) {
    const char* display = std::getenv("DISPLAY");
    if (!display || !*display) GTEST_SKIP() << "no X display; the test command runs this under xvfb-run";
    std::vector<settings::GuideLink> links;
    for (const settings::GuideSection& section : settings::activation_guide())
        for (const settings::GuideEntry& entry : section.entries)
            for (const settings::GuideLink& link : entry.links) links.push_back(link);
    std::vector<std::string> failures;
    std::size_t next = 0;
    settings::LaunchOptions launch;
    launch.fresh = true;
    launch.width = 1280;
    launch.height = 720;
    launch.frames = static_cast<int>(2 * links.size() + 10);
    const int status = run(launch, [&](AppState& state, GLFWwindow*, int frame) {
        if (frame == 1) state.show_guide = true;
        if (frame < 4 || next >= links.size()) return;
        const settings::GuideLink& link = links[next];
        if (frame % 2 == 0) {
            open_guide_link(state, link);
            return;
        }
        // A frame later: the page is the link's, its preset applied.
        if (state.maximised_panel != panel_index(link.panel)) failures.push_back(std::string(link.label) + ": another page");
        if (link.panel == settings::PanelId::Classifier && state.classifier.settings.preset != link.preset)
            failures.push_back(std::string(link.label) + ": the Classifier shows preset '" + state.classifier.settings.preset + "'");
        if (link.panel == settings::PanelId::Gradflow) {
            settings::GradflowSettings expected;
            settings::find_gradflow_preset(link.preset)->apply(expected);
            if (!(state.gradflow.settings.simulation == expected.simulation))
                failures.push_back(std::string(link.label) + ": the Gradient flow page is not its preset");
        }
        if (!state.show_guide) failures.push_back(std::string(link.label) + ": the guide closed");
        ++next;
    });
    EXPECT_EQ(status, 0);
    EXPECT_EQ(next, links.size()) << "the run ended before every link was tried";
    for (const std::string& failure : failures) ADD_FAILURE() << failure;
}

}  // namespace
}  // namespace actviz::app
