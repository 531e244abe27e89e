#pragma once
// One setting, described once: its session key, its command-line flag, the range every way of
// setting it accepts, and how its slider shows it. The slider (app/setting_widgets.hpp), the session
// reader and writer (session/setting_json.hpp), the flag parser and the session → flag expansion
// (cli/setting_flags.hpp) all take this description, so the four cannot disagree.
//
// The range is what the core accepts (its validate() functions say the same numbers): a typed
// value, a session file and a flag are held to it. The slider's drag span may be narrower (the
// values worth dragging through); typing reaches the rest of the range. Defaults are the struct's
// own member initialisers.

#include <cstddef>
#include <string_view>
#include <vector>

namespace actviz::settings {

enum class Scale { Linear, Log };

template <typename Owner, typename T>
struct Setting {
    std::string_view key;   // in the session file, within the owner's object ("learning_rate")
    std::string_view flag;  // on the command line, without "--" ("lr"); empty: not a flag
    const char* label;      // beside the slider
    T Owner::*member;
    // As doubles whatever T is: a float setting's range is the decimal written here (0.001), which a
    // session's shortest decimal "0.001" must meet, not the float nearest to it.
    double min, max;                // accepted everywhere
    double slider_min, slider_max;  // the slider's drag span, within [min, max]
    Scale scale = Scale::Linear;
    const char* format = "%.3g";  // the slider's number format
    const char* help = nullptr;   // what it means, for the "(?)" beside its slider; nullptr: said elsewhere

    T& of(Owner& owner) const { return owner.*member; }
    const T& of(const Owner& owner) const { return owner.*member; }
    // Compared in T, so the float nearest to a bound is within it; false for NaN.
    bool accepts(T value) const { return value >= static_cast<T>(min) && value <= static_cast<T>(max); }
};

// A list of numbers set together (the Softmax page's logits): each element held to [min, max] and
// the count to [min_count, max_count] by every way of setting it, as a Setting holds its one value.
// The widget drags each element over [slider_min, slider_max] and takes typed values in [min, max].
template <typename Owner, typename T>
struct ListSetting {
    std::string_view key;   // in the session file: an array
    std::string_view flag;  // on the command line, comma-separated ("logits": --logits 1,2,3)
    const char* label;
    std::vector<T> Owner::*member;
    double min, max;                // each element, accepted everywhere
    double slider_min, slider_max;  // each element's drag span, within [min, max]
    std::size_t min_count, max_count;
    const char* format = "%.3g";

    std::vector<T>& of(Owner& owner) const { return owner.*member; }
    const std::vector<T>& of(const Owner& owner) const { return owner.*member; }
    bool accepts(T value) const { return value >= static_cast<T>(min) && value <= static_cast<T>(max); }
    bool accepts_count(std::size_t count) const { return count >= min_count && count <= max_count; }
};

// An on/off setting: its session key, its command-line switch (present = on) and its checkbox label.
template <typename Owner>
struct Switch {
    std::string_view key;
    std::string_view flag;  // "" when not on the command line
    const char* label;
    bool Owner::*member;

    bool& of(Owner& owner) const { return owner.*member; }
    const bool& of(const Owner& owner) const { return owner.*member; }
};

// The smallest non-zero value a logarithmic slider starting at 0 reaches: Dear ImGui 1.86 takes it
// from the format's precision, 10^-N for "%.Nf" or "%.Ng", and from "%e" formats 10^1 — which is
// how one click on a 0–1 L1 slider formatted "%.1e" once set it to 10. 0 for a format it cannot
// read as either.
constexpr double log_slider_zero_step(std::string_view format) {
    const auto dot = format.find("%.");
    if (dot == std::string_view::npos) return 0;
    int digits = 0;
    std::size_t i = dot + 2;
    for (; i < format.size() && format[i] >= '0' && format[i] <= '9'; ++i) digits = digits * 10 + (format[i] - '0');
    if (i >= format.size() || (format[i] != 'f' && format[i] != 'g')) return format.find('e') != std::string_view::npos ? 10 : 0;
    double step = 1;
    while (digits-- > 0) step /= 10;
    return step;
}

// A description is consistent: a non-empty range with the drag span inside it; a logarithmic
// slider whose span starts at 0 has a format whose first non-zero step lies inside the span.
template <typename Owner, typename T>
constexpr bool well_formed(const Setting<Owner, T>& s) {
    const bool log_from_zero = s.scale == Scale::Log && s.slider_min <= 0;
    const double zero_step = log_slider_zero_step(s.format);
    return !s.key.empty() && s.min <= s.max && s.min <= s.slider_min && s.slider_min < s.slider_max &&
           s.slider_max <= s.max && (!log_from_zero || (zero_step > 0 && zero_step < s.slider_max));
}

template <typename Owner, typename T>
constexpr bool well_formed(const ListSetting<Owner, T>& s) {
    return !s.key.empty() && s.min <= s.max && s.min <= s.slider_min && s.slider_min < s.slider_max &&
           s.slider_max <= s.max && 0 < s.min_count && s.min_count <= s.max_count;
}

}  // namespace actviz::settings
