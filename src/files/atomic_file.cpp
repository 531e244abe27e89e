#include "files/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace actviz::files {
namespace {

std::string errno_text(int error) { return std::strerror(error); }

std::string folder_of(const std::string& path) {
    const auto slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

// A short write that reports no error (write() returning 0) is treated as a full disk.
int write_all(int fd, std::string_view text) {
    while (!text.empty()) {
        const ssize_t done = ::write(fd, text.data(), text.size());
        if (done < 0 && errno == EINTR) continue;
        if (done < 0) return errno;
        if (done == 0) return ENOSPC;
        text.remove_prefix(static_cast<std::size_t>(done));
    }
    return 0;
}

const char* kind_of(mode_t mode) {
    if (S_ISFIFO(mode)) return "a pipe (FIFO)";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
    if (S_ISSOCK(mode)) return "a socket";
    return "something other than a file";
}

// The umask can only be read by setting it: done once, before main, while the process has one
// thread. Read in every write, it raced between the writer threads (saves, screenshots, exports):
// two interleaved reads could leave the process's umask at 0 for good.
mode_t read_umask() {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return mask;
}
const mode_t kProcessUmask = read_umask();

}  // namespace

std::optional<std::string> write_file_atomically(const std::string& path, std::string_view text) {
    const auto slash = path.rfind('/');
    const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    if (name.empty()) return "no file name";
    // stat follows symbolic links: a link to /dev/null is refused as /dev/null is.
    struct stat existing {};
    if (::stat(path.c_str(), &existing) == 0) {
        if (auto refusal = not_a_regular_file(existing.st_mode)) return *refusal + "; only files are written";
    }
    std::string temp = folder_of(path) + "/." + name + ".tmp-XXXXXX";
    const int fd = ::mkostemp(temp.data(), O_CLOEXEC);
    if (fd < 0) return "cannot create a file in '" + printable_path(folder_of(path)) + "': " + errno_text(errno);
    const auto give_up = [&](int error) -> std::optional<std::string> {
        ::close(fd);
        ::unlink(temp.c_str());
        return errno_text(error);
    };
    // mkstemp creates 0600; a session is an ordinary document (umask applies as for any file).
    if (::fchmod(fd, 0666 & ~kProcessUmask) != 0) return give_up(errno);
    if (const int error = write_all(fd, text)) return give_up(error);
    if (::fsync(fd) != 0) return give_up(errno);
    if (::close(fd) != 0) {  // NFS and some FUSE file systems report write errors only here
        const int error = errno;
        ::unlink(temp.c_str());
        return errno_text(error);
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        const int error = errno;
        ::unlink(temp.c_str());
        return errno_text(error);
    }
    // The rename itself is durable once the folder's entry is on disk. File systems that cannot
    // fsync a folder say EINVAL; that is no failure of ours.
    const int dir = ::open(folder_of(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0) return "saved, but the folder could not be opened to flush it: " + errno_text(errno);
    const int synced = ::fsync(dir) == 0 || errno == EINVAL ? 0 : errno;
    ::close(dir);
    if (synced != 0) return "saved, but flushing the folder failed: " + errno_text(synced);
    return std::nullopt;
}

std::optional<std::string> not_a_regular_file(unsigned mode) {
    if (S_ISREG(mode)) return std::nullopt;
    if (S_ISDIR(mode)) return "it is a folder, not a regular file";
    return std::string("it is ") + kind_of(static_cast<mode_t>(mode)) + ", not a regular file";
}

std::string printable_path(std::string_view path) {
    std::string out;
    out.reserve(path.size());
    for (const char c : path) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else if (c == '\r') out += "\\r";
        else if (byte < 0x20 || byte == 0x7f) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02x", byte);
            out += hex;
        } else {
            out += c;
        }
    }
    return out;
}

std::string first_free_name(const std::string& path, const std::function<bool(const std::string&)>& taken) {
    const auto is_free = [&](const std::string& candidate) {
        // `taken` first: a file being written stops being taken only once it exists, so asked in
        // this order no moment finds it neither taken nor there.
        if (taken && taken(candidate)) return false;
        struct stat info {};
        return ::lstat(candidate.c_str(), &info) != 0;
    };
    if (is_free(path)) return path;
    const auto slash = path.rfind('/');
    const auto dot = path.rfind('.');
    const bool has_extension = dot != std::string::npos && (slash == std::string::npos || dot > slash + 1);
    const std::string stem = has_extension ? path.substr(0, dot) : path;
    const std::string extension = has_extension ? path.substr(dot) : "";
    for (int n = 2;; ++n) {
        std::string candidate = stem + "-" + std::to_string(n) + extension;
        if (is_free(candidate)) return candidate;
    }
}

bool make_folders(const std::string& path) {
    for (std::size_t slash = path.find('/', 1);; slash = path.find('/', slash + 1)) {
        const std::string part = path.substr(0, slash);
        if (::mkdir(part.c_str(), 0700) != 0 && errno != EEXIST) return false;
        if (slash == std::string::npos) return true;
    }
}

}  // namespace actviz::files
