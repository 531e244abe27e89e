#pragma once
// A file-type filter as file choosers show it: "Sessions (*.actviz.json, *.json)" and the name
// endings it keeps. Shared by the in-app browser and the zenity / kdialog command lines, so every
// chooser offers the same types.

#include <string>
#include <string_view>
#include <vector>

namespace actviz::files {

struct FileFilter {
    std::string label;                  // "Sessions"
    std::vector<std::string> suffixes;  // ".actviz.json", ".json"; empty: every file
};

// Whether `name` ends with one of the filter's suffixes, ignoring ASCII case (PNG, .Csv).
bool matches(const FileFilter& filter, std::string_view name);

// "Sessions (*.actviz.json, *.json)", or the label alone for an every-file filter.
std::string describe(const FileFilter& filter);

// The filter that keeps every file: offered last by every chooser.
FileFilter all_files_filter();

}  // namespace actviz::files
