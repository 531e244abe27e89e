// The Classifier's pictures as plain pixels and segments (classifier_image.hpp): what a user sees
// as region colours, the dead-unit shading and the decision boundary, checked without a window.

#include <gtest/gtest.h>

#include <array>
#include <cmath>

#include "app/classifier/classifier_image.hpp"

namespace actviz::app {
namespace {

constexpr std::array<Rgb, 2> kPalette{Rgb{200, 40, 40}, Rgb{40, 40, 200}};
constexpr Rgb kBackground{20, 20, 20};

// A width × height grid of two classes with p(class 0) given per pixel.
GridResult two_class_grid(int width, int height, std::vector<float> p0) {
    GridResult grid;
    grid.width = width, grid.height = height, grid.classes = 2;
    for (float p : p0) {
        grid.probabilities.push_back(p);
        grid.probabilities.push_back(1 - p);
        grid.predicted.push_back(p >= 0.5f ? 0 : 1);
        grid.confidence.push_back(std::max(p, 1 - p));
    }
    return grid;
}

std::uint8_t red(std::uint32_t pixel) { return static_cast<std::uint8_t>(pixel & 0xff); }
std::uint8_t blue(std::uint32_t pixel) { return static_cast<std::uint8_t>(pixel >> 16 & 0xff); }

TEST(ClassifierImage, ASureRegionIsStrongInItsClassColourAnUnsureOneFaint) {
    // Class 0 (red) sure, class 0 hesitating, a coin toss, class 1 (blue) sure.
    const GridResult grid = two_class_grid(4, 1, {1.0f, 0.7f, 0.5f, 0.0f});
    std::vector<std::uint32_t> pixels;
    colour_regions(grid, kPalette, kBackground, pixels);
    ASSERT_EQ(pixels.size(), 4u);
    EXPECT_GT(red(pixels[0]), red(pixels[1]));      // sure is stronger than hesitating
    EXPECT_GT(red(pixels[1]), red(pixels[2]));      // … which is stronger than a coin toss
    EXPECT_GT(red(pixels[2]), kBackground.r);       // yet even a coin toss hints at its class
    EXPECT_LT(red(pixels[0]), kPalette[0].r);       // blended into the plane, never the raw colour
    EXPECT_GT(blue(pixels[3]), blue(pixels[0]));    // the other class in its own colour
    EXPECT_EQ(pixels[0] >> 24, 255u);               // opaque
    EXPECT_FLOAT_EQ(certainty(0.5f, 2), 0.0f);
    EXPECT_FLOAT_EQ(certainty(1.0f, 3), 1.0f);
}

TEST(ClassifierImage, InactiveCountsRunAlongTheRampAndSaturateAtItsEnd) {
    GridResult grid;
    grid.width = 3, grid.height = 1;
    grid.inactive_count = {0, 2, 9};
    const std::array<std::uint32_t, 3> ramp{1, 2, 3};
    std::vector<std::uint32_t> pixels;
    colour_counts(grid, 4, ramp, pixels);
    ASSERT_EQ(pixels.size(), 3u);
    EXPECT_EQ(pixels[0], 1u);
    EXPECT_EQ(pixels[1], 2u);  // half way along a three-colour ramp
    EXPECT_EQ(pixels[2], 3u);  // more than the maximum: the ramp's end
}

TEST(ClassifierImage, TheBoundaryLiesWhereTheTwoClassesAreEquallyLikely) {
    // Rows of p0 = 0.8 | 0.2: the boundary is the vertical line half way between the two columns.
    const GridResult grid = two_class_grid(2, 2, {0.8f, 0.2f, 0.8f, 0.2f});
    std::vector<Segment> segments;
    decision_contours(grid, segments);
    ASSERT_EQ(segments.size(), 1u);
    EXPECT_NEAR(segments[0].x0, 0.5f, 1e-6);
    EXPECT_NEAR(segments[0].x1, 0.5f, 1e-6);
    EXPECT_NEAR(std::abs(segments[0].y1 - segments[0].y0), 1.0f, 1e-6);
    // Off centre when one side is surer: p0 − p1 = 0.8 and −0.4 cross zero two thirds of the way.
    decision_contours(two_class_grid(2, 2, {0.9f, 0.3f, 0.9f, 0.3f}), segments);
    ASSERT_EQ(segments.size(), 1u);
    EXPECT_NEAR(segments[0].x0, 2.0f / 3.0f, 1e-5);
}

TEST(ClassifierImage, OneClassEverywhereHasNoBoundary) {
    std::vector<Segment> segments;
    decision_contours(two_class_grid(3, 3, std::vector<float>(9, 0.7f)), segments);
    EXPECT_TRUE(segments.empty());
}

}  // namespace
}  // namespace actviz::app
