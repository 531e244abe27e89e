#include "app/key_latch.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

namespace actviz::app {

void KeyLatch::pressed(int key, int mods) {
    if (key >= 0 && key < IM_ARRAYSIZE(ImGuiIO::KeysDown) && pressed_.size() < 64) pressed_.push_back({key, mods});
}

void KeyLatch::apply(ImGuiIO& io, const std::function<bool(int key)>& is_down) {
    for (int key : held_) {
        if (!is_down(key)) io.KeysDown[key] = false;
    }
    held_.clear();
    if (held_modifiers_) {  // as the backend computes them, from the keys
        io.KeyCtrl = io.KeysDown[GLFW_KEY_LEFT_CONTROL] || io.KeysDown[GLFW_KEY_RIGHT_CONTROL];
        io.KeyShift = io.KeysDown[GLFW_KEY_LEFT_SHIFT] || io.KeysDown[GLFW_KEY_RIGHT_SHIFT];
        io.KeyAlt = io.KeysDown[GLFW_KEY_LEFT_ALT] || io.KeysDown[GLFW_KEY_RIGHT_ALT];
        held_modifiers_ = false;
    }
    for (const Press& press : pressed_) {
        if (io.KeysDown[press.key]) continue;  // still down: ImGui sees it anyway
        io.KeysDown[press.key] = true;
        held_.push_back(press.key);
        if ((press.mods & GLFW_MOD_CONTROL) && !io.KeyCtrl) io.KeyCtrl = held_modifiers_ = true;
        if ((press.mods & GLFW_MOD_SHIFT) && !io.KeyShift) io.KeyShift = held_modifiers_ = true;
        if ((press.mods & GLFW_MOD_ALT) && !io.KeyAlt) io.KeyAlt = held_modifiers_ = true;
    }
    pressed_.clear();
}

}  // namespace actviz::app
