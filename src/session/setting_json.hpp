#pragma once
// A setting described once (settings/setting.hpp) read from and written to its session object.

#include <charconv>
#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

#include <nlohmann/json.hpp>

#include "session/json_reader.hpp"
#include "settings/setting.hpp"

namespace actviz::session {

// `in[key]`, when present, into the owner's member: refused outside the setting's range.
template <typename Owner, typename T>
void read_setting(const ObjectReader& in, const settings::Setting<Owner, T>& setting, Owner& owner) {
    if constexpr (std::is_same_v<T, int>) {
        in.integer(setting.key, setting.of(owner), static_cast<std::int64_t>(setting.min), static_cast<std::int64_t>(setting.max));
    } else {
        in.number(setting.key, setting.of(owner), setting.min, setting.max);
    }
}

// `in[key]`, when present: an array of min_count to max_count numbers, each within the range.
template <typename Owner>
void read_setting(const ObjectReader& in, const settings::ListSetting<Owner, double>& setting, Owner& owner) {
    if (!in.has(setting.key)) return;
    const std::string path = in.path_of(setting.key);
    const nlohmann::json& array = read_array(in.member(setting.key), path, setting.max_count);
    if (!setting.accepts_count(array.size())) {
        fail(path, "needs " + std::to_string(setting.min_count) + " to " + std::to_string(setting.max_count) + " " +
                       std::string(setting.key) + ", got " + std::to_string(array.size()));
    }
    std::vector<double> values;
    for (std::size_t i = 0; i < array.size(); ++i) {
        values.push_back(read_number(array[i], path + "[" + std::to_string(i) + "]", setting.min, setting.max));
    }
    setting.of(owner) = std::move(values);
}

template <typename Owner>
void read_setting(const ObjectReader& in, const settings::Switch<Owner>& setting, Owner& owner) {
    in.boolean(setting.key, setting.of(owner));
}

// A float as the shortest decimal that reads back as the same float ("0.01", not the double
// 0.009999999776482582), so hand-readable files show what the slider showed.
inline double float_json(float value) {
    char text[32];
    const auto end = std::to_chars(text, text + sizeof text, value).ptr;
    double shortest = value;
    std::from_chars(text, end, shortest);  // locale-independent, unlike strtod
    return shortest;
}

template <typename Json, typename Owner, typename T>
void write_setting(Json& out, const settings::Setting<Owner, T>& setting, const Owner& owner) {
    if constexpr (std::is_same_v<T, float>) {
        out[std::string(setting.key)] = float_json(setting.of(owner));
    } else {
        out[std::string(setting.key)] = setting.of(owner);
    }
}

template <typename Json, typename Owner>
void write_setting(Json& out, const settings::ListSetting<Owner, double>& setting, const Owner& owner) {
    out[std::string(setting.key)] = setting.of(owner);
}

template <typename Json, typename Owner>
void write_setting(Json& out, const settings::Switch<Owner>& setting, const Owner& owner) {
    out[std::string(setting.key)] = setting.of(owner);
}

}  // namespace actviz::session
