#include "gfx/context.hpp"

#include "gfx/gl.hpp"

namespace actviz::gfx {

bool load_gl(ProcLoader loader, std::string& error) {
    const int version = gladLoadGL(reinterpret_cast<GLADloadfunc>(loader));
    if (version == 0) {
        error = "could not load the OpenGL functions";
        return false;
    }
    if (GLAD_VERSION_MAJOR(version) < 3 || (GLAD_VERSION_MAJOR(version) == 3 && GLAD_VERSION_MINOR(version) < 3)) {
        error = "OpenGL 3.3 is needed, this context offers " + std::to_string(GLAD_VERSION_MAJOR(version)) + "." +
                std::to_string(GLAD_VERSION_MINOR(version));
        return false;
    }
    return true;
}

std::string describe_gl() {
    auto text = [](GLenum name) {
        const auto* value = reinterpret_cast<const char*>(glGetString(name));
        return std::string(value ? value : "?");
    };
    return text(GL_RENDERER) + " (OpenGL " + text(GL_VERSION) + ")";
}

void begin_frame(int framebuffer_width, int framebuffer_height, float red, float green, float blue) {
    glViewport(0, 0, framebuffer_width, framebuffer_height);
    glClearColor(red, green, blue, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
}

}  // namespace actviz::gfx
