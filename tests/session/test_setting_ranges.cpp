// Each described setting's range, as the session reader holds it: the bounds themselves open, one
// step outside either bound is refused with the value's path. The command line holds its flags to
// the same range (tests/cli/test_setting_flags.cpp).

#include <gtest/gtest.h>

#include <cmath>

#include "session/session_json.hpp"
#include "session_fixture.hpp"
#include "support/described_settings.hpp"

namespace actviz::session {
namespace {

using nlohmann::json;

std::string joined(const std::vector<std::string>& path) {
    std::string text;
    for (const std::string& key : path) {
        const bool index = !key.empty() && std::isdigit(static_cast<unsigned char>(key[0]));
        text += index ? "[" + key + "]" : (text.empty() ? "" : ".") + key;
    }
    return text;
}

// The scene's session with the value at `path` replaced.
std::string with_value(const json& scene, const std::vector<std::string>& path, double value, bool integer) {
    json doc = scene;
    json* node = &doc;
    for (const std::string& key : path) {
        node = std::isdigit(static_cast<unsigned char>(key[0])) ? &(*node)[std::stoul(key)] : &(*node)[key];
    }
    if (integer) *node = static_cast<long long>(value);
    else *node = value;
    return doc.dump();
}

TEST(SettingRanges, TheSessionReaderHoldsEachSettingToItsRange) {
    const json scene = json::parse(to_json_text(testing::make_scene().session));
    const auto all = actviz::testing::described_settings();
    ASSERT_GE(all.size(), 30u);
    for (const auto& setting : all) {
        const std::string where = joined(setting.path);
        for (const double inside : {setting.min, setting.max}) {
            const ParseResult result = from_json_text(with_value(scene, setting.path, inside, setting.integer));
            EXPECT_TRUE(result.loaded) << where << " = " << inside << " refused: " << result.error;
        }
        for (const bool below : {true, false}) {
            const double outside = actviz::testing::one_step_outside(setting, below);
            const ParseResult result = from_json_text(with_value(scene, setting.path, outside, setting.integer));
            EXPECT_FALSE(result.loaded) << where << " = " << outside << " accepted";
            EXPECT_NE(result.error.find(where), std::string::npos) << where << ": " << result.error;
        }
    }
}

}  // namespace
}  // namespace actviz::session
