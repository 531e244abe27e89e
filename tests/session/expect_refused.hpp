#pragma once
// What every refused session must look like to its user: not loaded, one line of our own words
// (never nlohmann's "[json.exception…]") that contains the expected part.

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "session/session_json.hpp"

namespace actviz::session::testing {

inline void expect_refused(std::string_view text, std::string_view expected) {
    const ParseResult result = from_json_text(text);
    EXPECT_FALSE(result.loaded) << "accepted: " << text.substr(0, 200);
    EXPECT_NE(result.error.find(expected), std::string::npos) << "message: " << result.error;
    EXPECT_EQ(result.error.find("json.exception"), std::string::npos) << "library text: " << result.error;
    EXPECT_EQ(result.error.find('\n'), std::string::npos) << "more than one line: " << result.error;
}

}  // namespace actviz::session::testing
