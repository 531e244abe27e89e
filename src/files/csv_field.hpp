#pragma once
// One CSV field as RFC 4180 writes it: as is, or in double quotes (inner quotes doubled) when it
// holds a comma, a quote or a line break. The plots' CSV export and the command line's tables both
// write their text fields through it.

#include <string>
#include <string_view>

namespace actviz::files {

inline std::string csv_field(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

}  // namespace actviz::files
