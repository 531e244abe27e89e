// The first kSafeSeriesColours series colours must stay apart for everyone: each pair is compared
// in CIELAB as a viewer with normal colour vision, protanopia, deuteranopia or tritanopia sees it,
// simulated with Machado, Oliveira & Fernandes (2009)'s matrices at severity 1 on linear RGB.

#include <gtest/gtest.h>
#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "plot/plot.hpp"

namespace actviz::plot {
namespace {

using Rgb = std::array<double, 3>;
using Matrix3 = std::array<Rgb, 3>;

struct Vision {
    const char* name;
    Matrix3 matrix;
};
constexpr Vision kVisions[] = {
    {"normal", {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}}},
    {"protanopia", {{{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}}},
    {"deuteranopia", {{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}}},
    {"tritanopia", {{{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}}}},
};

double linear(double srgb) { return srgb <= 0.04045 ? srgb / 12.92 : std::pow((srgb + 0.055) / 1.055, 2.4); }

// CIELAB (D65) of an ImU32 colour as `vision` sees it.
Rgb lab_as_seen(ImU32 colour, const Matrix3& vision) {
    const Rgb srgb{((colour >> IM_COL32_R_SHIFT) & 0xff) / 255.0, ((colour >> IM_COL32_G_SHIFT) & 0xff) / 255.0,
                   ((colour >> IM_COL32_B_SHIFT) & 0xff) / 255.0};
    Rgb lin{}, seen{};
    for (int i = 0; i < 3; ++i) lin[i] = linear(srgb[i]);
    for (int i = 0; i < 3; ++i)
        seen[i] = std::clamp(vision[i][0] * lin[0] + vision[i][1] * lin[1] + vision[i][2] * lin[2], 0.0, 1.0);
    const double x = 0.4124 * seen[0] + 0.3576 * seen[1] + 0.1805 * seen[2];
    const double y = 0.2126 * seen[0] + 0.7152 * seen[1] + 0.0722 * seen[2];
    const double z = 0.0193 * seen[0] + 0.1192 * seen[1] + 0.9505 * seen[2];
    const auto f = [](double t) { return t > 216.0 / 24389 ? std::cbrt(t) : (24389.0 / 27 * t + 16) / 116; };
    const double fx = f(x / 0.95047), fy = f(y), fz = f(z / 1.08883);
    return {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
}

double distance(const Rgb& a, const Rgb& b) { return std::hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]); }

TEST(Palette, TheFirstEightSeriesColoursStayApartUnderEveryCommonColourVisionDeficiency) {
    // 15 CIELAB units: clearly different side by side. Tableau 10 (the palette before) had pairs at
    // 4-8 under protanopia, deuteranopia and tritanopia (tanh's red and a pink; an orange and a yellow).
    constexpr double kMinDifference = 15;
    for (const Vision& vision : kVisions) {
        for (int i = 0; i < kSafeSeriesColours; ++i) {
            for (int j = i + 1; j < kSafeSeriesColours; ++j) {
                const double d = distance(lab_as_seen(series_colour(i), vision.matrix), lab_as_seen(series_colour(j), vision.matrix));
                EXPECT_GE(d, kMinDifference) << vision.name << ": series colours " << i << " and " << j;
            }
        }
    }
}

TEST(Palette, EverySafeColourStandsOutFromTheDarkBackground) {
    const ImU32 background = IM_COL32(28, 31, 36, 255);  // theme.hpp's window background
    for (const Vision& vision : kVisions) {
        for (int i = 0; i < kSafeSeriesColours; ++i) {
            EXPECT_GE(distance(lab_as_seen(series_colour(i), vision.matrix), lab_as_seen(background, vision.matrix)), 40)
                << vision.name << ": series colour " << i;
        }
    }
}

}  // namespace
}  // namespace actviz::plot
