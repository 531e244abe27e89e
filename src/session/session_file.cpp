#include "session/session_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

namespace actviz::session {
namespace {

std::string errno_text(int error) { return std::strerror(error); }

std::string folder_of(const std::string& path) {
    const auto slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

// Reads at most `limit` bytes; a longer file is an error, found without reading it all.
std::optional<std::string> read_bounded(const std::string& path, std::size_t limit, std::string& out) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return errno_text(errno);
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        return "not a regular file";
    }
    if (static_cast<std::size_t>(info.st_size) > limit) {
        ::close(fd);
        return "the file is " + std::to_string(info.st_size >> 20) + " MiB; sessions are at most 64 MiB";
    }
    out.clear();
    std::vector<char> buffer(1 << 16);
    for (;;) {
        const ssize_t got = ::read(fd, buffer.data(), buffer.size());
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            const int error = errno;
            ::close(fd);
            return errno_text(error);
        }
        if (got == 0) break;
        out.append(buffer.data(), static_cast<std::size_t>(got));
        if (out.size() > limit) {  // grew while we read it
            ::close(fd);
            return "the file is larger than 64 MiB";
        }
    }
    ::close(fd);
    return std::nullopt;
}

bool write_all(int fd, std::string_view text) {
    while (!text.empty()) {
        const ssize_t done = ::write(fd, text.data(), text.size());
        if (done < 0 && errno == EINTR) continue;
        if (done <= 0) return false;
        text.remove_prefix(static_cast<std::size_t>(done));
    }
    return true;
}

}  // namespace

ParseResult load_session_file(const std::string& path) {
    std::string text;
    ParseResult result;
    if (auto error = read_bounded(path, kMaxSessionBytes, text)) {
        result.error = "cannot open session '" + path + "': " + *error;
        return result;
    }
    result = from_json_text(text);
    if (!result.loaded) result.error = "cannot open session '" + path + "': " + result.error;
    return result;
}

std::optional<std::string> write_file_atomically(const std::string& path, std::string_view text) {
    const auto slash = path.rfind('/');
    const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    if (name.empty()) return "no file name";
    std::string temp = folder_of(path) + "/." + name + ".tmp-XXXXXX";
    const int fd = ::mkostemp(temp.data(), O_CLOEXEC);
    if (fd < 0) return "cannot create a file in '" + folder_of(path) + "': " + errno_text(errno);
    const auto give_up = [&](int error) -> std::optional<std::string> {
        ::close(fd);
        ::unlink(temp.c_str());
        return errno_text(error);
    };
    // mkstemp creates 0600; a session is an ordinary document (umask applies as for any file).
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    if (!write_all(fd, text)) return give_up(errno == 0 ? EIO : errno);
    if (::fsync(fd) != 0) return give_up(errno);
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(temp.c_str());
        return errno_text(error);
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        const int error = errno;
        ::unlink(temp.c_str());
        return errno_text(error);
    }
    // The rename itself is durable once the folder's entry is on disk.
    const int dir = ::open(folder_of(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return std::nullopt;
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
    const auto failure = [&](const std::string& why) { return "cannot save session '" + path + "': " + why; };
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
    if (auto error = write_file_atomically(path, text)) return failure(*error);
    return std::nullopt;
}

}  // namespace actviz::session
