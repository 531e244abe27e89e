// Quitting never throws away work silently: with unsaved changes to a session file (or to an
// untitled session that will not be kept, under --fresh) the question comes first; otherwise the
// app quits at once.

#include <gtest/gtest.h>

#include "app/session_bridge.hpp"
#include "app/session_ui.hpp"

namespace actviz::app {
namespace {

struct Quit : ::testing::Test {
    AppState state;
    void SetUp() override { state.session.saved_fingerprint = session_fingerprint(state); }
    void change_something() { state.softmax.settings.temperature = 2.5f; }
};

TEST_F(Quit, NothingChangedQuitsAtOnce) {
    state.session.path = "/tmp/unchanged.json";
    request_quit(state);
    EXPECT_TRUE(state.quit_requested);
    EXPECT_EQ(state.session.dialog, SessionDialog::None);
}

TEST_F(Quit, UnsavedChangesToAFileAreAskedAbout) {
    state.session.path = "/tmp/changed.json";
    change_something();
    request_quit(state);
    EXPECT_FALSE(state.quit_requested);
    EXPECT_EQ(state.session.dialog, SessionDialog::ConfirmDiscard);
    EXPECT_EQ(state.session.pending, PendingAction::Quit);
    request_quit(state);  // the close button again while the question is up: still asking
    EXPECT_FALSE(state.quit_requested);
}

TEST_F(Quit, AnUntitledSessionKeptForTheNextStartQuitsAtOnce) {
    state.session.remember_last = true;
    change_something();
    request_quit(state);
    EXPECT_TRUE(state.quit_requested);
}

TEST_F(Quit, AnUntitledSessionThatWouldBeLostIsAskedAbout) {
    state.session.remember_last = false;  // --fresh
    change_something();
    request_quit(state);
    EXPECT_FALSE(state.quit_requested);
    EXPECT_EQ(state.session.dialog, SessionDialog::ConfirmDiscard);
}

}  // namespace
}  // namespace actviz::app
