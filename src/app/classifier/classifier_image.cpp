#include "app/classifier/classifier_image.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace actviz::app {

float certainty(float confidence, int classes) {
    if (classes < 2) return 1.0f;
    const float floor = 1.0f / static_cast<float>(classes);
    return std::clamp((confidence - floor) / (1.0f - floor), 0.0f, 1.0f);
}

void colour_regions(const GridResult& result, std::span<const Rgb> palette, Rgb background,
                    std::vector<std::uint32_t>& pixels) {
    const size_t n = static_cast<size_t>(result.width) * static_cast<size_t>(result.height);
    pixels.resize(n);
    // Mix weight: 0.16 at certainty 0 (a hint of the class), 0.70 at certainty 1. The square root
    // spends the contrast where the network is unsure, near the boundary.
    constexpr float kLow = 0.16f, kHigh = 0.70f;
    for (size_t p = 0; p < n; ++p) {
        const Rgb c = palette[std::min<size_t>(result.predicted[p], palette.size() - 1)];
        const float w = kLow + (kHigh - kLow) * std::sqrt(certainty(result.confidence[p], result.classes));
        const auto mix = [w](std::uint8_t from, std::uint8_t to) {
            return static_cast<std::uint8_t>(std::lround(from + w * (static_cast<float>(to) - from)));
        };
        pixels[p] = pack_rgba(mix(background.r, c.r), mix(background.g, c.g), mix(background.b, c.b));
    }
}

void colour_counts(const GridResult& result, int max_count, std::span<const std::uint32_t> ramp,
                   std::vector<std::uint32_t>& pixels) {
    const size_t n = static_cast<size_t>(result.width) * static_cast<size_t>(result.height);
    pixels.resize(n);
    const size_t last = ramp.size() - 1;
    for (size_t p = 0; p < n; ++p) {
        const int count = p < result.inactive_count.size() ? result.inactive_count[p] : 0;
        const size_t index = max_count <= 0 ? 0 : std::min(last, static_cast<size_t>(count) * last / static_cast<size_t>(max_count));
        pixels[p] = ramp[index];
    }
}

void colour_unit(const GridResult& result, std::uint32_t active, std::uint32_t inactive,
                 std::vector<std::uint32_t>& pixels) {
    const size_t n = static_cast<size_t>(result.width) * static_cast<size_t>(result.height);
    pixels.resize(n);
    for (size_t p = 0; p < n; ++p) pixels[p] = p < result.unit_active.size() && result.unit_active[p] ? active : inactive;
}

namespace {

// A muted colour from a region's key: hue from its high bits, saturation and value from others, so
// neighbouring regions rarely look alike and none is as loud as the data points drawn over them.
std::uint32_t region_colour(std::uint64_t key) {
    const double hue = static_cast<double>(key >> 40) / static_cast<double>(std::uint64_t{1} << 24) * 6.0;
    const double saturation = 0.35 + 0.35 * static_cast<double>((key >> 8) & 0xFF) / 255.0;
    const double value = 0.45 + 0.35 * static_cast<double>((key >> 16) & 0xFF) / 255.0;
    const int sector = static_cast<int>(hue) % 6;
    const double f = hue - std::floor(hue);
    const double p = value * (1 - saturation), q = value * (1 - saturation * f), t = value * (1 - saturation * (1 - f));
    const std::array<std::array<double, 3>, 6> rgb = {{{value, t, p}, {q, value, p}, {p, value, t},
                                                        {p, q, value}, {t, p, value}, {value, p, q}}};
    const auto byte = [](double x) { return static_cast<std::uint8_t>(std::lround(std::clamp(x, 0.0, 1.0) * 255)); };
    const auto& c = rgb[static_cast<size_t>(sector)];
    return pack_rgba(byte(c[0]), byte(c[1]), byte(c[2]));
}

}  // namespace

void colour_linear_regions(const LinearRegions& regions, int width, int height, std::vector<std::uint32_t>& pixels) {
    const size_t n = static_cast<size_t>(width) * static_cast<size_t>(height);
    pixels.resize(n);
    if (regions.region.size() < n) return;
    for (int j = 0; j < height; ++j) {
        for (int i = 0; i < width; ++i) {
            const size_t p = static_cast<size_t>(j) * static_cast<size_t>(width) + static_cast<size_t>(i);
            const std::int32_t r = regions.region[p];
            std::uint32_t colour = region_colour(regions.key[static_cast<size_t>(r)]);
            const bool edge = (i + 1 < width && regions.region[p + 1] != r) ||
                              (j + 1 < height && regions.region[p + static_cast<size_t>(width)] != r);
            if (edge) colour = pack_rgba(12, 12, 16);
            pixels[p] = colour;
        }
    }
}

namespace {

// Marching squares on one scalar field over a square with corners (in this order) top-left,
// top-right, bottom-right, bottom-left at (x, y), (x+1, y), (x+1, y+1), (x, y+1); inside = value > 0.
void march(const std::array<float, 4>& v, float x, float y, std::vector<Segment>& out) {
    static constexpr float kCornerX[4] = {0, 1, 1, 0}, kCornerY[4] = {0, 0, 1, 1};
    int mask = 0;
    for (int i = 0; i < 4; ++i) mask |= (v[i] > 0 ? 1 : 0) << i;
    if (mask == 0 || mask == 15) return;
    // The crossing on edge e (from corner e to corner e+1).
    const auto cross = [&](int e, float& cx, float& cy) {
        const int a = e, b = (e + 1) % 4;
        const float denominator = v[a] - v[b];
        const float t = denominator != 0 ? std::clamp(v[a] / denominator, 0.0f, 1.0f) : 0.5f;
        cx = x + kCornerX[a] + t * (kCornerX[b] - kCornerX[a]);
        cy = y + kCornerY[a] + t * (kCornerY[b] - kCornerY[a]);
    };
    const auto add = [&](int e0, int e1) {
        Segment s{};
        cross(e0, s.x0, s.y0);
        cross(e1, s.x1, s.y1);
        out.push_back(s);
    };
    // An edge is crossed when its two corners differ; with two crossed edges there is one segment.
    std::array<int, 4> crossed{};
    int count = 0;
    for (int e = 0; e < 4; ++e) {
        if (((mask >> e) & 1) != ((mask >> ((e + 1) % 4)) & 1)) crossed[count++] = e;
    }
    if (count == 2) {
        add(crossed[0], crossed[1]);
        return;
    }
    // Saddle (diagonal corners inside): the mean decides whether the inside regions connect.
    const bool centre_inside = (v[0] + v[1] + v[2] + v[3]) > 0;
    const bool corner0_inside = (mask & 1) != 0;
    if (centre_inside == corner0_inside) {
        add(0, 1), add(2, 3);  // corner 0's region joins corner 2's: cut off corners 1 and 3
    } else {
        add(3, 0), add(1, 2);  // cut off corners 0 and 2
    }
}

}  // namespace

void decision_contours(const GridResult& result, std::vector<Segment>& segments) {
    segments.clear();
    const int w = result.width, h = result.height, k = result.classes;
    if (w < 2 || h < 2 || k < 2) return;
    const size_t needed = static_cast<size_t>(w) * static_cast<size_t>(h);
    if (result.predicted.size() < needed || result.probabilities.size() < needed * static_cast<size_t>(k)) return;
    const auto prob = [&](size_t pixel, int c) { return result.probabilities[pixel * static_cast<size_t>(k) + static_cast<size_t>(c)]; };
    // p_c minus the largest other probability: > 0 exactly where c is predicted (up to ties).
    const auto margin = [&](size_t pixel, int c) {
        float other = -1;
        for (int j = 0; j < k; ++j) {
            if (j != c) other = std::max(other, prob(pixel, j));
        }
        return prob(pixel, c) - other;
    };
    for (int j = 0; j + 1 < h; ++j) {
        for (int i = 0; i + 1 < w; ++i) {
            const std::array<size_t, 4> corner{static_cast<size_t>(j) * w + i, static_cast<size_t>(j) * w + i + 1,
                                               static_cast<size_t>(j + 1) * w + i + 1, static_cast<size_t>(j + 1) * w + i};
            const std::uint8_t c0 = result.predicted[corner[0]];
            if (c0 == result.predicted[corner[1]] && c0 == result.predicted[corner[2]] &&
                c0 == result.predicted[corner[3]]) {
                continue;
            }
            std::array<bool, 256> present{};
            int distinct = 0, low = 255, high = 0;
            for (size_t p : corner) {
                const int c = result.predicted[p];
                if (!present[static_cast<size_t>(c)]) ++distinct, present[static_cast<size_t>(c)] = true;
                low = std::min(low, c), high = std::max(high, c);
            }
            std::array<float, 4> v{};
            if (distinct == 2) {
                for (int q = 0; q < 4; ++q) v[q] = prob(corner[q], low) - prob(corner[q], high);
                march(v, static_cast<float>(i), static_cast<float>(j), segments);
                continue;
            }
            for (int c = 0; c < k; ++c) {
                if (!present[static_cast<size_t>(c)]) continue;
                for (int q = 0; q < 4; ++q) v[q] = margin(corner[q], c);
                march(v, static_cast<float>(i), static_cast<float>(j), segments);
            }
        }
    }
}

}  // namespace actviz::app
