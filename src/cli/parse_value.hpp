#pragma once
// Strict conversion of flag values: the whole text must be a number within the allowed range,
// otherwise a UsageError names the flag, the allowed range and what was typed.

#include <string_view>

namespace actviz::cli {

long long parse_integer(std::string_view flag, std::string_view text, long long min, long long max);
double parse_real(std::string_view flag, std::string_view text, double min, double max);

// "WxH", e.g. "1280x800"; each side within [min_side, max_side].
struct Size2 {
    int width = 0;
    int height = 0;
};
Size2 parse_size(std::string_view flag, std::string_view text, int min_side, int max_side);

}  // namespace actviz::cli
