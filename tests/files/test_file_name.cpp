// File names proposed from chart titles: readable, and nothing a file system refuses.

#include <gtest/gtest.h>

#include <string>

#include "files/file_name.hpp"

namespace actviz::files {
namespace {

TEST(ReadableFileStem, WordsJoinedByDashesWithoutImGuiIds) {
    EXPECT_EQ(readable_file_stem("Loss per step##classifier"), "loss-per-step");
    EXPECT_EQ(readable_file_stem("##hidden"), "");
    EXPECT_EQ(readable_file_stem("  Accuracy (test), %  "), "accuracy-test");
}

TEST(ReadableFileStem, NoCharactersFileSystemsDislike) {
    const std::string stem = readable_file_stem("a/b\\c:d*e?f\"g<h>i|j\tk\x01l.m");
    EXPECT_EQ(stem, "a-b-c-d-e-f-g-h-i-j-k-l-m");
    EXPECT_EQ(readable_file_stem("..hidden"), "hidden");  // no leading dot
    EXPECT_EQ(readable_file_stem("-rf"), "rf");           // no leading dash
}

TEST(ReadableFileStem, GreekLettersStaySymbolsSeparate) {
    EXPECT_EQ(readable_file_stem("σ(x) and σ′(x)"), "σ-x-and-σ-x");
    EXPECT_EQ(readable_file_stem("\xE2\x80\x96\xE2\x88\x82L/\xE2\x88\x82W\xE2\x80\x96 per layer"), "l-w-per-layer");  // ‖∂L/∂W‖
    EXPECT_EQ(readable_file_stem("depth \xC3\x97 gain"), "depth-gain");                                                   // ×
}

TEST(ReadableFileStem, ShortenedWithoutCuttingACharacter) {
    const std::string stem = readable_file_stem("σσσσσσσσσσ", 7);  // two bytes each
    EXPECT_EQ(stem, "σσσ");
    EXPECT_EQ(readable_file_stem("one two three", 7), "one-two");
    EXPECT_EQ(readable_file_stem("bad \xFF\xFE utf8"), "bad-utf8");
}

}  // namespace
}  // namespace actviz::files
