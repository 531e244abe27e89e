#include "gfx/screenshot.hpp"

#include <algorithm>
#include <vector>

#include "gfx/gl.hpp"
#include "gfx/png_file.hpp"

namespace actviz::gfx {

std::optional<FramebufferPixels> read_framebuffer_region(int fb_width, int fb_height, int x, int y, int width,
                                                         int height) {
    const int x0 = std::clamp(x, 0, std::max(fb_width, 0)), y0 = std::clamp(y, 0, std::max(fb_height, 0));
    width = std::clamp(x + width, 0, std::max(fb_width, 0)) - x0;
    height = std::clamp(y + height, 0, std::max(fb_height, 0)) - y0;
    if (width <= 0 || height <= 0) return std::nullopt;
    FramebufferPixels out{width, height, {}};
    const std::size_t row_bytes = static_cast<std::size_t>(width) * 3;
    std::vector<unsigned char>& pixels = out.rgb;
    pixels.resize(row_bytes * static_cast<std::size_t>(height));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(x0, fb_height - y0 - height, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());  // GL: y up
    // GL's first row is the bottom of the window; PNG's is the top.
    for (int top = 0, bottom = height - 1; top < bottom; ++top, --bottom) {
        std::swap_ranges(pixels.begin() + static_cast<std::ptrdiff_t>(row_bytes) * top,
                         pixels.begin() + static_cast<std::ptrdiff_t>(row_bytes) * (top + 1),
                         pixels.begin() + static_cast<std::ptrdiff_t>(row_bytes) * bottom);
    }
    return out;
}

bool save_framebuffer_png(int width, int height, const std::string& path, std::string& error) {
    const std::optional<FramebufferPixels> pixels = read_framebuffer_region(width, height, 0, 0, width, height);
    if (!pixels) {
        error = "the window has no area to capture";
        return false;
    }
    return write_png_file(path, pixels->width, pixels->height, pixels->rgb.data(), pixels->width * 3, error);
}

}  // namespace actviz::gfx
