#pragma once
// Where the window goes at start, from where it was when actviz last quit (last.json's "window"):
// the same size (unless --size says otherwise), the same place when that place is still on a
// monitor (a monitor unplugged since, or a laptop away from its desk: the window manager places
// it), maximised again if it was. Pure arithmetic over the monitors' work areas, so it is tested
// without a window; app.cpp asks GLFW for the monitors and applies the answer.

#include <optional>
#include <span>

#include "session/session.hpp"

namespace actviz::app {

struct ScreenArea {
    int x = 0, y = 0, width = 0, height = 0;  // a monitor's work area (without panels and docks)
};

struct WindowPlacement {
    std::optional<int> width, height;  // to set, or keep the size the window opened with
    std::optional<int> x, y;           // to move to, or leave it where the window manager put it
    bool maximise = false;
};

// `size_from_flag`: --size was given, and wins over the remembered size.
WindowPlacement place_window(const session::WindowGeometry& saved, std::span<const ScreenArea> monitors, bool size_from_flag);

}  // namespace actviz::app
