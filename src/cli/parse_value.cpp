#include "cli/parse_value.hpp"

#include <charconv>
#include <cmath>
#include <string>

#include "cli/usage_error.hpp"

namespace actviz::cli {
namespace {

// Built by appending: GCC 12 gives a false -Wrestrict for "'" + std::string(text) + "'".
std::string quoted(std::string_view text) {
    std::string result(1, '\'');
    result.append(text);
    result.push_back('\'');
    return result;
}

std::string format_real(double value) {
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

}  // namespace

long long parse_integer(std::string_view flag, std::string_view text, long long min, long long max) {
    long long value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < min || value > max) {
        throw UsageError(std::string(flag) + " expects a whole number from " + std::to_string(min) + " to " +
                         std::to_string(max) + ", got " + quoted(text));
    }
    return value;
}

double parse_real(std::string_view flag, std::string_view text, double min, double max) {
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() || !std::isfinite(value) ||
        value < min || value > max) {
        throw UsageError(std::string(flag) + " expects a number from " + format_real(min) + " to " +
                         format_real(max) + ", got " + quoted(text));
    }
    return value;
}

Size2 parse_size(std::string_view flag, std::string_view text, int min_side, int max_side) {
    const auto x = text.find('x');
    const std::string allowed = std::string(flag) + " expects WIDTHxHEIGHT with each side from " +
                                std::to_string(min_side) + " to " + std::to_string(max_side) + ", got " +
                                quoted(text);
    if (x == std::string_view::npos) throw UsageError(allowed);
    try {
        return {static_cast<int>(parse_integer(flag, text.substr(0, x), min_side, max_side)),
                static_cast<int>(parse_integer(flag, text.substr(x + 1), min_side, max_side))};
    } catch (const UsageError&) {
        throw UsageError(allowed);
    }
}

}  // namespace actviz::cli
