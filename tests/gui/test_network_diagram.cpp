// The network diagram in the running app, driven as a user would: a link under the mouse is clicked,
// a weight typed into its editor with Enter, and Ctrl+Z undoes it — the edit changes exactly that
// weight in the trainer and the undo restores it; hovering a hidden node lights its active region on
// the decision plane.

#include <gtest/gtest.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "app/app_state.hpp"

namespace actviz::app {
namespace {

TEST(NetworkDiagram, ALinkClickedEditsExactlyItsWeightAndCtrlZRestoresIt) {
    const char* display = std::getenv("DISPLAY");
    if (!display || !*display) GTEST_SKIP() << "no X display; the test command runs this under xvfb-run";
    settings::LaunchOptions launch;
    launch.fresh = true;
    launch.width = 1280;
    launch.height = 800;
    launch.panel = "classifier";
    launch.preset = "spiral-tanh";
    launch.frames = 40;
    NetworkDiagram::DrawnLink target;
    Vector before, edited, undone;
    bool found = false, popup_opened = false, node_lit = false;
    int thumbnails_drawn = 0;
    // A third of the way along the link (its midpoint may be where its mirror image crosses it).
    const auto on_target = [&] { return ImVec2(target.a.x + (target.b.x - target.a.x) / 3, target.a.y + (target.b.y - target.a.y) / 3); };
    const int status = run(launch, [&](AppState& state, GLFWwindow*, int frame) {
        ImGuiIO& io = ImGui::GetIO();
        ClassifierPanel& panel = state.classifier;
        if (frame == 1) {
            panel.settings.view.network = true;
            panel.settings.run.playing = false;  // the weights hold still while we edit one
            // A budget every plane pass fits in, under ASan too: paused, the pictures are computed in
            // the frame (dearer ones go to the worker and arrive frames later).
            panel.settings.run.frame_budget_ms = 1000;
        }
        const Trainer* trainer = panel.live.trainer();
        if (!trainer) return;
        if (frame == 8) {
            // The middle layer's strongest link: drawn last (on top), so the mouse finds it.
            for (const NetworkDiagram::DrawnLink& link : panel.network.links) {
                if (link.layer == 1) target = link, found = true;
            }
            for (const NetworkDiagram::DrawnNode& node : panel.network.nodes) thumbnails_drawn += node.thumbnail;
            if (!found) return;
            before = trainer->mlp().parameters();
            io.MousePos = on_target();
        }
        if (!found) return;
        if (frame == 9) io.MousePos = on_target(), io.MouseDown[0] = true;
        if (frame == 10) io.MouseDown[0] = false;
        if (frame == 12) {
            popup_opened = panel.network.edit_layer == target.layer && panel.network.edit_to == target.to &&
                           panel.network.edit_from == target.from;
            io.AddInputCharactersUTF8("0.5");  // the box opens with its text selected: this replaces it
        }
        if (frame == 14) io.KeysDown[GLFW_KEY_ENTER] = true;
        if (frame == 15) io.KeysDown[GLFW_KEY_ENTER] = false;
        if (frame == 18) {
            edited = trainer->mlp().parameters();
            io.KeyCtrl = true, io.KeysDown[GLFW_KEY_LEFT_CONTROL] = true, io.KeysDown[GLFW_KEY_Z] = true;
        }
        if (frame == 19) io.KeyCtrl = false, io.KeysDown[GLFW_KEY_LEFT_CONTROL] = false, io.KeysDown[GLFW_KEY_Z] = false;
        if (frame == 22) undone = trainer->mlp().parameters();
        if (frame >= 22) {
            // Hover the first hidden layer's first node (the backend reads the real cursor every frame,
            // so the position is set every frame): its active region should light the plane.
            for (const NetworkDiagram::DrawnNode& node : panel.network.nodes) {
                if (node.layer == 1 && node.unit == 0) io.MousePos = node.centre;
            }
        }
        if (frame >= 25) {
            node_lit = node_lit || (panel.settings.view.hovered_layer == 0 && panel.settings.view.hovered_unit == 0 &&
                                    panel.live.has_unit_plane());
        }
    });
    EXPECT_EQ(status, 0);
    ASSERT_TRUE(found) << "the diagram should have drawn the middle layer's links";
    EXPECT_GT(thumbnails_drawn, 30) << "2 inputs, 16 + 16 units and 3 outputs fit as pictures at 1280 × 800";
    EXPECT_TRUE(popup_opened) << "a click on the link should open its weight editor";
    ASSERT_EQ(edited.size(), before.size());
    ASSERT_EQ(undone.size(), before.size());
    // The weight's place in the flat vector: W_l column-major.
    ASSERT_EQ(before.size(), edited.size());
    const Eigen::Index rows = 16;  // layer 1 is 16 × 16
    int changed = 0;
    for (Eigen::Index i = 0; i < before.size(); ++i) changed += edited[i] != before[i];
    EXPECT_EQ(changed, 1) << "exactly one parameter should change";
    const Matrix layer_before = Eigen::Map<const Matrix>(before.data() + 2 * 16, rows, 16);
    const Matrix layer_edited = Eigen::Map<const Matrix>(edited.data() + 2 * 16, rows, 16);
    EXPECT_EQ(layer_edited(target.to, target.from), 0.5);
    EXPECT_EQ(layer_before(target.to, target.from), target.weight);
    EXPECT_EQ(undone, before) << "Ctrl+Z should restore the weight";
    EXPECT_TRUE(node_lit) << "hovering a hidden node should light its active region on the plane";
}

}  // namespace
}  // namespace actviz::app
