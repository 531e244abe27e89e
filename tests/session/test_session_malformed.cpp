// Every kind of bad session file is refused with one line that says what is wrong, and nothing
// half-read comes out: malformed and truncated text, wrong versions, wrong types, NaN, negative
// sizes, absurd sizes, values outside the UI's ranges, states that do not fit the network.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "session/session.hpp"
#include "session/session_json.hpp"
#include "session/session_upgrade.hpp"
#include "expect_refused.hpp"
#include "session_fixture.hpp"

namespace actviz::session {
namespace {

using nlohmann::json;

const std::string& good_text() {
    static const std::string text = to_json_text(testing::make_scene().session);
    return text;
}

using testing::expect_refused;

// The good session with one change made by `edit`.
template <typename Edit>
void expect_edit_refused(Edit edit, std::string_view expected) {
    json document = json::parse(good_text());
    edit(document);
    expect_refused(document.dump(), expected);
}

TEST(SessionMalformed, NotJsonOrTruncated) {
    expect_refused("", "ends too early");
    expect_refused("hello", "not valid JSON at byte");
    expect_refused(good_text().substr(0, good_text().size() / 2), "ends too early");
    expect_refused("[1, 2, 3]", "no \"actviz_session\" version");
    expect_refused(R"({"actviz_session": 1, "softmax": {"temperature": NaN}})", "not valid JSON");
    expect_refused(std::string(100, '[') + std::string(100, ']'), "nested deeper");
}

TEST(SessionMalformed, WrongVersions) {
    // One past the version this build writes (a literal here went stale when typed activations made 3 current).
    expect_refused("{\"actviz_session\": " + std::to_string(kSessionVersion + 1) + "}", "written by a newer actviz");
    expect_refused(R"({"actviz_session": 0})", "version 0 is invalid");
    expect_refused(R"({"actviz_session": "1"})", "must be an integer");
    expect_refused(R"({"version": 1})", "no \"actviz_session\" version");
}

TEST(SessionMalformed, WrongTypes) {
    expect_edit_refused([](json& d) { d["softmax"]["temperature"] = "hot"; }, "softmax.temperature: expected a number");
    expect_edit_refused([](json& d) { d["softmax"]["temperature"] = nullptr; }, "softmax.temperature");  // how NaN is written
    expect_edit_refused([](json& d) { d["gradflow"]["depth"] = 2.5; }, "gradflow.depth: must be an integer");
    expect_edit_refused([](json& d) { d["classifier"] = 3; }, "classifier: expected an object");
    expect_edit_refused([](json& d) { d["activations"]["shade_zones"] = 1; }, "expected true or false");
    expect_edit_refused([](json& d) { d["classifier_state"]["parameters"][0] = "0.5"; }, "parameters[0]");
}

TEST(SessionMalformed, NegativeAndAbsurdSizes) {
    expect_edit_refused([](json& d) { d["classifier"]["data"]["points"] = -5; }, "classifier.data.points");
    expect_edit_refused([](json& d) { d["classifier"]["architecture"]["hidden"] = {16, -1}; }, "hidden[1]");
    expect_edit_refused([](json& d) { d["classifier"]["architecture"]["hidden"] = {1000000000}; }, "from 1 to 64");
    expect_edit_refused([](json& d) { d["gradflow"]["width"] = 1000000000; }, "gradflow.width");
    expect_edit_refused([](json& d) { d["gradflow"]["depth"] = 18446744073709551615ULL; }, "gradflow.depth");
    expect_edit_refused([](json& d) { d["softmax"]["logits"] = json::array(); }, "needs 2 to 10 logits");
    expect_edit_refused([](json& d) { d["softmax"]["logits"] = {1.0}; }, "softmax.logits: needs 2 to 10 logits, got 1");
    expect_edit_refused([](json& d) { d["softmax"]["logits"] = json(std::vector<double>(11, 0.0)); }, "softmax.logits");
    expect_edit_refused([](json& d) { d["softmax"]["logits"] = {1000, 1e5}; },
                        "softmax.logits[1]: must be between -10000 and 10000, got 100000");
}

TEST(SessionMalformed, OutsideTheUiRanges) {
    expect_edit_refused([](json& d) { d["softmax"]["temperature"] = 1e-9; }, "between 0.01 and 100");
    expect_edit_refused([](json& d) { d["classifier"]["hyper"]["learning_rate"] = 2e4; }, "learning_rate");
    expect_edit_refused([](json& d) { d["activations"]["functions"]["elu"]["alpha"] = -1e300; }, "alpha");
    expect_edit_refused([](json& d) { d["activations"]["functions"]["nosuch"] = json::object(); }, "no such activation");
    expect_edit_refused([](json& d) { d["page"] = "nowhere"; }, "page: expected one of");
    expect_edit_refused([](json& d) { d["classifier"]["data"]["dataset"] = "xor"; }, "classes");  // xor has 2
    expect_edit_refused([](json& d) { d["activations"]["x_max"] = -4; }, "greater than x_min");
}

TEST(SessionMalformed, StatesThatDoNotFitTheNetwork) {
    expect_edit_refused([](json& d) { d["classifier_state"]["parameters"].erase(0); }, "parameters");
    expect_edit_refused([](json& d) { d["classifier_state"]["batch_order"][0] = d["classifier_state"]["batch_order"][1]; },
                        "not a permutation");
    expect_edit_refused([](json& d) { d["classifier_state"]["train"][0][2] = 7; }, "train[0][2]");
    expect_edit_refused([](json& d) { d["classifier_state"]["optimizer"]["adam_second"][0] = -1; }, "negative");
    expect_edit_refused([](json& d) { d["classifier_state"]["batch_rng"]["words"] = {0, 0, 0, 0}; }, "all zero");
    expect_edit_refused([](json& d) { d["classifier_state"]["history"][0]["step"] = 1000000; }, "history record 0");
    expect_edit_refused([](json& d) { d["classifier_state"]["train"][0][0] = 1e300; }, "train[0][0]");
}

// The upgrade path, exercised with made-up later versions: each step runs once, in order.
TEST(SessionUpgrade, StepsRunInOrderFromTheFilesVersion) {
    static const UpgradeStep steps[] = {
        [](json& d) { d["log"] = d.value("log", std::string()) + "1→2 "; },
        [](json& d) { d["log"] = d.value("log", std::string()) + "2→3"; },
    };
    json from_one = {{"actviz_session", 1}};
    upgrade(from_one, 3, steps);
    EXPECT_EQ(from_one["log"], "1→2 2→3");
    EXPECT_EQ(from_one["actviz_session"], 3);
    json from_two = {{"actviz_session", 2}};
    upgrade(from_two, 3, steps);
    EXPECT_EQ(from_two["log"], "2→3");
    json too_new = {{"actviz_session", 4}};
    EXPECT_THROW(upgrade(too_new, 3, steps), SessionError);
}

}  // namespace
}  // namespace actviz::session
