// PNG files written with every byte checked: a full disk, a missing folder or a pipe is an error
// with a reason, never "saved" over a truncated or missing file.

#include <gtest/gtest.h>
#include <stb_image.h>

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <vector>

#include "gfx/png_file.hpp"
#include "support/file_size_limit.hpp"
#include "support/temp_folder.hpp"

namespace actviz::gfx {
namespace {

namespace fs = std::filesystem;
using testing::TempFolder;

// Noise, so the PNG cannot compress to a few hundred bytes.
std::vector<unsigned char> noise(int width, int height) {
    std::vector<unsigned char> pixels(static_cast<size_t>(width) * static_cast<size_t>(height) * 3);
    unsigned state = 12345;
    for (unsigned char& p : pixels) {
        state = state * 1103515245u + 12345u;
        p = static_cast<unsigned char>(state >> 16);
    }
    return pixels;
}

TEST(PngFile, WritesAPngThatReadsBack) {
    TempFolder folder;
    const std::string file = (folder.path / "a.png").string();
    const auto pixels = noise(32, 16);
    std::string error;
    ASSERT_TRUE(write_png_file(file, 32, 16, pixels.data(), 32 * 3, error)) << error;
    int w = 0, h = 0, channels = 0;
    unsigned char* back = stbi_load(file.c_str(), &w, &h, &channels, 3);
    ASSERT_TRUE(back);
    EXPECT_EQ(w, 32);
    EXPECT_EQ(h, 16);
    EXPECT_TRUE(std::equal(pixels.begin(), pixels.end(), back));
    stbi_image_free(back);
}

TEST(PngFile, AMissingFolderIsAnError) {
    const auto pixels = noise(8, 8);
    std::string error;
    EXPECT_FALSE(write_png_file("/nonexistent-actviz-folder/a.png", 8, 8, pixels.data(), 24, error));
    EXPECT_NE(error.find("No such file or directory"), std::string::npos) << error;
}

TEST(PngFile, APipeIsRefusedAndStaysAPipe) {
    TempFolder folder;
    const fs::path fifo = folder.path / "shot.png";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    const auto pixels = noise(8, 8);
    std::string error;
    EXPECT_FALSE(write_png_file(fifo.string(), 8, 8, pixels.data(), 24, error));
    EXPECT_NE(error.find("pipe"), std::string::npos) << error;
    EXPECT_TRUE(fs::is_fifo(fifo));
}

// A full disk, played by a file-size limit in a child process: the write fails part-way, the
// error says so, and no PNG (truncated or not) is left behind.
TEST(PngFile, AFullDiskIsAnErrorAndLeavesNoTruncatedFile) {
    TempFolder folder;
    const std::string file = (folder.path / "full.png").string();
    EXPECT_TRUE(test::passes_with_full_disk([&] {
        const auto pixels = noise(200, 200);
        std::string error;
        const bool written = write_png_file(file, 200, 200, pixels.data(), 600, error);
        return !written && error.find("too large") != std::string::npos;
    })) << "the write did not fail with \"File too large\"";
    EXPECT_TRUE(fs::is_empty(folder.path));
}

}  // namespace
}  // namespace actviz::gfx
