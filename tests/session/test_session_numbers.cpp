// Numbers as a person reads them in a session file: a float setting is written as the shortest
// decimal that reads back to the same float (0.658, not 0.6579999923706055), and reads back exactly.
// And the window's place and size, kept in the last session: written, read back, and refused
// when out of range.

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <random>

#include "session/session_json.hpp"

namespace actviz::session {
namespace {

bool same_bits(float a, float b) { return std::memcmp(&a, &b, sizeof a) == 0; }

Session read_back(const Session& s) {
    ParseResult result = from_json_text(to_json_text(s));
    EXPECT_TRUE(result.loaded) << result.error;
    return result.loaded ? result.loaded->session : Session{};
}

TEST(SessionNumbers, AFloatSavedAs0658IsWrittenAs0658) {
    Session s;
    s.softmax.temperature = 0.658f;
    s.activations.saturation_epsilon = 0.03f;
    s.activations.x_min = -3.7f;
    s.gradflow.simulation.curves[0].gain = 1.1f;
    s.gradflow.simulation.bias = 0.1f;
    s.gradflow.simulation.normal_std = 0.07f;
    const std::string text = to_json_text(s);
    for (const char* written : {"\"temperature\": 0.658\n", "\"saturation_epsilon\": 0.03,", "\"x_min\": -3.7,",
                                "\"gain\": 1.1,", "\"bias\": 0.1,", "\"normal_std\": 0.07,"}) {
        EXPECT_NE(text.find(written), std::string::npos) << written << " not in the file";
    }
    EXPECT_EQ(text.find("0.6579999"), std::string::npos);
    EXPECT_EQ(text.find("0.0299999"), std::string::npos);
    const Session back = read_back(s);
    EXPECT_TRUE(same_bits(back.softmax.temperature, 0.658f));
    EXPECT_TRUE(same_bits(back.activations.x_min, -3.7f));
    EXPECT_TRUE(same_bits(back.gradflow.simulation.curves[0].gain, 1.1f));
}

// Every float the temperature's range holds, sampled: the shortest text reads back to the very float.
TEST(SessionNumbers, ShortestFloatTextReadsBackExactly) {
    std::mt19937 random(7);
    std::uniform_real_distribution<float> log_t(-2.0f, 2.0f);
    for (int i = 0; i < 2000; ++i) {
        Session s;
        s.softmax.temperature = std::pow(10.0f, log_t(random));
        if (s.softmax.temperature < 0.01f || s.softmax.temperature > 100.0f) continue;
        const Session back = read_back(s);
        ASSERT_TRUE(same_bits(back.softmax.temperature, s.softmax.temperature)) << s.softmax.temperature;
    }
    Session s;
    s.softmax.temperature = std::nextafter(0.658f, 1.0f);  // the float after 0.658 needs more digits, and gets them
    EXPECT_TRUE(same_bits(read_back(s).softmax.temperature, s.softmax.temperature));
    EXPECT_NE(to_json_text(s).find("\"temperature\": 0.65800005\n"), std::string::npos) << to_json_text(s);
}

TEST(SessionWindow, TheWindowsPlaceSizeAndMaximisedStateComeBack) {
    Session s;
    EXPECT_EQ(to_json_text(s).find("\"window\""), std::string::npos);  // only last.json carries one
    s.window = WindowGeometry{-1200, 45, 1366, 700, true};
    const Session back = read_back(s);
    ASSERT_TRUE(back.window);
    EXPECT_EQ(back.window->x, -1200);  // a monitor left of the primary one
    EXPECT_EQ(back.window->y, 45);
    EXPECT_EQ(back.window->width, 1366);
    EXPECT_EQ(back.window->height, 700);
    EXPECT_TRUE(back.window->maximised);
}

TEST(SessionWindow, AWindowOutOfRangeIsRefusedWithItsPath) {
    const auto error_of = [](const std::string& window) {
        ParseResult result = from_json_text(R"({"actviz_session": 3, "window": )" + window + "}");
        return result.loaded ? std::string() : result.error;
    };
    EXPECT_NE(error_of(R"({"x": 0, "y": 0, "width": 10, "height": 600})").find("window.width"), std::string::npos);
    EXPECT_NE(error_of(R"({"x": 1e9, "y": 0, "width": 800, "height": 600})").find("window.x"), std::string::npos);
    EXPECT_NE(error_of(R"({"x": 0, "y": 0, "height": 600})").find("window.width"), std::string::npos);
    EXPECT_NE(error_of(R"({"x": 0, "y": 0, "width": 800, "height": 600, "maximised": 1})").find("window.maximised"),
              std::string::npos);
    EXPECT_EQ(error_of(R"({"x": 0, "y": 0, "width": 800, "height": 600})"), "");
}

}  // namespace
}  // namespace actviz::session
