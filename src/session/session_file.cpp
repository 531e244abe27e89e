#include "session/session_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdint>
#include <cstring>
#include <vector>

#include "files/bounded_read.hpp"

namespace actviz::session {

using files::printable_path;
using files::write_file_atomically;
ParseResult load_session_file(const std::string& path) {
    std::string text;
    ParseResult result;
    if (auto error = files::read_bounded(path, kMaxSessionBytes, "64 MiB (the most a session may be)", text)) {
        result.error = "cannot open session '" + printable_path(path) + "': " + *error;
        return result;
    }
    result = from_json_text(text);
    if (!result.loaded) result.error = "cannot open session '" + printable_path(path) + "': " + result.error;
    return result;
}

namespace {

// Every k-th record of the history, the last always kept.
std::vector<HistoryRecord> every_kth(const std::vector<HistoryRecord>& history, std::size_t k) {
    std::vector<HistoryRecord> kept;
    for (std::size_t i = 0; i < history.size(); i += k) kept.push_back(history[i]);
    if (!history.empty() && (history.size() - 1) % k != 0) kept.push_back(history.back());
    return kept;
}

}  // namespace

std::optional<std::string> save_session_file(const std::string& path, const Session& session, std::size_t max_bytes,
                                             int* history_kept_every) {
    const auto failure = [&](const std::string& why) { return "cannot save session '" + printable_path(path) + "': " + why; };
    if (history_kept_every) *history_kept_every = 1;
    std::string text;
    try {
        text = to_json_text(session);
        const std::size_t records = session.classifier_state ? session.classifier_state->trainer.history.size() : 0;
        if (text.size() > max_bytes && records > 2) {
            // Thin the history: the bytes it takes scale with the records kept.
            Session thinned = session;
            std::vector<HistoryRecord>& history = thinned.classifier_state->trainer.history;
            const std::vector<HistoryRecord> full = std::move(history);
            for (std::size_t k = 2; k < records; k = k + (k + 1) / 2) {
                history = every_kth(full, k);
                text = to_json_text(thinned);
                if (text.size() <= max_bytes) {
                    if (history_kept_every) *history_kept_every = static_cast<int>(k);
                    break;
                }
            }
        }
    } catch (const std::exception& e) {
        return failure(e.what());
    }
    if (text.size() > max_bytes) {
        return failure("it would be " + std::to_string(text.size() >> 20) + " MiB even with its training history thinned, "
                       "more than a session may be (" + std::to_string(max_bytes >> 20) + " MiB)");
    }
    // What the app holds is not always what the loader accepts (NaN is written as null, a value may
    // have left its slider's range): a file that would not open again is not written, and the old
    // one stays.
    if (const ParseResult check = from_json_text(text); !check.loaded) {
        return failure("the file would not open again (" + check.error + ")");
    }
    if (auto error = write_file_atomically(path, text)) return failure(*error);
    return std::nullopt;
}

}  // namespace actviz::session
