// Starts the real app under the test's X display (xvfb-run), renders a few frames, and checks the
// screenshot a user would see: the requested size, not blank, the menu bar drawn.

#include <gtest/gtest.h>
#include <stb_image.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <set>

#include "support/run_process.hpp"

namespace actviz::test {
namespace {

struct Image {
    int width = 0, height = 0;
    std::unique_ptr<unsigned char, void (*)(void*)> pixels{nullptr, stbi_image_free};

    const unsigned char* at(int x, int y) const { return pixels.get() + (static_cast<size_t>(y) * width + x) * 3; }
};

Image load_png(const std::string& path) {
    Image image;
    int channels = 0;
    image.pixels.reset(stbi_load(path.c_str(), &image.width, &image.height, &channels, 3));
    return image;
}

class Gui : public ::testing::Test {
protected:
    void SetUp() override {
        const char* display = std::getenv("DISPLAY");
        if (!display || !*display) GTEST_SKIP() << "no X display; the test command runs this under xvfb-run";
    }
};

TEST_F(Gui, RendersFramesAndWritesAScreenshotOfTheRequestedSize) {
    const std::string png = temp_path("smoke.png");
    const ProcessResult result =
        run_process(actviz_binary() + " --frames 4 --size 900x560 --screenshot '" + png + "'");
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const Image image = load_png(png);
    ASSERT_TRUE(image.pixels) << "screenshot is not a readable PNG: " << png;
    EXPECT_EQ(image.width, 900);
    EXPECT_EQ(image.height, 560);

    std::set<unsigned> colours;
    for (int y = 0; y < image.height; y += 3) {
        for (int x = 0; x < image.width; x += 3) {
            const unsigned char* p = image.at(x, y);
            colours.insert(p[0] << 16 | p[1] << 8 | p[2]);
        }
    }
    EXPECT_GT(colours.size(), 20u) << "the screenshot looks blank";

    // The menu bar is a band across the top whose colour differs from the panels below it,
    // with text (bright pixels) in it.
    const unsigned char* bar = image.at(image.width - 5, 4);
    const unsigned char* panel = image.at(image.width - 5, image.height / 2);
    EXPECT_NE(bar[0] << 16 | bar[1] << 8 | bar[2], panel[0] << 16 | panel[1] << 8 | panel[2]);
    int bright_in_bar = 0;
    for (int y = 0; y < 20; ++y) {
        for (int x = 0; x < 150; ++x) bright_in_bar += image.at(x, y)[0] > 180;
    }
    EXPECT_GT(bright_in_bar, 20) << "no menu text in the top-left corner";
    std::filesystem::remove(png);
}

TEST_F(Gui, UnwritableScreenshotPathExitsOneWithTheReason) {
    const ProcessResult result =
        run_process(actviz_binary() + " --frames 1 --size 320x240 --screenshot /nonexistent-dir/x.png");
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find("cannot write the screenshot"), std::string::npos) << result.err;
}

TEST_F(Gui, TinyWindowDoesNotCrash) {
    const ProcessResult result = run_process(actviz_binary() + " --frames 3 --size 64x64");
    EXPECT_EQ(result.exit_code, 0) << result.err;
}

TEST_F(Gui, ClassifierPresetTrainsAndDrawsItsPlanes) {
    const std::string png = temp_path("classifier.png");
    const ProcessResult result = run_process(actviz_binary() +
                                             " --frames 30 --size 1280x800 --panel classifier --preset spiral-tanh"
                                             " --screenshot '" + png + "'");
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const Image image = load_png(png);
    ASSERT_TRUE(image.pixels);
    // The decision regions are shaded by confidence: a trained-for-30-frames spiral gives hundreds
    // of distinct colours, where an empty panel has a few dozen.
    std::set<unsigned> colours;
    for (int y = 0; y < image.height; y += 2) {
        for (int x = 0; x < image.width; x += 2) {
            const unsigned char* p = image.at(x, y);
            colours.insert(p[0] << 16 | p[1] << 8 | p[2]);
        }
    }
    EXPECT_GT(colours.size(), 500u);
    std::filesystem::remove(png);
}

TEST_F(Gui, UnknownPresetExitsTwoNamingTheKnownOnes) {
    const ProcessResult result =
        run_process(actviz_binary() + " --frames 1 --size 320x240 --panel classifier --preset nope");
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("spiral-tanh"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace actviz::test
