#include "files/bounded_read.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <vector>

#include "files/atomic_file.hpp"

namespace actviz::files {

std::optional<std::string> read_bounded(const std::string& path, std::size_t limit, std::string_view limit_text,
                                        std::string& out) {
    const auto errno_text = [](int error) { return std::string(std::strerror(error)); };
    const auto too_large = [&](std::uint64_t bytes) {
        return "the file is " + std::to_string(bytes) + " bytes, larger than " + std::string(limit_text);
    };
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return errno_text(errno);
    if (auto refusal = not_a_regular_file(info.st_mode)) return refusal;
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return errno_text(errno);
    if (::fstat(fd, &info) != 0) {
        const int error = errno;
        ::close(fd);
        return errno_text(error);
    }
    if (auto refusal = not_a_regular_file(info.st_mode)) {
        ::close(fd);
        return refusal;
    }
    if (static_cast<std::uint64_t>(info.st_size) > limit) {
        ::close(fd);
        return too_large(static_cast<std::uint64_t>(info.st_size));
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
            return "the file grew past " + std::string(limit_text) + " while it was read";
        }
    }
    ::close(fd);
    return std::nullopt;
}

}  // namespace actviz::files
