#pragma once
// The Classifier panel's pictures as plain pixels and line segments, from a GridResult (grid.hpp):
// no ImGui and no GL here, so tests can check the colours and the contours.
//
// Pixels are RGBA8 packed as ImGui's IM_COL32 does (R in the lowest byte), row 0 at the top, as
// gfx::Texture::upload takes them.

#include <cstdint>
#include <span>
#include <vector>

#include "core/grid.hpp"
#include "core/linear_regions.hpp"

namespace actviz::app {

struct Rgb {
    std::uint8_t r = 0, g = 0, b = 0;
};

constexpr std::uint32_t pack_rgba(std::uint8_t r, std::uint8_t g, std::uint8_t b, std::uint8_t a = 255) {
    return static_cast<std::uint32_t>(r) | static_cast<std::uint32_t>(g) << 8 | static_cast<std::uint32_t>(b) << 16 |
           static_cast<std::uint32_t>(a) << 24;
}

// How sure the prediction is, 0 (all classes equally likely: confidence 1/K) .. 1 (confidence 1).
float certainty(float confidence, int classes);

// Decision regions: each pixel in its predicted class's colour, mixed into `background` by the
// certainty — faint where the network hesitates, strong where it is sure. `palette` holds at least
// result.classes colours.
void colour_regions(const GridResult& result, std::span<const Rgb> palette, Rgb background,
                    std::vector<std::uint32_t>& pixels);

// Inactive-unit counts: 0 → ramp[0], `max_count` (or more) → ramp.back(), linear in between.
void colour_counts(const GridResult& result, int max_count, std::span<const std::uint32_t> ramp,
                   std::vector<std::uint32_t>& pixels);

// One unit's active region: `active` where unit_active is 1, `inactive` elsewhere.
void colour_unit(const GridResult& result, std::uint32_t active, std::uint32_t inactive,
                 std::vector<std::uint32_t>& pixels);

// Linear regions: each region (linear_regions.hpp) in a colour of its own, chosen from its pattern's
// key so a region keeps its colour while others appear and vanish around it; a pixel whose right or
// lower neighbour lies in another region is darkened, so the boundaries read as lines.
void colour_linear_regions(const LinearRegions& regions, int width, int height, std::vector<std::uint32_t>& pixels);

// A contour segment in grid coordinates: x = column, y = row of pixel centres (0 = the first
// pixel's centre), so (x, y) sits at data point (view.x_of(x), view.y_of(y)) extended linearly.
struct Segment {
    float x0, y0, x1, y1;
};

// The decision boundary by marching squares over every square of four neighbouring pixel centres
// whose predicted classes differ. In a square with two classes a < b the line is where p_a = p_b,
// placed by linear interpolation of p_a − p_b along the edges (saddles resolved by the square's
// mean); in a square with three or more classes every region's edge p_c = max_{k≠c} p_k is drawn.
// Needs probabilities and predicted in `result`.
void decision_contours(const GridResult& result, std::vector<Segment>& segments);

}  // namespace actviz::app
