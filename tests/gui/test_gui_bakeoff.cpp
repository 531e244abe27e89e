// The Bake-off page under the test's X display: a running bake-off renders, writes its screenshot,
// survives a cramped window, and a preset of another panel is refused with one line.

#include <gtest/gtest.h>
#include <stb_image.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <set>

#include "support/run_process.hpp"

namespace actviz::test {
namespace {

class GuiBakeoff : public ::testing::Test {
protected:
    void SetUp() override {
        const char* display = std::getenv("DISPLAY");
        if (!display || !*display) GTEST_SKIP() << "no X display; the test command runs this under xvfb-run";
    }
};

TEST_F(GuiBakeoff, ARunningBakeoffRendersItsPage) {
    const std::string png = temp_path("bakeoff.png");
    const ProcessResult result = run_process(actviz_binary() + " --panel bakeoff --preset bakeoff-spiral-shallow "
                                                               "--frames 20 --size 1200x760 --screenshot '" + png + "'");
    ASSERT_EQ(result.exit_code, 0) << result.err;
    int width = 0, height = 0, channels = 0;
    std::unique_ptr<unsigned char, void (*)(void*)> pixels(stbi_load(png.c_str(), &width, &height, &channels, 3),
                                                           stbi_image_free);
    ASSERT_TRUE(pixels) << "screenshot is not a readable PNG: " << png;
    EXPECT_EQ(width, 1200);
    EXPECT_EQ(height, 760);
    // The thumbnails fill the upper part of the page with the class colours: many distinct colours.
    std::set<unsigned> colours;
    for (int y = 0; y < height / 2; y += 2) {
        for (int x = width / 4; x < width; x += 2) {
            const unsigned char* p = pixels.get() + (static_cast<size_t>(y) * width + x) * 3;
            colours.insert(p[0] << 16 | p[1] << 8 | p[2]);
        }
    }
    EXPECT_GT(colours.size(), 200u) << "the bake-off page looks empty";
    std::filesystem::remove(png);
}

TEST_F(GuiBakeoff, CrampedWindowAndTiledLayoutDoNotCrash) {
    EXPECT_EQ(run_process(actviz_binary() + " --panel bakeoff --preset bakeoff-moons-sgd --frames 6 --size 320x240")
                  .exit_code,
              0);
    EXPECT_EQ(run_process(actviz_binary() + " --frames 4 --size 1000x700").exit_code, 0);  // all five panels tiled
}

TEST_F(GuiBakeoff, AClassifierPresetOnTheBakeoffPageIsRefused) {
    const ProcessResult result = run_process(actviz_binary() + " --panel bakeoff --preset spiral-tanh --frames 2");
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("bakeoff-spiral"), std::string::npos) << result.err;
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1);
}

}  // namespace
}  // namespace actviz::test
