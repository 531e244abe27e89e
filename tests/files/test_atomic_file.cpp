// The checked atomic writer: it writes regular files only, and a target that is a pipe, a folder
// or a device is refused before anything is created or renamed.

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "files/atomic_file.hpp"
#include "support/temp_folder.hpp"

namespace actviz::files {
namespace {

namespace fs = std::filesystem;
using testing::TempFolder;

int entries(const fs::path& folder) {
    int n = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(folder)) ++n;
    return n;
}

TEST(AtomicFile, WritesARegularFile) {
    TempFolder folder;
    const fs::path file = folder.path / "a.txt";
    ASSERT_FALSE(write_file_atomically(file.string(), "hello"));
    ASSERT_FALSE(write_file_atomically(file.string(), "again"));
    std::ifstream in(file);
    std::string text;
    std::getline(in, text);
    EXPECT_EQ(text, "again");
    EXPECT_EQ(entries(folder.path), 1);
}

// Renaming over a FIFO would silently replace the pipe another program reads with a plain file.
TEST(AtomicFile, RefusesAFifoAndLeavesItAPipe) {
    TempFolder folder;
    const fs::path fifo = folder.path / "pipe";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    const auto error = write_file_atomically(fifo.string(), "text");
    ASSERT_TRUE(error);
    EXPECT_NE(error->find("pipe"), std::string::npos) << *error;
    EXPECT_TRUE(fs::is_fifo(fifo));
    EXPECT_EQ(entries(folder.path), 1);  // no temporary file left
}

TEST(AtomicFile, RefusesALinkToAFifo) {
    TempFolder folder;
    const fs::path fifo = folder.path / "pipe", link = folder.path / "link";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    fs::create_symlink(fifo, link);
    ASSERT_TRUE(write_file_atomically(link.string(), "text"));
    EXPECT_TRUE(fs::is_symlink(link));
    EXPECT_TRUE(fs::is_fifo(fifo));
    EXPECT_EQ(entries(folder.path), 2);
}

TEST(AtomicFile, RefusesAFolder) {
    TempFolder folder;
    const fs::path inner = folder.path / "inner";
    fs::create_directory(inner);
    const auto error = write_file_atomically(inner.string(), "text");
    ASSERT_TRUE(error);
    EXPECT_NE(error->find("folder"), std::string::npos) << *error;
    EXPECT_TRUE(fs::is_directory(inner));
    EXPECT_EQ(entries(folder.path), 1);
}

// A device is refused by its type before the writer creates anything. Run only without root:
// should the check ever regress, an unprivileged writer cannot create files in /dev, while root's
// rename would replace the machine's /dev/full.
TEST(AtomicFile, RefusesADeviceBeforeCreatingAnything) {
    if (::geteuid() == 0) GTEST_SKIP() << "not run as root: a regression would replace /dev/full";
    struct stat before {};
    ASSERT_EQ(::stat("/dev/full", &before), 0);
    ASSERT_TRUE(S_ISCHR(before.st_mode));
    const auto error = write_file_atomically("/dev/full", "text");
    ASSERT_TRUE(error);
    EXPECT_NE(error->find("device"), std::string::npos) << *error;
    struct stat after {};
    ASSERT_EQ(::stat("/dev/full", &after), 0);
    EXPECT_TRUE(S_ISCHR(after.st_mode));
}

TEST(AtomicFile, MissingFolderSaysWhy) {
    const auto error = write_file_atomically("/nonexistent-actviz-folder/a.png", "x");
    ASSERT_TRUE(error);
    EXPECT_NE(error->find("No such file or directory"), std::string::npos) << *error;
}

// Screenshots and exports are named by the second: three in one second get -2 and -3 instead of
// overwriting the first.
TEST(AtomicFile, FirstFreeNameCountsUpPastTakenNames) {
    TempFolder folder;
    const std::string first = (folder.path / "actviz-20260101-120000.png").string();
    EXPECT_EQ(first_free_name(first), first);
    ASSERT_FALSE(write_file_atomically(first, "1"));
    const std::string second = first_free_name(first);
    EXPECT_EQ(second, (folder.path / "actviz-20260101-120000-2.png").string());
    ASSERT_FALSE(write_file_atomically(second, "2"));
    EXPECT_EQ(first_free_name(first), (folder.path / "actviz-20260101-120000-3.png").string());
    // A name about to be written (a screenshot still being encoded) is as taken as a file.
    const std::string third = (folder.path / "actviz-20260101-120000-3.png").string();
    EXPECT_EQ(first_free_name(first, [&](const std::string& name) { return name == third; }),
              (folder.path / "actviz-20260101-120000-4.png").string());
    // A name without an extension, in a folder whose name has a dot.
    const fs::path dotted = folder.path / "a.b";
    fs::create_directory(dotted);
    ASSERT_FALSE(write_file_atomically((dotted / "shot").string(), "x"));
    EXPECT_EQ(first_free_name((dotted / "shot").string()), (dotted / "shot-2").string());
}

}  // namespace
}  // namespace actviz::files
