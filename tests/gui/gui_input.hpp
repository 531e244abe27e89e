#pragma once
// Scripted input for the real frame loop (app::run's FrameHook): clicks, double clicks, keys and
// typed text queued one frame per event, applied to ImGuiIO each frame before ImGui::NewFrame.
// The mouse stays where the script last put it (the backend would put the real cursor there).

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <array>
#include <deque>
#include <functional>
#include <string>

namespace actviz::testing {

class GuiInput {
   public:
    // At the centre of a rectangle (x, y, width, height), as the app's test hooks record them.
    void click(const std::array<float, 4>& r) { click(ImVec2(r[0] + r[2] * 0.5f, r[1] + r[3] * 0.5f)); }
    void click(ImVec2 at) {
        frames_.push_back([this, at](ImGuiIO&) { mouse_ = at, down_ = true; });
        frames_.push_back([this](ImGuiIO&) { down_ = false; });
    }
    void double_click(const std::array<float, 4>& r) {
        click(r);
        click(r);
    }
    void key(int glfw_key, bool ctrl = false) {
        frames_.push_back([glfw_key, ctrl](ImGuiIO& io) {
            io.KeysDown[glfw_key] = true;
            io.KeysDown[GLFW_KEY_LEFT_CONTROL] = ctrl;
            io.KeyCtrl = ctrl;
        });
        frames_.push_back([glfw_key](ImGuiIO& io) {
            io.KeysDown[glfw_key] = false;
            io.KeysDown[GLFW_KEY_LEFT_CONTROL] = false;
            io.KeyCtrl = false;
        });
    }
    void type(const std::string& text) {
        frames_.push_back([text](ImGuiIO& io) { io.AddInputCharactersUTF8(text.c_str()); });
    }
    bool busy() const { return !frames_.empty(); }
    // Once a frame, from the hook.
    void apply() {
        ImGuiIO& io = ImGui::GetIO();
        if (!frames_.empty()) {
            frames_.front()(io);
            frames_.pop_front();
        }
        io.MousePos = mouse_;
        io.MouseDown[0] = down_;
    }

   private:
    std::deque<std::function<void(ImGuiIO&)>> frames_;
    ImVec2 mouse_{2, 2};
    bool down_ = false;
};

}  // namespace actviz::testing
