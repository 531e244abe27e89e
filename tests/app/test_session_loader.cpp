// Opening and saving a session off the UI thread (app/file_job.hpp): the result arrives whole, only
// the latest start counts, and a cancelled one never lands on the screen.

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "app/app_state.hpp"
#include "app/file_job.hpp"
#include "app/session_bridge.hpp"
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

using SessionLoader = FileJob<session::ParseResult>;

void start_opening(SessionLoader& loader, const std::string& path) {
    loader.start(path, [path] { return session::load_session_file(path); });
}

// Polls as the frame loop does, for at most five seconds.
template <class Result>
std::optional<typename FileJob<Result>::Done> wait_for(FileJob<Result>& loader) {
    for (int i = 0; i < 500; ++i) {
        if (auto opened = loader.take()) return opened;
        std::this_thread::sleep_for(10ms);
    }
    return std::nullopt;
}

TEST(SessionLoader, TheOpenedSessionArrivesWholeAndOnce) {
    const std::string path = saved_session("loader-a.json", 42);
    SessionLoader loader;
    start_opening(loader, path);
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
    start_opening(loader, first);
    start_opening(loader, second);
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
    start_opening(loader, path);
    loader.cancel();
    EXPECT_FALSE(loader.busy());
    std::this_thread::sleep_for(300ms);  // long enough for the worker to have read the small file
    EXPECT_FALSE(loader.take());
    std::filesystem::remove(path);
}

TEST(SessionLoader, AFileThatCannotBeOpenedArrivesAsItsReason) {
    SessionLoader loader;
    start_opening(loader, test::temp_path("loader-missing.json"));
    auto opened = wait_for(loader);
    ASSERT_TRUE(opened);
    EXPECT_FALSE(opened->result.loaded);
    EXPECT_NE(opened->result.error.find("cannot open session"), std::string::npos) << opened->result.error;
}

// File > Save: the session is captured when the save begins, written off the UI thread, and the
// state counts as saved as it was then — an edit made while the file was written stays unsaved.
TEST(SessionSaver, ASaveWritesTheSessionAsItWasWhenItBegan) {
    const std::string path = test::temp_path("saver.json");
    AppState state;
    state.gradflow.settings.simulation.depth = 17;
    begin_saving(state, path);
    state.gradflow.settings.simulation.depth = 23;  // an edit while the file is written
    std::optional<bool> saved;
    for (int i = 0; i < 500 && !saved; ++i) {
        saved = finish_saving(state);
        if (!saved) std::this_thread::sleep_for(10ms);
    }
    ASSERT_TRUE(saved && *saved) << state.status.message;
    EXPECT_EQ(state.session.path, path);
    const session::ParseResult reopened = session::load_session_file(path);
    ASSERT_TRUE(reopened.loaded) << reopened.error;
    EXPECT_EQ(reopened.loaded->session.gradflow.simulation.depth, 17);
    EXPECT_TRUE(has_unsaved_changes(state));  // depth 23 is not in the file
    state.gradflow.settings.simulation.depth = 17;
    EXPECT_FALSE(has_unsaved_changes(state));
    std::filesystem::remove(path);
}

// Looking around is not work: switching pages or hiding a panel asks nothing on quit; a setting does.
TEST(UnsavedChanges, SwitchingPagesIsNotAnUnsavedChange) {
    AppState state;
    state.session.saved_fingerprint = session_fingerprint(state);
    state.maximised_panel = panel_index(PanelId::Gradflow);
    state.panel_visible[0] = false;
    EXPECT_FALSE(has_unsaved_changes(state));
    state.gradflow.settings.simulation.depth += 1;
    EXPECT_TRUE(has_unsaved_changes(state));
}

TEST(SessionSaver, AFailedSaveKeepsTheSessionUntitledAndSaysWhy) {
    AppState state;
    begin_saving(state, "/nonexistent-actviz-folder/s.json");
    std::optional<bool> saved;
    for (int i = 0; i < 500 && !saved; ++i) {
        saved = finish_saving(state);
        if (!saved) std::this_thread::sleep_for(10ms);
    }
    ASSERT_TRUE(saved);
    EXPECT_FALSE(*saved);
    EXPECT_TRUE(state.session.path.empty());
    EXPECT_EQ(state.session.dialog, SessionDialog::Error);
    EXPECT_NE(state.session.error.find("cannot save session"), std::string::npos) << state.session.error;
}

}  // namespace
}  // namespace actviz::app
