// Opening a session off the UI thread (app/session_loader.hpp): the result arrives whole, only the
// latest open counts, and a cancelled one never lands on the screen.

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "app/session_loader.hpp"
#include "session/session_file.hpp"
#include "support/run_process.hpp"

namespace actviz::app {
namespace {

using namespace std::chrono_literals;

std::string saved_session(const char* name, int depth) {
    const std::string path = test::temp_path(name);
    session::Session s;
    s.gradflow.simulation.depth = depth;
    EXPECT_FALSE(session::save_session_file(path, s));
    return path;
}

// Polls as the frame loop does, for at most five seconds.
std::optional<SessionLoader::Opened> wait_for(SessionLoader& loader) {
    for (int i = 0; i < 500; ++i) {
        if (auto opened = loader.take()) return opened;
        std::this_thread::sleep_for(10ms);
    }
    return std::nullopt;
}

TEST(SessionLoader, TheOpenedSessionArrivesWholeAndOnce) {
    const std::string path = saved_session("loader-a.json", 42);
    SessionLoader loader;
    loader.start(path);
    EXPECT_TRUE(loader.busy());  // until the shell takes the result
    auto opened = wait_for(loader);
    ASSERT_TRUE(opened);
    ASSERT_TRUE(opened->result.loaded) << opened->result.error;
    EXPECT_EQ(opened->path, path);
    EXPECT_EQ(opened->result.loaded->session.gradflow.simulation.depth, 42);
    EXPECT_FALSE(loader.busy());
    EXPECT_FALSE(loader.take());  // once
    std::filesystem::remove(path);
}

TEST(SessionLoader, OnlyTheLatestOpenCounts) {
    const std::string first = saved_session("loader-first.json", 11), second = saved_session("loader-second.json", 22);
    SessionLoader loader;
    loader.start(first);
    loader.start(second);
    auto opened = wait_for(loader);
    ASSERT_TRUE(opened && opened->result.loaded);
    EXPECT_EQ(opened->path, second);
    EXPECT_EQ(opened->result.loaded->session.gradflow.simulation.depth, 22);
    std::this_thread::sleep_for(100ms);
    EXPECT_FALSE(loader.take());  // the first one's result, had it come late, was dropped
    std::filesystem::remove(first), std::filesystem::remove(second);
}

TEST(SessionLoader, ACancelledOpenNeverArrives) {
    const std::string path = saved_session("loader-cancel.json", 33);
    SessionLoader loader;
    loader.start(path);
    loader.cancel();
    EXPECT_FALSE(loader.busy());
    std::this_thread::sleep_for(300ms);  // long enough for the worker to have read the small file
    EXPECT_FALSE(loader.take());
    std::filesystem::remove(path);
}

TEST(SessionLoader, AFileThatCannotBeOpenedArrivesAsItsReason) {
    SessionLoader loader;
    loader.start(test::temp_path("loader-missing.json"));
    auto opened = wait_for(loader);
    ASSERT_TRUE(opened);
    EXPECT_FALSE(opened->result.loaded);
    EXPECT_NE(opened->result.error.find("cannot open session"), std::string::npos) << opened->result.error;
}

}  // namespace
}  // namespace actviz::app
