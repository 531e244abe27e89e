#pragma once
// A texture's pixels as PNG bytes: how a picture drawn in a chart (the Classifier's probability
// plane) gets into the chart's SVG (plot::set_image_reader).

#include <string>

namespace actviz::gfx {

// `texture_id`: an ImTextureID (a GL texture name, as gfx::Texture::id gives it). Its level 0 as
// an RGBA PNG, or empty when it is not a readable 2D texture. Needs the GL context current.
std::string texture_png(void* texture_id);

}  // namespace actviz::gfx
