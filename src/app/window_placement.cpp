#include "app/window_placement.hpp"

#include <algorithm>

namespace actviz::app {
namespace {

// How much of the window's top edge must lie on a monitor for it to be reachable: enough of the
// title bar to grab it with the mouse.
constexpr int kGrabWidth = 96, kGrabHeight = 24;

bool reachable(int x, int y, int width, const ScreenArea& area) {
    const int left = std::max(x, area.x), right = std::min(x + width, area.x + area.width);
    const int top = std::max(y, area.y), bottom = std::min(y + kGrabHeight, area.y + area.height);
    return right - left >= std::min(kGrabWidth, width) && bottom - top >= kGrabHeight;
}

}  // namespace

WindowPlacement place_window(const session::WindowGeometry& saved, std::span<const ScreenArea> monitors, bool size_from_flag) {
    WindowPlacement placement;
    placement.maximise = saved.maximised && !size_from_flag;
    int width = saved.width, height = saved.height;
    if (!size_from_flag) {
        // Never larger than the largest monitor: a window from a big screen opened on a laptop.
        int most_width = 0, most_height = 0;
        for (const ScreenArea& area : monitors) most_width = std::max(most_width, area.width), most_height = std::max(most_height, area.height);
        if (most_width > 0) width = std::min(width, most_width);
        if (most_height > 0) height = std::min(height, most_height);
        placement.width = width, placement.height = height;
    }
    for (const ScreenArea& area : monitors) {
        if (reachable(saved.x, saved.y, width, area)) {
            placement.x = saved.x, placement.y = saved.y;
            break;
        }
    }
    return placement;
}

}  // namespace actviz::app
