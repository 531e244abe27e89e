#pragma once
// Session files on disk: bounded reading and atomic writing.

#include <optional>
#include <string>
#include <string_view>

#include "files/atomic_file.hpp"  // write_file_atomically
#include "session/session_json.hpp"

namespace actviz::session {

// Reads the file and parses it. A file larger than kMaxSessionBytes is refused before reading.
// Errors read "cannot open session 'PATH': REASON".
ParseResult load_session_file(const std::string& path);

// to_json_text + write_file_atomically, with "cannot save session 'PATH': REASON" on failure.
// A session must stay under `max_bytes` to be opened again (kMaxSessionBytes on load). The one
// part that grows without bound is the classifier's training history (a record per frame while
// training): when it is what makes the text too large, every k-th record is kept (the first and
// the last always), the smallest k that fits; `history_kept_every` (when given) receives k, 1 when
// nothing was thinned. A session too large even without its history is not written.
std::optional<std::string> save_session_file(const std::string& path, const Session& session,
                                             std::size_t max_bytes = kMaxSessionBytes, int* history_kept_every = nullptr);

}  // namespace actviz::session
