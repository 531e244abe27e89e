#pragma once
// PNG of what has been drawn into the current framebuffer.

#include <string>

namespace actviz::gfx {

// Reads the back buffer (call after rendering, before the swap) and writes it as an RGB PNG.
// Returns false with a reason in `error` when the file cannot be written.
bool save_framebuffer_png(int width, int height, const std::string& path, std::string& error);

// The same for the rectangle (x, y, width, height) of a framebuffer `fb_height` pixels tall, with
// y counted from the top as the UI counts it (one panel's area). Clipped to the framebuffer.
bool save_framebuffer_region_png(int fb_width, int fb_height, int x, int y, int width, int height,
                                 const std::string& path, std::string& error);

}  // namespace actviz::gfx
