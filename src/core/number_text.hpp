#pragma once
// Numbers in the core's validation messages ("gain must be ... at most 100, got 250"): %g, short
// and exact enough to name the value the user typed.

#include <cstdio>
#include <string>

namespace actviz {

inline std::string number_text(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

}  // namespace actviz
