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

std::optional<std::string> save_session_file(const std::string& path, const Session& session,
                                             std::size_t max_bytes) {
    std::string text;
    try {
        text = to_json_text(session);
    } catch (const std::exception& e) {
        return "cannot save session '" + path + "': " + e.what();
    }
    if (text.size() > max_bytes) {
        const std::size_t records = session.classifier_state ? session.classifier_state->trainer.history.size() : 0;
        return "cannot save session '" + path + "': it would be " + std::to_string(text.size() >> 20) +
               " MiB, more than a session may be (" + std::to_string(max_bytes >> 20) + " MiB); the classifier's history has " +
               std::to_string(records) + " records: Reset the classifier to start a shorter one";
    }
    if (auto error = write_file_atomically(path, text)) return "cannot save session '" + path + "': " + *error;
    return std::nullopt;
}

}  // namespace actviz::session
