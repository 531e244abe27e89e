// The last session kept on quit and restored at the next start, in the state folder that
// $XDG_STATE_HOME names: what was on screen comes back, recent files included.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

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
