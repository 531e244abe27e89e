// The last session kept on quit and restored at the next start, in the state folder that
// $XDG_STATE_HOME names: what was on screen comes back, recent files included.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "app/session_bridge.hpp"
#include "session/session_json.hpp"
#include "support/run_process.hpp"

namespace actviz::app {
namespace {

TEST(SessionRestore, TheLastSessionComesBackAtTheNextStart) {
    const std::filesystem::path folder = test::temp_path("state");
    std::filesystem::create_directories(folder);
    const char* previous = std::getenv("XDG_STATE_HOME");
    const std::string saved_previous = previous ? previous : "";
    ::setenv("XDG_STATE_HOME", folder.c_str(), 1);
    {
        AppState before;
        before.maximised_panel = panel_index(PanelId::Softmax);
        before.softmax.settings.temperature = 3.5f;
        before.gradflow.settings.simulation.depth = 77;
        before.session.recent = {"/tmp/a.json", "/tmp/b.json"};
        remember_on_exit(before);
        EXPECT_TRUE(std::filesystem::exists(folder / "actviz" / "last.json"));

        AppState after;
        load_remembered(after);
        ASSERT_TRUE(restore_last_session(after));
        EXPECT_EQ(after.maximised_panel, panel_index(PanelId::Softmax));
        EXPECT_EQ(after.softmax.settings.temperature, 3.5f);
        EXPECT_EQ(after.gradflow.settings.simulation.depth, 77);
        EXPECT_EQ(after.session.recent, before.session.recent);
        EXPECT_EQ(session::to_json_text(capture_session(after)), session::to_json_text(capture_session(before)));
        EXPECT_FALSE(has_unsaved_changes(after));  // just restored: nothing to ask about yet
    }
    if (previous) ::setenv("XDG_STATE_HOME", saved_previous.c_str(), 1);
    else ::unsetenv("XDG_STATE_HOME");
    std::filesystem::remove_all(folder);
}

// A last session that cannot be read (here: a value a release with a wider range saved) is not lost
// to the defaults this run saves on quit: it is kept beside, named in the status line.
TEST(SessionRestore, AnUnreadableLastSessionIsKeptAsideNotOverwritten) {
    const std::filesystem::path folder = test::temp_path("bad-state");
    std::filesystem::create_directories(folder / "actviz");
    const char* previous = std::getenv("XDG_STATE_HOME");
    const std::string saved_previous = previous ? previous : "";
    ::setenv("XDG_STATE_HOME", folder.c_str(), 1);
    const std::string text = R"({"actviz_session": 2, "classifier": {"hyper": {"l1": 1e6}}})";
    std::ofstream(folder / "actviz" / "last.json") << text;
    {
        AppState state;
        EXPECT_FALSE(restore_last_session(state));
        EXPECT_NE(state.status.message.find("last.json.bad"), std::string::npos) << state.status.message;
        EXPECT_NE(state.status.message.find("classifier.hyper.l1"), std::string::npos) << state.status.message;
        remember_on_exit(state);  // quitting saves this run's (default) session as last.json
    }
    std::ifstream aside(folder / "actviz" / "last.json.bad");
    const std::string kept((std::istreambuf_iterator<char>(aside)), std::istreambuf_iterator<char>());
    EXPECT_EQ(kept, text);
    EXPECT_TRUE(std::filesystem::exists(folder / "actviz" / "last.json"));
    if (previous) ::setenv("XDG_STATE_HOME", saved_previous.c_str(), 1);
    else ::unsetenv("XDG_STATE_HOME");
    std::filesystem::remove_all(folder);
}

TEST(SessionRestore, NoStateFolderNoRestore) {
    const std::filesystem::path folder = test::temp_path("empty-state");
    const char* previous = std::getenv("XDG_STATE_HOME");
    const std::string saved_previous = previous ? previous : "";
    ::setenv("XDG_STATE_HOME", folder.c_str(), 1);
    AppState state;
    EXPECT_FALSE(restore_last_session(state));  // first start: nothing there
    if (previous) ::setenv("XDG_STATE_HOME", saved_previous.c_str(), 1);
    else ::unsetenv("XDG_STATE_HOME");
}

}  // namespace
}  // namespace actviz::app
