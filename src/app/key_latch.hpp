#pragma once
// ImGui 1.86 reads the keyboard once a frame from io.KeysDown, which the GLFW backend sets as
// events arrive: a key pressed and released between two frames (a quick tap while a frame takes
// 50 ms, Ctrl+S typed fast) is never seen down, and the press is lost. The latch keeps every key
// pressed since the last frame down for one frame, with the modifiers it was pressed with, then
// lets it go. (Mouse clicks need none: the backend already latches button presses.)

#include <functional>
#include <vector>

struct ImGuiIO;

namespace actviz::app {

class KeyLatch {
   public:
    // From the GLFW key callback, for GLFW_PRESS: the key and its modifier bits (GLFW_MOD_*).
    void pressed(int key, int mods);
    // Once a frame, after the backend's NewFrame and before ImGui::NewFrame. `is_down(key)`: whether
    // the key is down now (glfwGetKey), to release what the latch held last frame.
    void apply(ImGuiIO& io, const std::function<bool(int key)>& is_down);

   private:
    struct Press {
        int key, mods;
    };
    std::vector<Press> pressed_;  // since the last apply
    std::vector<int> held_;       // keys the latch held down in the last frame
    bool held_modifiers_ = false; // modifiers the latch set in the last frame
};

}  // namespace actviz::app
