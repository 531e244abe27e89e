#pragma once
// A program run beside the app whose standard output is collected without ever blocking the
// caller: the desktop's file chooser (zenity, kdialog) stays up for as long as the user takes,
// while the window keeps drawing frames. poll() once a frame; the destructor ends the program.

#include <sys/types.h>

#include <string>
#include <vector>

namespace actviz::files {

class ChildProcess {
   public:
    ChildProcess() = default;
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    // Starts argv[0] (looked up on PATH) with argv; stdin and stderr are /dev/null, stdout is
    // collected. Returns why it could not start, or an empty string.
    std::string start(const std::vector<std::string>& argv);
    // Reads what the program has written so far. True once it has exited and all its output is in.
    bool poll();
    bool running() const { return pid_ > 0; }
    // The exit status once poll() returned true: 0–255, or 128 + the signal that ended it. A
    // program that could not be executed (not installed) exits 127, as in a shell.
    int exit_status() const { return exit_status_; }
    const std::string& output() const { return output_; }
    // Ends the program (SIGTERM) and reaps it.
    void stop();

   private:
    pid_t pid_ = -1;
    int out_fd_ = -1;
    bool output_closed_ = false;
    int exit_status_ = -1;
    std::string output_;
};

}  // namespace actviz::files
