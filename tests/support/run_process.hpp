#pragma once
// Runs a command line through /bin/sh and captures its exit status, stdout and stderr, so tests
// can check what a user of the actviz binary would see.

#include <string>

namespace actviz::test {

struct ProcessResult {
    int exit_code = -1;  // -1 when the process did not exit normally (a crash or a signal)
    std::string out;
    std::string err;
};

ProcessResult run_process(const std::string& command_line);

// A fresh path under the system temp directory (the file is not created).
std::string temp_path(const std::string& name);

// The actviz binary under test, quoted for the shell.
std::string actviz_binary();

}  // namespace actviz::test
