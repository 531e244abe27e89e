#pragma once
// The app's state folder and working directory moved to a temporary folder for one test: the
// app's saves, F12 screenshots and exports land there, never in the user's folders.

#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "support/temp_folder.hpp"

namespace actviz::testing {

class ScratchEnvironment {
   public:
    ScratchEnvironment() : previous_directory_(std::filesystem::current_path()) {
        const char* state_home = std::getenv("XDG_STATE_HOME");
        if (state_home) previous_state_home_ = state_home;
        had_state_home_ = state_home != nullptr;
        std::filesystem::create_directories(folder_.path / "state");
        ::setenv("XDG_STATE_HOME", (folder_.path / "state").c_str(), 1);
        std::filesystem::current_path(folder_.path);
    }
    ~ScratchEnvironment() {
        std::filesystem::current_path(previous_directory_);
        if (had_state_home_) ::setenv("XDG_STATE_HOME", previous_state_home_.c_str(), 1);
        else ::unsetenv("XDG_STATE_HOME");
    }
    ScratchEnvironment(const ScratchEnvironment&) = delete;
    ScratchEnvironment& operator=(const ScratchEnvironment&) = delete;
    const std::filesystem::path& path() const { return folder_.path; }

   private:
    TempFolder folder_;
    std::filesystem::path previous_directory_;
    std::string previous_state_home_;
    bool had_state_home_ = false;
};

}  // namespace actviz::testing
