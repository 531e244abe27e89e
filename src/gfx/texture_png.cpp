#include "gfx/texture_png.hpp"

#include <cstdint>
#include <utility>
#include <vector>

#include "gfx/gl.hpp"
#include "gfx/png_file.hpp"

namespace actviz::gfx {

std::function<std::string()> read_texture_png(void* texture_id) {
    const auto name = static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(texture_id));
    if (name == 0 || glIsTexture(name) != GL_TRUE) return {};
    GLint previous = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);
    glBindTexture(GL_TEXTURE_2D, name);
    GLint width = 0, height = 0;
    glGetTexLevelParameteriv(GL_TEXTURE_2D, 0, GL_TEXTURE_WIDTH, &width);
    glGetTexLevelParameteriv(GL_TEXTURE_2D, 0, GL_TEXTURE_HEIGHT, &height);
    std::vector<unsigned char> rgba;
    if (width > 0 && height > 0 && width <= 8192 && height <= 8192) {
        rgba.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glGetTexImage(GL_TEXTURE_2D, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());  // row 0 is the top, as uploaded
    }
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previous));
    if (rgba.empty()) return {};
    return [width, height, rgba = std::move(rgba)] { return encode_png(width, height, 4, rgba.data(), width * 4); };
}

}  // namespace actviz::gfx
