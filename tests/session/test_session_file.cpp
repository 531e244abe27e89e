// Session files on disk: a save that fails or is killed half-way leaves the previous file as it
// was; files over 64 MiB are refused without being read.

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "session/session_file.hpp"
#include "session_fixture.hpp"
#include "support/file_size_limit.hpp"

namespace actviz::session {
namespace {

namespace fs = std::filesystem;

const Session defaults;

struct TempFolder {
    fs::path path;
    TempFolder() {
        std::string name = (fs::temp_directory_path() / "actviz-session-XXXXXX").string();
        path = ::mkdtemp(name.data());
    }
    ~TempFolder() { fs::remove_all(path); }
};

std::string contents(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

int entries(const fs::path& folder) {
    int n = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(folder)) ++n;
    return n;
}

TEST(SessionFile, SaveThenLoad) {
    TempFolder folder;
    const std::string file = (folder.path / "lesson.actviz.json").string();
    const testing::Scene scene = testing::make_scene();
    ASSERT_FALSE(save_session_file(file, scene.session));
    const ParseResult result = load_session_file(file);
    ASSERT_TRUE(result.loaded) << result.error;
    EXPECT_EQ(to_json_text(result.loaded->session), to_json_text(scene.session));
    EXPECT_EQ(entries(folder.path), 1);  // no temporary file left behind
}

// A save that hits the file-size limit half-way (as a full disk would) reports it, removes its
// temporary file and leaves the old session as it was.
TEST(SessionFile, AFailedSaveKeepsTheOldFile) {
    TempFolder folder;
    const std::string file = (folder.path / "s.json").string();
    ASSERT_FALSE(save_session_file(file, defaults));
    const std::string before = contents(file);
    EXPECT_TRUE(test::passes_with_full_disk([&] {  // refused with a reason naming the file and the cause
        const auto error = save_session_file(file, testing::make_scene().session);
        return error && error->find("s.json") != std::string::npos && error->find("too large") != std::string::npos;
    })) << "the save did not fail with the expected message";
    EXPECT_EQ(contents(file), before);
    EXPECT_EQ(entries(folder.path), 1);
}

// A process killed in the middle of writing (here by SIGXFSZ's default action, at a byte count we
// choose) never replaces the old file: it still loads.
TEST(SessionFile, AKilledSaveKeepsTheOldFile) {
    TempFolder folder;
    const std::string file = (folder.path / "s.json").string();
    ASSERT_FALSE(save_session_file(file, defaults));
    const std::string before = contents(file);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        std::signal(SIGXFSZ, SIG_DFL);
        const rlimit limit{10000, 10000};  // far below the scene's size
        ::setrlimit(RLIMIT_FSIZE, &limit);
        save_session_file(file, testing::make_scene().session);
        ::_exit(3);  // not reached: the scene's session is larger than the limit
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status));
    EXPECT_EQ(WTERMSIG(status), SIGXFSZ);
    EXPECT_EQ(contents(file), before);
    const ParseResult result = load_session_file(file);
    EXPECT_TRUE(result.loaded) << result.error;
}

// A session the loader would refuse is not written: NaN serialises as null, and an out-of-range
// value would be refused on opening. The old file stays as it was.
TEST(SessionFile, ASessionThatWouldNotOpenAgainIsNotSaved) {
    TempFolder folder;
    const std::string file = (folder.path / "s.json").string();
    ASSERT_FALSE(save_session_file(file, defaults));
    const std::string before = contents(file);
    Session nan = defaults;
    nan.softmax.temperature = std::nanf("");
    const auto nan_error = save_session_file(file, nan);
    ASSERT_TRUE(nan_error);
    EXPECT_NE(nan_error->find("would not open again (softmax.temperature: expected a number, got null)"),
              std::string::npos) << *nan_error;
    Session out_of_range = defaults;
    out_of_range.softmax.temperature = 1000;
    const auto range_error = save_session_file(file, out_of_range);
    ASSERT_TRUE(range_error);
    EXPECT_NE(range_error->find("softmax.temperature: must be between 0.01 and 100, got 1000"), std::string::npos)
        << *range_error;
    EXPECT_EQ(contents(file), before);
    EXPECT_EQ(entries(folder.path), 1);
}

TEST(SessionFile, SaveIntoAMissingFolderSaysWhy) {
    const auto error = save_session_file("/nonexistent-actviz-folder/s.json", defaults);
    ASSERT_TRUE(error);
    EXPECT_NE(error->find("No such file or directory"), std::string::npos) << *error;
}

// A long training history is thinned to fit the size a session may have, keeping its first and
// last records; what cannot fit even so is not written, and the old file stays.
TEST(SessionFile, ALongHistoryIsThinnedToFitAndTheRestRefused) {
    TempFolder folder;
    const std::string file = (folder.path / "s.json").string();
    testing::Scene scene = testing::make_scene();
    for (int i = 0; i < 300; ++i) scene.trainer->step(1);  // a record per step, as the app records per frame
    scene.session.classifier_state = session::capture_state(*scene.trainer);
    const std::size_t full = to_json_text(scene.session).size();
    Session without_history = scene.session;
    without_history.classifier_state->trainer.history.resize(1);
    const std::size_t bare = to_json_text(without_history).size();
    int every = 0;
    ASSERT_FALSE(save_session_file(file, scene.session, (full + bare) / 2, &every));
    EXPECT_GT(every, 1);
    const ParseResult loaded = load_session_file(file);
    ASSERT_TRUE(loaded.loaded) << loaded.error;
    const auto& original = scene.session.classifier_state->trainer.history;
    const auto& kept = loaded.loaded->trainer->history();
    EXPECT_LT(kept.size(), original.size());
    EXPECT_EQ(kept.front().step, original.front().step);
    EXPECT_EQ(kept.back().step, original.back().step);
    EXPECT_EQ(kept.back().train_loss, original.back().train_loss);

    const std::string before = contents(file);
    const auto error = save_session_file(file, scene.session, bare / 2);
    ASSERT_TRUE(error);
    EXPECT_NE(error->find("more than a session may be"), std::string::npos) << *error;
    EXPECT_EQ(contents(file), before);
}

TEST(SessionFile, HugeFilesAreRefusedWithoutReading) {
    TempFolder folder;
    const std::string file = (folder.path / "huge.json").string();
    {
        const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT, 0600);
        ASSERT_GE(fd, 0);
        ASSERT_EQ(::ftruncate(fd, (std::int64_t{64} << 20) + 1), 0);  // sparse: no disk used
        ::close(fd);
    }
    const ParseResult result = load_session_file(file);
    EXPECT_FALSE(result.loaded);
    // Its exact size, and that it is over the limit (it used to say "the file is 64 MiB").
    EXPECT_NE(result.error.find("67108865 bytes, larger than 64 MiB"), std::string::npos) << result.error;
}

// Opening a FIFO for reading would wait for a writer forever: it is refused by its type instead.
TEST(SessionFile, AFifoIsRefusedWithoutWaiting) {
    TempFolder folder;
    const std::string fifo = (folder.path / "pipe.json").string();
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    const ParseResult result = load_session_file(fifo);
    EXPECT_FALSE(result.loaded);
    EXPECT_NE(result.error.find("pipe.json': it is a pipe (FIFO), not a regular file"), std::string::npos) << result.error;
}

// A newline in a file name would break the one-line message: it is shown escaped.
TEST(SessionFile, ControlCharactersInNamesAreEscapedInMessages) {
    TempFolder folder;
    const std::string file = (folder.path / "two\nlines\x01.json").string();
    const ParseResult result = load_session_file(file);
    EXPECT_FALSE(result.loaded);
    EXPECT_EQ(result.error.find('\n'), std::string::npos) << result.error;
    EXPECT_NE(result.error.find("two\\nlines\\x01.json"), std::string::npos) << result.error;
    const auto error = save_session_file((folder.path / "no\nfolder" / "s.json").string(), defaults);
    ASSERT_TRUE(error);
    EXPECT_EQ(error->find('\n'), std::string::npos) << *error;
    EXPECT_NE(error->find("no\\nfolder"), std::string::npos) << *error;
}

TEST(SessionFile, MissingFileSaysSo) {
    const ParseResult result = load_session_file("/nonexistent-actviz-folder/s.json");
    EXPECT_FALSE(result.loaded);
    EXPECT_NE(result.error.find("No such file"), std::string::npos) << result.error;
}

}  // namespace
}  // namespace actviz::session
