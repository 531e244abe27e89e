// A key pressed and released between two frames is seen pressed in the next frame, once, with the
// modifiers it was pressed with (ImGui 1.86 alone never sees it: key_latch.hpp).

#include <GLFW/glfw3.h>
#include <gtest/gtest.h>
#include <imgui.h>

#include <set>

#include "app/key_latch.hpp"
#include "support/headless_imgui.hpp"

namespace actviz::app {
namespace {

class KeyLatchTest : public ::testing::Test {
   protected:
    test::HeadlessImGui imgui_{ImVec2(800, 600)};
    KeyLatch latch_;
    std::set<int> physically_down_;

    // What the GLFW backend does with a key event, and our callback with a press.
    void event(int key, bool press, int mods = 0) {
        ImGui::GetIO().KeysDown[key] = press;
        ImGui::GetIO().KeyCtrl = ImGui::GetIO().KeysDown[GLFW_KEY_LEFT_CONTROL];
        if (press) {
            physically_down_.insert(key);
            latch_.pressed(key, mods);
        } else {
            physically_down_.erase(key);
        }
    }
    // One frame: the latch, then ImGui's; whether `key` (with Ctrl when asked) reads as pressed.
    bool frame_sees_press(int key, bool with_ctrl = false) {
        latch_.apply(ImGui::GetIO(), [&](int k) { return physically_down_.count(k) > 0; });
        ImGui::NewFrame();
        const bool seen = ImGui::IsKeyPressed(key, false) && (!with_ctrl || ImGui::GetIO().KeyCtrl);
        ImGui::EndFrame();
        return seen;
    }
};

TEST_F(KeyLatchTest, ATapBetweenTwoFramesIsSeenOnceInTheNextFrame) {
    frame_sees_press(GLFW_KEY_SPACE);
    event(GLFW_KEY_SPACE, true);
    event(GLFW_KEY_SPACE, false);  // released before the frame read the keyboard
    EXPECT_TRUE(frame_sees_press(GLFW_KEY_SPACE));
    EXPECT_FALSE(frame_sees_press(GLFW_KEY_SPACE));
    EXPECT_FALSE(ImGui::GetIO().KeysDown[GLFW_KEY_SPACE]) << "the latch left the key down";
}

TEST_F(KeyLatchTest, CtrlSTypedFasterThanAFrameIsSeenAsCtrlS) {
    frame_sees_press(GLFW_KEY_S);
    event(GLFW_KEY_LEFT_CONTROL, true, GLFW_MOD_CONTROL);
    event(GLFW_KEY_S, true, GLFW_MOD_CONTROL);
    event(GLFW_KEY_S, false, GLFW_MOD_CONTROL);
    event(GLFW_KEY_LEFT_CONTROL, false);
    EXPECT_TRUE(frame_sees_press(GLFW_KEY_S, true));
    frame_sees_press(GLFW_KEY_S);
    EXPECT_FALSE(ImGui::GetIO().KeyCtrl) << "Ctrl stayed down after the chord";
}

TEST_F(KeyLatchTest, AKeyHeldDownIsNotReleasedByTheLatch) {
    frame_sees_press(GLFW_KEY_A);
    event(GLFW_KEY_A, true);
    EXPECT_TRUE(frame_sees_press(GLFW_KEY_A));
    EXPECT_FALSE(frame_sees_press(GLFW_KEY_A));  // held: a press is seen once
    EXPECT_TRUE(ImGui::GetIO().KeysDown[GLFW_KEY_A]);
}

}  // namespace
}  // namespace actviz::app
