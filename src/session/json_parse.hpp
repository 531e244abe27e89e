#pragma once
// Parsing untrusted JSON text into a DOM, with limits against hostile files and one-line messages.

#include <string_view>

#include <nlohmann/json.hpp>

namespace actviz::session {

// Nesting (nothing we write nests deeper than 6) and the number of parse events: containers'
// starts and ends, keys and values (bounds the DOM's memory at ~16 bytes each).
inline constexpr int kMaxJsonDepth = 32;
inline constexpr std::size_t kMaxJsonValues = 8'000'000;

// Throws SessionError with one line: "not valid JSON at byte N", "the file ends too early
// (truncated?)", "nested deeper than 32 levels", "more than 8000000 values", a number too large
// for a double or a key given twice, both named by their path ("softmax.temperature"). Linear in
// the text's size.
nlohmann::json parse_limited(std::string_view text);

}  // namespace actviz::session
