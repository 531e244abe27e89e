#include "files/file_filter.hpp"

#include <algorithm>
#include <cctype>

namespace actviz::files {

bool matches(const FileFilter& filter, std::string_view name) {
    if (filter.suffixes.empty()) return true;
    const auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
    return std::any_of(filter.suffixes.begin(), filter.suffixes.end(), [&](const std::string& suffix) {
        // A name that is the suffix alone (".json") is a hidden file, not a typed one.
        if (name.size() <= suffix.size()) return false;
        return std::equal(suffix.begin(), suffix.end(), name.end() - static_cast<std::ptrdiff_t>(suffix.size()),
                          [&](char a, char b) { return lower(a) == lower(b); });
    });
}

std::string describe(const FileFilter& filter) {
    if (filter.suffixes.empty()) return filter.label;
    std::string text = filter.label + " (";
    for (std::size_t i = 0; i < filter.suffixes.size(); ++i) text += (i ? ", *" : "*") + filter.suffixes[i];
    return text + ")";
}

FileFilter all_files_filter() { return {"All files", {}}; }

}  // namespace actviz::files
