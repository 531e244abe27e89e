#pragma once
// A fresh folder under the system temp directory, removed with everything in it.

#include <stdlib.h>

#include <filesystem>
#include <string>

namespace actviz::testing {

struct TempFolder {
    std::filesystem::path path;
    TempFolder() {
        std::string name = (std::filesystem::temp_directory_path() / "actviz-files-XXXXXX").string();
        path = ::mkdtemp(name.data());
    }
    ~TempFolder() { std::filesystem::remove_all(path); }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
};

}  // namespace actviz::testing
