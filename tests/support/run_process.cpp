#include "support/run_process.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace actviz::test {
namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

std::string temp_path(const std::string& name) {
    static int counter = 0;
    return (std::filesystem::temp_directory_path() /
            ("actviz-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" + name))
        .string();
}

ProcessResult run_process(const std::string& command_line) {
    const std::string out_path = temp_path("stdout"), err_path = temp_path("stderr");
    const std::string full = command_line + " >" + out_path + " 2>" + err_path;
    const int status = std::system(full.c_str());
    ProcessResult result;
    if (status != -1 && WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
    result.out = read_file(out_path);
    result.err = read_file(err_path);
    std::filesystem::remove(out_path);
    std::filesystem::remove(err_path);
    return result;
}

std::string actviz_binary() { return "'" ACTVIZ_BINARY "'"; }

}  // namespace actviz::test
