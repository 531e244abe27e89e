#include "session/json_reader.hpp"

#include <cmath>
#include <cstdio>
#include <limits>

namespace actviz::session {

std::string number_text(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

void fail(const std::string& path, const std::string& message) { throw SessionError(path + ": " + message); }

namespace {

const char* type_name(const nlohmann::json& value) { return value.type_name(); }

}  // namespace

double read_number(const nlohmann::json& value, const std::string& path, double lo, double hi) {
    if (!value.is_number()) fail(path, std::string("expected a number, got ") + type_name(value));
    const double number = value.get<double>();
    // !(a <= b) is true for NaN as well.
    if (!std::isfinite(number) || !(number >= lo && number <= hi)) {
        fail(path, "must be between " + number_text(lo) + " and " + number_text(hi) + ", got " + number_text(number));
    }
    return number;
}

std::int64_t read_integer(const nlohmann::json& value, const std::string& path, std::int64_t lo, std::int64_t hi) {
    const auto range = [&] { return "must be an integer from " + std::to_string(lo) + " to " + std::to_string(hi); };
    if (!value.is_number_integer()) fail(path, range() + ", got " + (value.is_number() ? value.dump() : type_name(value)));
    if (value.is_number_unsigned() &&
        value.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        fail(path, range() + ", got " + value.dump());
    }
    const auto number = value.get<std::int64_t>();
    if (number < lo || number > hi) fail(path, range() + ", got " + std::to_string(number));
    return number;
}

std::uint64_t read_unsigned(const nlohmann::json& value, const std::string& path) {
    if (!value.is_number_unsigned()) fail(path, std::string("expected an unsigned 64-bit integer, got ") + value.dump());
    return value.get<std::uint64_t>();
}

bool read_boolean(const nlohmann::json& value, const std::string& path) {
    if (!value.is_boolean()) fail(path, std::string("expected true or false, got ") + type_name(value));
    return value.get<bool>();
}

const nlohmann::json& read_array(const nlohmann::json& value, const std::string& path, std::size_t max_size) {
    if (!value.is_array()) fail(path, std::string("expected an array, got ") + type_name(value));
    if (value.size() > max_size) {
        fail(path, "at most " + std::to_string(max_size) + " elements allowed, got " + std::to_string(value.size()));
    }
    return value;
}

ObjectReader::ObjectReader(const nlohmann::json& value, std::string path) : value_(value), path_(std::move(path)) {
    if (!value_.is_object()) fail(path_.empty() ? "session" : path_, std::string("expected an object, got ") + type_name(value_));
}

bool ObjectReader::has(std::string_view key) const { return value_.contains(key); }

std::string ObjectReader::path_of(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

const nlohmann::json& ObjectReader::member(std::string_view key) const {
    const auto found = value_.find(key);
    if (found == value_.end()) fail(path_of(key), "is missing");
    return *found;
}

ObjectReader ObjectReader::object(std::string_view key) const { return ObjectReader(member(key), path_of(key)); }

void ObjectReader::boolean(std::string_view key, bool& out) const {
    if (has(key)) out = read_boolean(member(key), path_of(key));
}

void ObjectReader::number(std::string_view key, double& out, double lo, double hi) const {
    if (has(key)) out = read_number(member(key), path_of(key), lo, hi);
}

void ObjectReader::number(std::string_view key, float& out, double lo, double hi) const {
    if (has(key)) out = static_cast<float>(read_number(member(key), path_of(key), lo, hi));
}

void ObjectReader::integer(std::string_view key, int& out, std::int64_t lo, std::int64_t hi) const {
    if (has(key)) out = static_cast<int>(read_integer(member(key), path_of(key), lo, hi));
}

void ObjectReader::integer64(std::string_view key, std::int64_t& out, std::int64_t lo, std::int64_t hi) const {
    if (has(key)) out = read_integer(member(key), path_of(key), lo, hi);
}

void ObjectReader::text(std::string_view key, std::string& out, std::size_t max_length) const {
    if (!has(key)) return;
    const nlohmann::json& value = member(key);
    if (!value.is_string()) fail(path_of(key), std::string("expected a string, got ") + type_name(value));
    const auto& text = value.get_ref<const std::string&>();
    if (text.size() > max_length) fail(path_of(key), "longer than " + std::to_string(max_length) + " characters");
    out = text;
}

void ObjectReader::choice(std::string_view key, int& out, std::span<const std::string_view> names) const {
    if (!has(key)) return;
    const nlohmann::json& value = member(key);
    std::string allowed;
    for (std::string_view name : names) allowed += (allowed.empty() ? "" : ", ") + std::string(name);
    if (!value.is_string()) fail(path_of(key), "expected one of " + allowed + ", got " + type_name(value));
    const auto& text = value.get_ref<const std::string&>();
    for (size_t i = 0; i < names.size(); ++i) {
        if (names[i] == text) {
            out = static_cast<int>(i);
            return;
        }
    }
    fail(path_of(key), "expected one of " + allowed + ", got '" + text.substr(0, 64) + "'");
}

}  // namespace actviz::session
