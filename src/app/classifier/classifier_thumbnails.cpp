#include "app/classifier/classifier_thumbnails.hpp"

#include <algorithm>
#include <cmath>

namespace actviz::app {
namespace {

// t in [0, 1]: rounded by adding ½ and truncating (lround per channel cost more than the pass it colours).
std::uint8_t mix(std::uint8_t a, std::uint8_t b, float t) {
    return static_cast<std::uint8_t>(static_cast<float>(a) + static_cast<float>(b - a) * t + 0.5f);
}

std::uint32_t mix_rgb(Rgb a, Rgb b, float t) { return pack_rgba(mix(a.r, b.r, t), mix(a.g, b.g, t), mix(a.b, b.b, t)); }

}  // namespace

std::uint32_t diverging_colour(float t, Rgb zero) {
    if (!(t == t)) t = 0;  // NaN: never on screen as a colour
    t = std::clamp(t, -1.0f, 1.0f);
    return t < 0 ? mix_rgb(zero, kNegativeColour, -t) : mix_rgb(zero, kPositiveColour, t);
}

std::array<float, 4> ThumbnailAtlas::uv(int node) const {
    const int column = node % std::max(columns, 1), row = node / std::max(columns, 1);
    const float w = static_cast<float>(std::max(width(), 1)), h = static_cast<float>(std::max(height(), 1));
    return {(static_cast<float>(column * tile_width) + 0.5f) / w, (static_cast<float>(row * tile_height) + 0.5f) / h,
            (static_cast<float>((column + 1) * tile_width) - 0.5f) / w,
            (static_cast<float>((row + 1) * tile_height) - 0.5f) / h};
}

void colour_thumbnails(const GridThumbnails& thumbnails, std::span<const Rgb> palette, Rgb background,
                       ThumbnailAtlas& atlas, std::vector<std::uint32_t>& pixels) {
    const int nodes = thumbnails.layer_first.empty() ? 0 : thumbnails.layer_first.back();
    const int samples = thumbnails.samples();
    const int node_layers = static_cast<int>(thumbnails.layer_first.size()) - 1;
    atlas.tile_width = thumbnails.width;
    atlas.tile_height = thumbnails.height;
    // Near square: a texture well inside any GL size limit even at 8 × 64 (535 nodes of 48² samples).
    atlas.columns = std::max(static_cast<int>(std::ceil(std::sqrt(static_cast<double>(nodes)))), 1);
    atlas.rows = std::max((nodes + atlas.columns - 1) / atlas.columns, 1);
    atlas.low.assign(static_cast<size_t>(nodes), 0.0f);
    atlas.high.assign(static_cast<size_t>(nodes), 0.0f);
    atlas.scale.assign(static_cast<size_t>(std::max(node_layers, 0)), 1.0f);
    pixels.assign(static_cast<size_t>(atlas.width()) * static_cast<size_t>(atlas.height()),
                  pack_rgba(background.r, background.g, background.b));
    if (nodes == 0 || samples == 0) return;
    for (int n = 0; n < nodes; ++n) {
        const float* v = thumbnails.values.data() + static_cast<size_t>(n) * static_cast<size_t>(samples);
        const auto [lo, hi] = std::minmax_element(v, v + samples);
        atlas.low[static_cast<size_t>(n)] = *lo;
        atlas.high[static_cast<size_t>(n)] = *hi;
    }
    for (int layer = 0; layer < node_layers; ++layer) {
        const int first = thumbnails.layer_first[static_cast<size_t>(layer)];
        const int end = thumbnails.layer_first[static_cast<size_t>(layer) + 1];
        const bool output = layer == node_layers - 1;
        for (int n = first; n < end; ++n) {
            // Inputs: each its own scale (x and x² differ in size); hidden: the layer's largest |a|.
            float scale = 0;
            if (layer == 0 || output) {
                scale = std::max(std::fabs(atlas.low[static_cast<size_t>(n)]), std::fabs(atlas.high[static_cast<size_t>(n)]));
            } else {
                for (int m = first; m < end; ++m) {
                    scale = std::max({scale, std::fabs(atlas.low[static_cast<size_t>(m)]),
                                      std::fabs(atlas.high[static_cast<size_t>(m)])});
                }
            }
            if (!output) atlas.scale[static_cast<size_t>(layer)] = scale;
            const float inverse = scale > 0 ? 1.0f / scale : 0.0f;
            const float* v = thumbnails.values.data() + static_cast<size_t>(n) * static_cast<size_t>(samples);
            const int x0 = (n % atlas.columns) * atlas.tile_width, y0 = (n / atlas.columns) * atlas.tile_height;
            const Rgb klass = output ? palette[static_cast<size_t>(n - first) % palette.size()] : Rgb{};
            for (int j = 0; j < atlas.tile_height; ++j) {
                std::uint32_t* row = pixels.data() + static_cast<size_t>(y0 + j) * static_cast<size_t>(atlas.width()) + x0;
                for (int i = 0; i < atlas.tile_width; ++i) {
                    const float value = v[j * atlas.tile_width + i];
                    row[i] = output ? mix_rgb(background, klass, std::clamp(value, 0.0f, 1.0f))
                                    : diverging_colour(value * inverse, background);
                }
            }
        }
        if (output) atlas.scale[static_cast<size_t>(layer)] = 1.0f;
    }
}

}  // namespace actviz::app
