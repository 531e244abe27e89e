#include "files/folder_browser.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "files/atomic_file.hpp"

namespace actviz::files {
namespace {

namespace fs = std::filesystem;

bool is_folder(const std::string& path) {
    struct stat info {};
    return ::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode);
}

std::string lowered(const std::string& text) {
    std::string out = text;
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Folders first, then case-insensitively as file managers sort ("b.csv" between "A.csv" and "C.csv").
bool name_before(const FolderEntry& a, const FolderEntry& b) {
    if (a.folder != b.folder) return a.folder;
    const std::string la = lowered(a.name), lb = lowered(b.name);
    return la != lb ? la < lb : a.name < b.name;
}

std::string current_folder() {
    std::error_code error;
    const fs::path here = fs::current_path(error);
    return error ? std::string() : here.string();
}

}  // namespace

std::string absolute_path(std::string_view typed, const std::string& folder) {
    std::string text(typed);
    if (text == "~" || text.starts_with("~/")) {
        const char* home = std::getenv("HOME");
        if (home && *home == '/') text = std::string(home) + text.substr(1);
    }
    fs::path path(text);
    if (path.is_relative()) path = fs::path(folder) / path;
    std::string normal = path.lexically_normal().string();
    while (normal.size() > 1 && normal.back() == '/') normal.pop_back();
    return normal.empty() ? "/" : normal;
}

std::string parent_of(const std::string& path) {
    const std::size_t slash = path.find_last_of('/');
    if (slash == std::string::npos || slash == 0) return "/";
    return path.substr(0, slash);
}

void FolderBrowser::start(const ChooserRequest& request, const std::string& folder) {
    request_ = request;
    filters_ = request.filters;
    filters_.push_back(all_files_filter());
    filter_ = 0;
    error_.clear();
    const char* home = std::getenv("HOME");
    for (const std::string& candidate : {folder, current_folder(), std::string(home ? home : ""), std::string("/")}) {
        if (!candidate.empty() && enter(absolute_path(candidate, "/"))) break;
    }
}

bool FolderBrowser::enter(const std::string& folder) {
    std::error_code error;
    fs::directory_iterator it(folder, fs::directory_options::none, error);
    if (error) {
        error_ = "cannot open the folder " + printable_path(folder) + ": " + error.message();
        return false;
    }
    std::vector<FolderEntry> entries;
    std::size_t left_out = 0;
    const FileFilter& filter = filters_.empty() ? all_files_filter() : filters_[filter_];
    for (; it != fs::directory_iterator(); it.increment(error)) {
        if (error) break;  // a folder that changes or fails half-way: what was listed so far
        const std::string name = it->path().filename().string();
        if (name.empty() || name.front() == '.') continue;  // hidden, as file managers show by default
        std::error_code type_error;
        const fs::file_status status = it->status(type_error);  // follows symbolic links
        if (type_error) continue;
        const bool folder_entry = fs::is_directory(status);
        if (!folder_entry && (!fs::is_regular_file(status) || !matches(filter, name))) continue;
        if (entries.size() >= kMaxEntries) {
            ++left_out;
            continue;
        }
        FolderEntry entry{name, folder_entry, 0};
        if (!folder_entry) entry.size = it->file_size(type_error);
        entries.push_back(std::move(entry));
    }
    std::sort(entries.begin(), entries.end(), name_before);
    folder_ = folder;
    entries_ = std::move(entries);
    left_out_ = left_out;
    error_.clear();
    return true;
}

bool FolderBrowser::enter_child(std::string_view name) { return enter(absolute_path(name, folder_)); }

bool FolderBrowser::go_parent() { return folder_ != "/" && enter(parent_of(folder_)); }

void FolderBrowser::set_filter(std::size_t index) {
    if (index >= filters_.size()) return;
    filter_ = index;
    refresh();
}

void FolderBrowser::refresh() { enter(folder_); }

BrowserDecision FolderBrowser::resolve(std::string_view typed) const {
    while (!typed.empty() && std::isspace(static_cast<unsigned char>(typed.back()))) typed.remove_suffix(1);
    if (typed.empty()) return {BrowserDecision::Refuse, "", "type a file name, or pick a file in the list"};
    std::string path = absolute_path(typed, folder_);
    if (is_folder(path)) return {BrowserDecision::EnterFolder, path, ""};
    if (typed.back() == '/') return {BrowserDecision::Refuse, "", "there is no folder " + printable_path(path)};
    if (request_.save) {
        const std::string folder = parent_of(path);
        if (!is_folder(folder)) return {BrowserDecision::Refuse, "", "there is no folder " + printable_path(folder)};
        // A name typed without the type's ending gets it, as desktop save dialogs do: "lesson" is
        // saved as "lesson.actviz.json" while Sessions is the type shown.
        const FileFilter& filter = filters_.empty() ? all_files_filter() : filters_[filter_];
        const std::string name = path.substr(path.find_last_of('/') + 1);
        if (!filter.suffixes.empty() && !matches(filter, name)) path += filter.suffixes.front();
    }
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        if (request_.save && errno == ENOENT) return {BrowserDecision::Choose, path, ""};
        return {BrowserDecision::Refuse, "", printable_path(path) + ": " + std::strerror(errno)};
    }
    if (S_ISDIR(info.st_mode)) return {BrowserDecision::EnterFolder, path, ""};
    if (auto why = not_a_regular_file(info.st_mode)) return {BrowserDecision::Refuse, "", printable_path(path) + ": " + *why};
    if (request_.save) return {BrowserDecision::ConfirmOverwrite, path, ""};
    return {BrowserDecision::Choose, path, ""};
}

}  // namespace actviz::files
