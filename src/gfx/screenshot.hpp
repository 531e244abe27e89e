#pragma once
// PNG of what has been drawn into the current framebuffer.

#include <optional>
#include <string>
#include <vector>

namespace actviz::gfx {

// Reads the back buffer (call after rendering, before the swap) and writes it as an RGB PNG.
// Returns false with a reason in `error` when the file cannot be written.
bool save_framebuffer_png(int width, int height, const std::string& path, std::string& error);

// The same for the rectangle (x, y, width, height) of a framebuffer `fb_height` pixels tall, with
// y counted from the top as the UI counts it (one panel's area). Clipped to the framebuffer.
bool save_framebuffer_region_png(int fb_width, int fb_height, int x, int y, int width, int height,
                                 const std::string& path, std::string& error);

// RGB pixels read from the framebuffer, top row first (what write_png_file takes).
struct FramebufferPixels {
    int width = 0, height = 0;
    std::vector<unsigned char> rgb;  // width × height × 3
};
// The rectangle as save_framebuffer_region_png reads it, kept in memory (a chart's PNG is read
// when the chart is on screen and written once the file chooser has answered). nullopt when the
// rectangle has no area within the framebuffer.
std::optional<FramebufferPixels> read_framebuffer_region(int fb_width, int fb_height, int x, int y, int width, int height);

}  // namespace actviz::gfx
