#pragma once
// Strict, typed reading of untrusted JSON. Every accessor checks the type and range of one value
// and, when it is wrong, throws SessionError naming the value by its path ("classifier.hyper.
// learning_rate") and what is allowed — one line a user can act on. Absent keys read as the
// caller's default: a hand-written session needs only what it changes.

#include <cstdint>
#include <functional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace actviz::session {

struct SessionError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A JSON object being read, with the path that leads to it.
class ObjectReader {
   public:
    ObjectReader(const nlohmann::json& value, std::string path);

    bool has(std::string_view key) const;
    // The member `key` (which must exist), with its path, for nested reading.
    const nlohmann::json& member(std::string_view key) const;
    std::string path_of(std::string_view key) const;
    ObjectReader object(std::string_view key) const;

    // Each reads `key` into `out` when present; `out` keeps its value when the key is absent.
    void boolean(std::string_view key, bool& out) const;
    void number(std::string_view key, double& out, double lo, double hi) const;
    void number(std::string_view key, float& out, double lo, double hi) const;
    void integer(std::string_view key, int& out, std::int64_t lo, std::int64_t hi) const;
    void integer64(std::string_view key, std::int64_t& out, std::int64_t lo, std::int64_t hi) const;
    void text(std::string_view key, std::string& out, std::size_t max_length) const;
    // A name from `names` (its index into them), e.g. an enum's stable ids.
    void choice(std::string_view key, int& out, std::span<const std::string_view> names) const;

    const nlohmann::json& json() const { return value_; }
    const std::string& path() const { return path_; }

   private:
    const nlohmann::json& value_;
    std::string path_;
};

[[noreturn]] void fail(const std::string& path, const std::string& message);

// Standalone checks for array elements and the like.
double read_number(const nlohmann::json& value, const std::string& path, double lo, double hi);
std::int64_t read_integer(const nlohmann::json& value, const std::string& path, std::int64_t lo, std::int64_t hi);
std::uint64_t read_unsigned(const nlohmann::json& value, const std::string& path);
bool read_boolean(const nlohmann::json& value, const std::string& path);
// An array of at most `max_size` elements.
const nlohmann::json& read_array(const nlohmann::json& value, const std::string& path, std::size_t max_size);

std::string number_text(double value);  // %g, for messages

}  // namespace actviz::session
