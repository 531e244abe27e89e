#pragma once
// The in-app file browser's model, without any drawing: the folder shown and what it holds (folders
// first, then the files the chosen type filter keeps), moving into a folder or up to its parent,
// and what a typed name means (a folder to enter, a file to open, a save that would replace a file
// and must be confirmed, or a refusal saying why). app/file_browser_view.cpp draws it; tests drive
// it directly as well as through the window.
//
// Only folders and regular files are listed: a FIFO or a device is never offered (opening one can
// block), and a typed path to one is refused here before any reader or writer sees it.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "files/file_filter.hpp"

namespace actviz::files {

// What a chooser is asked for, whichever chooser answers (in-app, zenity, kdialog).
struct ChooserRequest {
    bool save = false;               // a file to write (may not exist yet) rather than one to open
    std::string title;               // "Open session"
    std::string folder;              // where to start; empty: the current folder
    std::string suggested_name;      // a save's proposed file name
    std::vector<FileFilter> filters;  // the first is selected; "All files" is added by the choosers
};

struct FolderEntry {
    std::string name;
    bool folder = false;
    std::uintmax_t size = 0;  // bytes, for files
};

// What the typed name (or a clicked file) means.
struct BrowserDecision {
    enum Kind { EnterFolder, Choose, ConfirmOverwrite, Refuse } kind = Refuse;
    std::string path;     // the folder to enter, or the file chosen
    std::string message;  // why a Refuse refuses
};

class FolderBrowser {
   public:
    // At most this many entries are listed (a folder of 10⁶ files stays quick to draw); the rest are counted.
    static constexpr std::size_t kMaxEntries = 5000;

    // Starts at `folder` (else the current folder, else the home folder, else /).
    void start(const ChooserRequest& request, const std::string& folder);
    // Lists `folder`; on failure stays where it was and error() says why. Returns whether it moved.
    bool enter(const std::string& folder);
    bool enter_child(std::string_view name);
    bool go_parent();
    void set_filter(std::size_t index);  // into filters(); re-lists
    void refresh();

    BrowserDecision resolve(std::string_view typed) const;

    const ChooserRequest& request() const { return request_; }
    const std::string& folder() const { return folder_; }
    const std::vector<FolderEntry>& entries() const { return entries_; }
    std::size_t left_out() const { return left_out_; }  // beyond kMaxEntries
    const std::vector<FileFilter>& filters() const { return filters_; }  // the request's, then "All files"
    std::size_t filter_index() const { return filter_; }
    const std::string& error() const { return error_; }  // the last enter() that failed, until one succeeds

   private:
    ChooserRequest request_;
    std::vector<FileFilter> filters_;
    std::size_t filter_ = 0;
    std::string folder_ = "/";
    std::vector<FolderEntry> entries_;
    std::size_t left_out_ = 0;
    std::string error_;
};

// "~" and "~/x" expanded with $HOME, a relative path joined to `folder`, "." and ".." resolved
// lexically; trailing slashes removed (except for "/").
std::string absolute_path(std::string_view typed, const std::string& folder);
// The folder a path lies in ("/" for "/x").
std::string parent_of(const std::string& path);

}  // namespace actviz::files
