// The binary and files that are not plain files: a FIFO or folder named for output is refused
// (exit 2, one line naming it) and left as it was; a FIFO named for input is refused at once
// rather than waiting for a writer that never comes.

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "support/run_process.hpp"

namespace actviz::cli {
namespace {

namespace fs = std::filesystem;
using test::actviz_binary;
using test::run_process;

const std::string kTrain = " train --dataset xor --points 40 --hidden 4 --activation tanh --optimizer sgd --lr 0.1 --steps 2";

struct Fifo {
    std::string path = test::temp_path("fifo");
    Fifo() { ::mkfifo(path.c_str(), 0600); }
    ~Fifo() { fs::remove(path); }
};

int lines(const std::string& text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')); }

TEST(FileSafety, WeightsIntoAFifoAreRefusedAndThePipeStays) {
    const Fifo fifo;
    ASSERT_TRUE(fs::is_fifo(fifo.path));
    const auto result = run_process(actviz_binary() + kTrain + " --weights '" + fifo.path + "'");
    EXPECT_EQ(result.exit_code, 2) << result.err;
    EXPECT_EQ(lines(result.err), 1) << result.err;
    EXPECT_NE(result.err.find(fifo.path), std::string::npos) << result.err;
    EXPECT_TRUE(fs::is_fifo(fifo.path));
}

TEST(FileSafety, WeightsOntoAFolderAreRefused) {
    const std::string folder = test::temp_path("folder");
    fs::create_directory(folder);
    const auto result = run_process(actviz_binary() + kTrain + " --weights '" + folder + "'");
    EXPECT_EQ(result.exit_code, 2) << result.err;
    EXPECT_EQ(lines(result.err), 1) << result.err;
    EXPECT_TRUE(fs::is_directory(folder));
    fs::remove_all(folder);
}

// It used to block in open() until something wrote to the pipe. `timeout` only keeps a
// regression from hanging the suite; what is checked is the refusal.
TEST(FileSafety, ASessionFromAFifoIsRefusedAtOnce) {
    const Fifo fifo;
    const auto result = run_process("timeout 60 " + actviz_binary() + " train --session '" + fifo.path + "'");
    EXPECT_EQ(result.exit_code, 2) << result.err;
    EXPECT_EQ(lines(result.err), 1) << result.err;
    EXPECT_NE(result.err.find(fifo.path + "': it is a pipe (FIFO), not a regular file"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace actviz::cli
