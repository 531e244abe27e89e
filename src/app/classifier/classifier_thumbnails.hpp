#pragma once
// The network diagram's node pictures as pixels: every node's thumbnail (grid.hpp's GridThumbnails,
// sampled in the planes' own pass) tiled into one atlas, so a frame uploads one texture rather than
// one per unit. No ImGui and no GL here, so tests can check the colours.
//
// Colours as TensorFlow Playground's: a value's sign by hue (orange negative, blue positive), its
// size by strength, on the plane's dark background at 0. Inputs are scaled each by its own largest
// |value|, a hidden layer by its layer's (so its units compare), outputs show the class's
// probability in the class's colour.

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "app/classifier/classifier_image.hpp"
#include "core/grid.hpp"

namespace actviz::app {

struct ThumbnailAtlas {
    int columns = 0, rows = 0;        // tiles
    int tile_width = 0, tile_height = 0;  // samples
    std::vector<float> scale;          // per node layer: the |value| drawn at full strength
    std::vector<float> low, high;      // per node: its smallest and largest sample

    int width() const { return columns * tile_width; }
    int height() const { return rows * tile_height; }
    // Texture coordinates of node n's tile, half a texel inside so smooth filtering never bleeds
    // into the neighbour: {u0, v0, u1, v1}.
    std::array<float, 4> uv(int node) const;
};

// TF Playground's orange, and its blue (8, 119, 189) lifted so it reads on the dark theme: the node
// pictures and the diagram's links use the same two.
inline constexpr Rgb kNegativeColour{245, 147, 34};
inline constexpr Rgb kPositiveColour{70, 160, 235};
// t in [−1, 1] (clamped): orange at −1, `zero` at 0, blue at 1.
std::uint32_t diverging_colour(float t, Rgb zero);

// Lays out and colours every node's thumbnail; `palette` holds a colour per class.
void colour_thumbnails(const GridThumbnails& thumbnails, std::span<const Rgb> palette, Rgb background,
                       ThumbnailAtlas& atlas, std::vector<std::uint32_t>& pixels);

}  // namespace actviz::app
