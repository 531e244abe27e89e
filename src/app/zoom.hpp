#pragma once
// View > Zoom: one factor on fonts and spacing for a projector or a small screen, on top of the
// display's own content scale (HiDPI). Remembered on this machine, not in sessions: a session
// opened on another screen keeps that screen's zoom.

#include <optional>
#include <string>

namespace actviz::app {

inline constexpr int kZoomSteps[] = {75, 90, 100, 110, 125, 150, 175, 200};  // percent
inline constexpr int kMinZoom = 75, kMaxZoom = 200, kDefaultZoom = 100;

int zoom_in(int percent);   // the next step up (kMaxZoom stays)
int zoom_out(int percent);  // the next step down (kMinZoom stays)

// The remembered zoom in `folder` (zoom.txt), or nullopt when there is none or it is not a
// percentage within [kMinZoom, kMaxZoom].
std::optional<int> read_remembered_zoom(const std::string& folder);
void remember_zoom(const std::string& folder, int percent);

struct UiScale {
    float content_scale = 1;  // the display's (glfwGetWindowContentScale): 2 on a HiDPI screen
    int zoom = kDefaultZoom;  // percent, the user's
    int applied_zoom = 0;     // what the fonts and the style were last built for (0: not yet)
    float factor() const { return content_scale * static_cast<float>(zoom) / 100.0f; }
};

}  // namespace actviz::app
