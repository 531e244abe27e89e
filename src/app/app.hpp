#pragma once

#include <functional>

#include "settings/launch_options.hpp"

struct GLFWwindow;

namespace actviz::app {

struct AppState;

// Called once per drawn frame, after the platform backend has read the real mouse and keyboard
// into ImGuiIO and before ImGui::NewFrame: what it writes into ImGui::GetIO() (mouse, wheel, keys,
// typed characters) is this frame's input, exactly as if it had come from the window. It may also
// act on the window (glfwSetWindowSize) or the state between frames (save and reopen a session).
// `frame` counts the frames drawn so far in this run. The seam through which tests/gui/monkey
// drives the real frame loop; the visualiser itself passes none.
using FrameHook = std::function<void(AppState& state, GLFWwindow* window, int frame)>;

// Opens the window and runs the visualiser until the user quits or `options.frames` have been
// drawn. Returns the process exit status: 0, or 1 when no window can be opened or the requested
// screenshot cannot be written (the reason is printed as one line on stderr).
int run(const settings::LaunchOptions& options, const FrameHook& before_each_frame = {});

}  // namespace actviz::app
