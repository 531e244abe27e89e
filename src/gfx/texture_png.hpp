#pragma once
// A texture's pixels as PNG bytes: how a picture drawn in a chart (the Classifier's probability
// plane) gets into the chart's SVG (plot::set_image_reader).

#include <functional>
#include <string>

namespace actviz::gfx {

// `texture_id`: an ImTextureID (a GL texture name, as gfx::Texture::id gives it). Reads its level 0
// now (needs the GL context current) and returns what encodes it as an RGBA PNG, on any thread;
// an empty function when it is not a readable 2D texture.
std::function<std::string()> read_texture_png(void* texture_id);

}  // namespace actviz::gfx
