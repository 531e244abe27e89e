#include "files/child_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

extern char** environ;

namespace actviz::files {
namespace {

int decoded_status(int status) {
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

}  // namespace

ChildProcess::~ChildProcess() { stop(); }

std::string ChildProcess::start(const std::vector<std::string>& argv) {
    stop();
    output_.clear();
    exit_status_ = -1;
    output_closed_ = false;
    if (argv.empty()) return "no program to run";
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return std::string("cannot make a pipe: ") + std::strerror(errno);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
    // GTK and Qt print warnings a user of actviz cannot act on.
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    std::vector<char*> args;
    for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    pid_t pid = -1;
    const int error = ::posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    if (error != 0) {
        ::close(fds[0]);
        return "cannot run " + argv[0] + ": " + std::strerror(error);
    }
    ::fcntl(fds[0], F_SETFL, ::fcntl(fds[0], F_GETFL) | O_NONBLOCK);
    pid_ = pid;
    out_fd_ = fds[0];
    return {};
}

bool ChildProcess::poll() {
    if (pid_ <= 0) return exit_status_ >= 0;
    char buffer[4096];
    while (!output_closed_) {
        const ssize_t n = ::read(out_fd_, buffer, sizeof buffer);
        if (n > 0) {
            output_.append(buffer, static_cast<std::size_t>(n));
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
        output_closed_ = true;  // end of file (or an error: nothing more will come either way)
        ::close(out_fd_);
        out_fd_ = -1;
    }
    int status = 0;
    const pid_t done = ::waitpid(pid_, &status, WNOHANG);
    if (done == 0) return false;
    if (!output_closed_) {  // exited with output still in the pipe: take the rest
        for (ssize_t n; (n = ::read(out_fd_, buffer, sizeof buffer)) > 0;) output_.append(buffer, static_cast<std::size_t>(n));
        ::close(out_fd_);
        out_fd_ = -1;
        output_closed_ = true;
    }
    exit_status_ = done == pid_ ? decoded_status(status) : -1;
    pid_ = -1;
    return true;
}

void ChildProcess::stop() {
    if (pid_ > 0) {
        ::kill(pid_, SIGTERM);
        int status = 0;
        while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
        }
        pid_ = -1;
    }
    if (out_fd_ >= 0) {
        ::close(out_fd_);
        out_fd_ = -1;
    }
}

}  // namespace actviz::files
