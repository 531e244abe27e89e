// Hostile or mistaken numbers and structure in a session file: one plain line naming where, never
// the JSON library's own text; counters the app could never reach are refused before they can
// overflow; size limits hold at any size in time linear in it.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "session/session_json.hpp"
#include "expect_refused.hpp"
#include "session_fixture.hpp"

namespace actviz::session {
namespace {

using nlohmann::json;

using testing::expect_refused;

const json& scene() {
    static const json document = json::parse(to_json_text(testing::make_scene().session));
    return document;
}

TEST(SessionLimits, ANumberTooLargeForADoubleIsNamedByItsPath) {
    expect_refused(R"({"actviz_session": 1, "softmax": {"temperature": 1e400}})",
                   "softmax.temperature: the number 1e400 is too large");
    expect_refused(R"({"actviz_session": 1, "softmax": {"logits": [1, -1e400]}})",
                   "softmax.logits[1]: the number -1e400 is too large");
}

// 2^63 used to be shown as -9223372036854775808.
TEST(SessionLimits, AHugeVersionIsShownAsWritten) {
    expect_refused(R"({"actviz_session": 9223372036854775808})", "version 9223372036854775808, written by a newer");
    expect_refused(R"({"actviz_session": 18446744073709551615})", "version 18446744073709551615, written by a newer");
    expect_refused(R"({"actviz_session": -9223372036854775808})", "version -9223372036854775808 is invalid");
}

// nlohmann keeps the last of two equal keys: a file that says two things is refused instead.
TEST(SessionLimits, ARepeatedKeyIsRefusedNamingItsPath) {
    expect_refused(R"({"actviz_session": 1, "softmax": {"temperature": 2, "temperature": 3}})",
                   "softmax.temperature: given twice");
    expect_refused(R"({"actviz_session": 1, "actviz_session": 1})", "actviz_session: given twice");
    expect_refused(R"({"actviz_session": 1, "gradflow": {"curves": [{"gain": 1}, {"gain": 1, "gain": 2}]}})",
                   "gradflow.curves[1].gain: given twice");
}

// 2^63 - 1 steps passed and the next step wrapped to "diverged at step -9223372036854775808".
TEST(SessionLimits, CountersBeyondWhatTheAppReachesAreRefused) {
    const auto refused = [](auto edit, std::string_view expected) {
        json document = scene();
        edit(document["classifier_state"]);
        expect_refused(document.dump(), expected);
    };
    refused([](json& s) { s["steps"] = 9223372036854775807LL; },
            "classifier_state.steps: must be an integer from 0 to 1000000000000");
    refused([](json& s) { s["optimizer"]["adam_steps"] = s["steps"].get<std::int64_t>() + 2; },
            "classifier_state.optimizer.adam_steps: must be an integer from 0 to");
    refused([](json& s) { s["batch_cursor"] = s["batch_order"].size() + 1; }, "classifier_state.batch_cursor");
    refused([](json& s) { s["history"][0]["step"] = 9223372036854775807LL; }, "history[0].step");
    ASSERT_TRUE(from_json_text(scene().dump()).loaded);  // the unedited scene still loads
}

std::string junk_objects(std::size_t count) {
    std::string text = R"({"actviz_session": 1, "junk": [)";
    text.reserve(text.size() + count * 3);
    for (std::size_t i = 0; i < count; ++i) text += i ? ",{}" : "{}";
    return text + "]}";
}

// Parsing is linear (the old parser callback took seconds for 200k objects); the value limit
// still holds. The timings are for people to read, not asserted.
TEST(SessionLimits, AMillionObjectsAreReadAndFourMillionRefused) {
    const ParseResult million = from_json_text(junk_objects(1'000'000));
    EXPECT_TRUE(million.loaded) << million.error;  // unknown top-level keys are ignored
    expect_refused(junk_objects(4'000'000), "more than 8000000 values");
}

}  // namespace
}  // namespace actviz::session
