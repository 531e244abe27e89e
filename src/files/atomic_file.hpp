#pragma once
// Writing whole files safely, for sessions, exports and screenshots alike. No dependencies beyond
// POSIX, so the graphics layer (screenshots) uses the same writer as the session library.

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace actviz::files {

// Writes `text` to `path` so that a crash, a kill or a full disk at any moment leaves either the
// old file or the new one, never a mix: the text goes to a temporary file in the same folder,
// which is flushed and fsync'd, then renamed over `path` (atomic within one file system) and the
// folder fsync'd. Every step is checked. A `path` that exists and is not a regular file (a
// device such as /dev/null, a FIFO, a directory, a socket) is refused before anything is created:
// renaming over it would replace the device or pipe with a plain file. Returns why it failed (the
// temporary file removed, `path` untouched), or nullopt.
std::optional<std::string> write_file_atomically(const std::string& path, std::string_view text);

// Why a file of type `mode` (from stat) is not written or read as a document: "it is a pipe
// (FIFO), not a regular file"; nullopt for a regular file.
std::optional<std::string> not_a_regular_file(unsigned mode);

// mkdir -p: creates `path` and the folders above it that are missing (mode 0700, as a state folder
// wants). False when one could not be created.
bool make_folders(const std::string& path);

// `path` with control characters escaped (\n, \t, \xNN), so a message quoting it stays one line.
std::string printable_path(std::string_view path);

// `path` when nothing exists there, else the first of "name-2.ext", "name-3.ext", ... that is
// free: timestamped names of the same second do not overwrite each other. `taken` (when given)
// names more that are not free: files about to be written.
std::string first_free_name(const std::string& path, const std::function<bool(const std::string&)>& taken = nullptr);

}  // namespace actviz::files
