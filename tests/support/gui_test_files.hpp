#pragma once
// What the GUI tests that write and read files share: whether there is an X display to open the
// app on (the test command runs under xvfb-run), and a whole file's bytes.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace actviz::testing {

inline bool have_display() {
    const char* display = std::getenv("DISPLAY");
    return display && *display;
}

inline std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace actviz::testing
