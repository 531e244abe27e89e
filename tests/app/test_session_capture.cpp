// What the app saves always opens again, even in the frame right after an edit (found by the GUI
// monkey: Ctrl+click on the Classifier's hidden-layer field, then a save or a quit before the next
// frame's sync, wrote the old network's weights beside the new architecture).

#include <gtest/gtest.h>

#include "app/app_state.hpp"
#include "app/session_bridge.hpp"
#include "session/session_json.hpp"

namespace actviz::app {
namespace {

bool reads_back(const AppState& state) {
    const session::ParseResult back = session::from_json_text(session::to_json_text(capture_session(state)));
    EXPECT_TRUE(back.loaded) << back.error;
    return back.loaded.has_value();
}

TEST(SessionCapture, AnArchitectureEditedSinceTheTrainerWasBuiltStillReadsBack) {
    AppState state;
    state.classifier.live.sync(state.classifier.settings);
    ASSERT_NE(state.classifier.live.trainer(), nullptr);
    EXPECT_TRUE(capture_session(state).classifier_state.has_value());  // in sync: the trained state is kept
    state.classifier.settings.architecture.hidden.push_back(4);  // edited this frame, synced next frame
    EXPECT_TRUE(reads_back(state));
    state.classifier.live.sync(state.classifier.settings);
    EXPECT_TRUE(capture_session(state).classifier_state.has_value());
    EXPECT_TRUE(reads_back(state));
}

TEST(SessionCapture, ADatasetRefusedByTheMemoryBudgetStillReadsBack) {
    AppState state;
    state.classifier.live.sync(state.classifier.settings);
    state.classifier.settings.architecture.hidden = {8};
    state.classifier.live.sync(state.classifier.settings, 1);  // refused: the old trainer stays
    ASSERT_FALSE(state.classifier.live.error().empty());
    EXPECT_TRUE(reads_back(state));
}

}  // namespace
}  // namespace actviz::app
