#pragma once
// OpenGL set-up and per-frame basics, so code outside src/gfx never calls GL itself.

#include <string>

namespace actviz::gfx {

// Matches GLFWglproc / GLADapiproc: a function that returns the address of a GL entry point.
using ProcAddress = void (*)();
using ProcLoader = ProcAddress (*)(const char* name);

// Loads the GL 3.3 core entry points through the window system's loader. Returns false and
// fills `error` when the context is too old or the loader fails.
bool load_gl(ProcLoader loader, std::string& error);

// "renderer (GL version)", for the log and the about box.
std::string describe_gl();

// Sets the viewport to the framebuffer and clears it.
void begin_frame(int framebuffer_width, int framebuffer_height, float red, float green, float blue);

}  // namespace actviz::gfx
