#include <gtest/gtest.h>

#include "app/layout.hpp"

namespace actviz::app {
namespace {

float area_of(const std::vector<Rect>& rects) {
    float total = 0;
    for (const Rect& r : rects) total += r.width * r.height;
    return total;
}

bool overlap(const Rect& a, const Rect& b) {
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

TEST(Layout, PanelsFillTheWorkAreaWithoutOverlapForAnyCount) {
    const Rect area{0, 20, 1281, 757};
    for (int count = 1; count <= 6; ++count) {
        const auto rects = tile_panels(area, count);
        ASSERT_EQ(static_cast<int>(rects.size()), count);
        EXPECT_FLOAT_EQ(area_of(rects), area.width * area.height) << count << " panels";
        for (int i = 0; i < count; ++i) {
            for (int j = i + 1; j < count; ++j) EXPECT_FALSE(overlap(rects[i], rects[j])) << i << "," << j;
        }
    }
}

TEST(Layout, ThreeOrFourPanelsGiveTheFirstATallColumn) {
    const auto rects = tile_panels({0, 0, 1000, 800}, 4);
    EXPECT_FLOAT_EQ(rects[0].height, 800);
    EXPECT_FLOAT_EQ(rects[0].width, 500);
    EXPECT_FLOAT_EQ(rects[1].height + rects[2].height + rects[3].height, 800);
}

TEST(Layout, ZeroSizeAreaGivesEmptyRectsNotNegativeOnes) {
    for (const Rect& r : tile_panels({0, 0, 0, -10}, 3)) {
        EXPECT_GE(r.width, 0);
        EXPECT_GE(r.height, 0);
    }
    EXPECT_TRUE(tile_panels({0, 0, 100, 100}, 0).empty());
}

}  // namespace
}  // namespace actviz::app
