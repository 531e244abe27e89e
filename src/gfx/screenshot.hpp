#pragma once
// PNG of what has been drawn into the current framebuffer.

#include <optional>
#include <string>
#include <vector>

namespace actviz::gfx {

// Reads the back buffer (call after rendering, before the swap) and writes it as an RGB PNG, in
// the caller's thread (the command line's --screenshot; the window's go beside the frame).
// Returns false with a reason in `error` when the file cannot be written.
bool save_framebuffer_png(int width, int height, const std::string& path, std::string& error);

// RGB pixels read from the framebuffer, top row first (what write_png_file takes).
struct FramebufferPixels {
    int width = 0, height = 0;
    std::vector<unsigned char> rgb;  // width × height × 3
};
// The rectangle (x, y, width, height) of a framebuffer `fb_height` pixels tall, with y counted from
// the top as the UI counts it (one panel's or chart's area), read from the back buffer into memory,
// to be encoded elsewhere. Clipped to the framebuffer; nullopt when it has no area within it.
std::optional<FramebufferPixels> read_framebuffer_region(int fb_width, int fb_height, int x, int y, int width, int height);

}  // namespace actviz::gfx
