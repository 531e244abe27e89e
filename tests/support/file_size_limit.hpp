#pragma once
// A full disk, played by a file-size limit: `body` runs in a child process whose writes fail with
// EFBIG past 4 KiB; it returns true when it saw what the test expects. Returns that answer.

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>

namespace actviz::test {

template <typename Body>
bool passes_with_full_disk(Body body) {
    const pid_t child = ::fork();
    if (child < 0) return false;
    if (child == 0) {
        std::signal(SIGXFSZ, SIG_IGN);  // write() then fails with EFBIG instead of killing the child
        const rlimit limit{4096, 4096};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        ::_exit(body() ? 0 : 1);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace actviz::test
