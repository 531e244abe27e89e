// The Bake-off panel in sessions (schema version 2): a tuned contest comes back as it was saved,
// and a version-1 file, written before the Bake-off was saved, still opens unchanged.

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "session/session_json.hpp"
#include "session_fixture.hpp"

namespace actviz::session {
namespace {

using nlohmann::json;

void expect_same_contest(const settings::BakeoffSettings& a, const settings::BakeoffSettings& b) {
    EXPECT_EQ(a.activations, b.activations);
    EXPECT_EQ(a.seeds, b.seeds);
    EXPECT_EQ(a.step_budget, b.step_budget);
    EXPECT_EQ(a.playing, b.playing);
    EXPECT_EQ(a.max_steps_per_frame, b.max_steps_per_frame);
    EXPECT_EQ(a.frame_budget_ms, b.frame_budget_ms);
    EXPECT_EQ(a.min_steps_per_second, b.min_steps_per_second);
    EXPECT_EQ(a.log_loss, b.log_loss);
    EXPECT_EQ(a.log_grad, b.log_grad);
    EXPECT_EQ(a.contest.data, b.contest.data);
    EXPECT_EQ(a.contest.architecture, b.contest.architecture);
    EXPECT_EQ(a.contest.hyper, b.contest.hyper);
}

TEST(BakeoffSession, ATunedContestComesBack) {
    const testing::Scene scene = testing::make_scene();
    const ParseResult result = from_json_text(to_json_text(scene.session));
    ASSERT_TRUE(result.loaded) << result.error;
    expect_same_contest(result.loaded->session.bakeoff, scene.session.bakeoff);
    // And it is not the default contest: the test would pass vacuously otherwise.
    EXPECT_NE(result.loaded->session.bakeoff.activations, settings::BakeoffSettings().activations);
}

TEST(BakeoffSession, ItsValuesAreCheckedLikeEveryPanels) {
    json doc = json::parse(to_json_text(testing::make_scene().session));
    doc["bakeoff"]["activations"] = {"relu"};
    EXPECT_NE(from_json_text(doc.dump()).error.find("activations"), std::string::npos);
    doc["bakeoff"]["activations"] = {"relu", "nosuch"};
    EXPECT_NE(from_json_text(doc.dump()).error.find("bakeoff.activations[1]"), std::string::npos);
    doc["bakeoff"]["activations"] = {"relu", "relu"};
    EXPECT_NE(from_json_text(doc.dump()).error.find("listed twice"), std::string::npos);
    doc["bakeoff"]["activations"] = {"relu", "tanh"};
    doc["bakeoff"]["contest"]["data"]["classes"] = 3;  // moons has two
    EXPECT_NE(from_json_text(doc.dump()).error.find("bakeoff.contest.data.classes"), std::string::npos);
}

TEST(SessionUpgrade, AVersionOneFileOpensUnchanged) {
    const testing::Scene scene = testing::make_scene();
    json doc = json::parse(to_json_text(scene.session));
    doc.erase("bakeoff");
    doc["actviz_session"] = 1;
    const ParseResult result = from_json_text(doc.dump());
    ASSERT_TRUE(result.loaded) << result.error;
    Session expected = scene.session;
    expected.bakeoff = settings::BakeoffSettings();  // version 1 did not save it: the defaults, as then
    EXPECT_EQ(to_json_text(result.loaded->session), to_json_text(expected));
}

TEST(SessionUpgrade, ASessionSavedByTheLastReleaseOpens) {
    // Written by actviz before the Bake-off was saved (version 1), kept in the fuzz corpus.
    std::ifstream file(ACTVIZ_SESSION_CORPUS "/small-trained.json");
    std::stringstream text;
    text << file.rdbuf();
    ASSERT_NE(text.str().find("\"actviz_session\": 1"), std::string::npos);
    const ParseResult result = from_json_text(text.str());
    ASSERT_TRUE(result.loaded) << result.error;
    EXPECT_TRUE(result.loaded->trainer);
    EXPECT_EQ(json::parse(to_json_text(result.loaded->session))["actviz_session"], kSessionVersion);
}

}  // namespace
}  // namespace actviz::session
