#pragma once
// A setting described once (settings/setting.hpp) as a command-line flag: parsed and held to the
// same range as its slider's typed values and the session reader.

#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "cli/flags.hpp"
#include "cli/parse_value.hpp"
#include "settings/setting.hpp"

namespace actviz::cli {

// The flag's value when given (a number as typed: a double even for a float setting, which the
// headless tools compute in double); a UsageError naming the flag and its range when outside it.
template <typename Owner, typename T>
auto setting_flag(const Flags& flags, const settings::Setting<Owner, T>& setting)
    -> std::optional<std::conditional_t<std::is_integral_v<T>, T, double>> {
    const auto text = flags.value(setting.flag);
    if (!text) return std::nullopt;
    const std::string name = "--" + std::string(setting.flag);
    if constexpr (std::is_integral_v<T>) {
        return static_cast<T>(parse_integer(name, *text, static_cast<long long>(setting.min),
                                            static_cast<long long>(setting.max)));
    } else {
        return parse_real(name, *text, setting.min, setting.max);
    }
}

// A described list (--logits 1000,1001,1002): its count and every element held to the description.
template <typename Owner>
std::optional<std::vector<double>> setting_flag(const Flags& flags, const settings::ListSetting<Owner, double>& setting) {
    const auto text = flags.value(setting.flag);
    if (!text) return std::nullopt;
    return parse_real_list("--" + std::string(setting.flag), *text, setting.min_count, setting.max_count, setting.min,
                           setting.max);
}

// A described switch: on when its flag is given.
template <typename Owner>
bool setting_flag(const Flags& flags, const settings::Switch<Owner>& setting) {
    return flags.has(setting.flag);
}

// Its FlagSpec (a switch takes no value).
template <typename Owner>
constexpr FlagSpec flag_spec(const settings::Switch<Owner>& setting) {
    return FlagSpec{setting.flag, false};
}

}  // namespace actviz::cli
