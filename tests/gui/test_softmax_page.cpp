// The Softmax page as a student opens it: the textbook's [1000, 1001, 1002] (its example button, or a
// session), drawn by the real app under Xvfb. What the page showed — its step table and temperature
// chart, kept in SoftmaxLive — is checked against core's softmax itself: the stable probabilities
// equal softmax() bit for bit, the naive column prints inf and NaN, and the chart passes through
// softmax at the slider's T.

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>

#include "app/app.hpp"
#include "app/app_state.hpp"
#include "core/softmax.hpp"
#include "session/session_file.hpp"
#include "support/run_process.hpp"
#include "support/gui_test_files.hpp"

namespace actviz::app {
namespace {

using testing::have_display;

Eigen::VectorXd vector_of(const std::vector<double>& values) {
    return Eigen::Map<const Eigen::VectorXd>(values.data(), static_cast<Eigen::Index>(values.size()));
}

struct Shown {
    SoftmaxSettings settings;  // the settings the page drew with
    SoftmaxLive live;
};

// Runs the app for `frames` frames; `edit` may change the state before a frame. Returns what the
// page drew in its last frame.
template <typename Edit>
Shown run_softmax_page(settings::LaunchOptions launch, int frames, Edit edit) {
    launch.fresh = true;
    launch.frames = frames + 1;  // the hook sees the state drawn by the frame before it
    launch.panel = "softmax";
    Shown shown;
    const int status = run(launch, [&](AppState& state, GLFWwindow*, int frame) {
        if (frame == frames) {
            shown.settings = state.softmax.settings;
            shown.live = state.softmax.live;
        }
        edit(state, frame);
    });
    EXPECT_EQ(status, 0);
    return shown;
}

// The table shows core's numbers: p equal to softmax(z, T), the naive columns non-finite.
void expect_table_of_core(const Shown& shown, double temperature) {
    const Eigen::VectorXd z = vector_of(shown.settings.logits);
    const SoftmaxResult core = softmax(z, temperature);
    const SoftmaxSteps& steps = shown.live.steps;
    ASSERT_EQ(steps.probabilities.size(), z.size());
    EXPECT_EQ(steps.temperature, temperature);
    const SoftmaxStepTable& table = shown.live.table;
    ASSERT_EQ(table.rows.size(), static_cast<size_t>(z.size()) + 1);  // the classes and Σ
    for (Eigen::Index i = 0; i < z.size(); ++i) {
        EXPECT_EQ(steps.logits[i], z[i]);
        EXPECT_EQ(steps.probabilities[i], core.probabilities[i]) << i;
        const std::vector<StepCell>& row = table.rows[static_cast<size_t>(i)];
        EXPECT_EQ(row[kProbabilityColumn].text, step_number(core.probabilities[i])) << i;
        EXPECT_FALSE(row[kProbabilityColumn].warning);
        // strtod, not stod: stod throws on a denormal's text.
        EXPECT_NEAR(std::strtod(row[kProbabilityColumn].text.c_str(), nullptr), core.probabilities[i], 1e-6);
        // inf/inf (or 0/0) is NaN; a class whose e^(z/T) underflowed beside an infinite sum reads 0/inf = 0.
        if (std::isinf(steps.naive_exps[i])) {
            EXPECT_TRUE(std::isnan(steps.naive_probabilities[i])) << i;
            EXPECT_EQ(row[kNaiveExpColumn].text, "inf") << i;
            EXPECT_EQ(row[kNaiveProbabilityColumn].text, "NaN") << i;
            EXPECT_TRUE(row[kNaiveProbabilityColumn].warning) << i;
            EXPECT_TRUE(row[kNaiveExpColumn].warning) << i;
        }
    }
    const std::vector<StepCell>& sum = table.rows.back();
    EXPECT_EQ(sum[kNaiveExpColumn].text, "inf");
    EXPECT_EQ(sum[kNaiveProbabilityColumn].text, "NaN");
    EXPECT_EQ(sum[kProbabilityColumn].text, step_number(steps.probabilities.sum()));
    EXPECT_TRUE(table.naive_fails);
}

// The chart's value at the slider's T is softmax at T.
void expect_chart_through_core(const Shown& shown, double temperature) {
    const TemperatureSweep& sweep = shown.live.sweep;
    ASSERT_GE(sweep.marked, 0);
    EXPECT_EQ(sweep.temperatures[static_cast<size_t>(sweep.marked)], temperature);
    const SoftmaxResult core = softmax(vector_of(shown.settings.logits), temperature);
    for (Eigen::Index i = 0; i < core.probabilities.size(); ++i) {
        EXPECT_EQ(sweep.probabilities(i, sweep.marked), core.probabilities[i]) << i;
    }
    EXPECT_EQ(sweep.entropy[static_cast<size_t>(sweep.marked)], core.entropy);
    EXPECT_EQ(sweep.temperatures.front(), 0.01);
    EXPECT_EQ(sweep.temperatures.back(), 100.0);
}

TEST(SoftmaxPage, TheTextbookExampleShowsCoresProbabilitiesBesideTheNaiveNaNs) {
    if (!have_display()) GTEST_SKIP() << "no X display; the test command runs this under xvfb-run";
    settings::LaunchOptions launch;
    launch.width = 1024;
    launch.height = 640;
    launch.preset = "textbook-1000";
    const Shown shown = run_softmax_page(launch, 4, [](AppState&, int) {});
    EXPECT_EQ(shown.settings.logits, (std::vector<double>{1000, 1001, 1002}));
    expect_table_of_core(shown, 1.0);
    for (const StepCell& cell : {shown.live.table.rows[0][kNaiveExpColumn], shown.live.table.rows[3][kNaiveExpColumn]}) {
        EXPECT_EQ(cell.text, "inf");  // e^1000 and their sum
    }
    expect_chart_through_core(shown, 1.0);
}

TEST(SoftmaxPage, TheChartFollowsTheSlidersTemperature) {
    if (!have_display()) GTEST_SKIP() << "no X display";
    settings::LaunchOptions launch;
    launch.width = 1024;
    launch.height = 640;
    launch.preset = "textbook-1000";
    const Shown shown = run_softmax_page(launch, 4, [](AppState& state, int frame) {
        if (frame == 2) state.softmax.settings.temperature = 0.37f;  // off the chart's grid
    });
    const double t = 0.37f;
    expect_table_of_core(shown, t);
    expect_chart_through_core(shown, t);
    EXPECT_EQ(shown.live.sweep.temperatures.size(), 202u);  // T joined the 201 log-spaced ones
}

// A session with logits of 1000 opens on the page, is drawn, and saves into a file that opens again
// with the same logits.
TEST(SoftmaxPage, ASessionWithLogitsOfAThousandOpensDrawsAndSavesAgain) {
    if (!have_display()) GTEST_SKIP() << "no X display";
    const std::string in = test::temp_path("softmax-1000.json"), out = test::temp_path("softmax-1000-saved.json");
    std::ofstream(in) << R"({"actviz_session": 2, "page": "softmax", "softmax": {"logits": [1000, 1001, 1002, -10000], "temperature": 0.5}})";
    settings::LaunchOptions launch;
    launch.session_path = in;
    launch.save_session_path = out;
    const Shown shown = run_softmax_page(launch, 3, [](AppState&, int) {});
    EXPECT_EQ(shown.settings.logits, (std::vector<double>{1000, 1001, 1002, -10000}));
    expect_table_of_core(shown, 0.5);  // z/T = 2000: the naive e^(z/T) overflows
    expect_chart_through_core(shown, 0.5);
    const session::ParseResult reopened = session::load_session_file(out);
    ASSERT_TRUE(reopened.loaded) << reopened.error;
    EXPECT_EQ(reopened.loaded->session.softmax.logits, shown.settings.logits);
    EXPECT_EQ(reopened.loaded->session.softmax.temperature, 0.5f);
    std::filesystem::remove(in);
    std::filesystem::remove(out);
}

TEST(SoftmaxPage, EachExampleIsAPresetOfThePage) {
    for (const SoftmaxPreset& preset : softmax_presets()) {
        EXPECT_TRUE(has_preset(PanelId::Softmax, preset.id)) << preset.id;
        SoftmaxSettings applied;
        applied.temperature = 7;
        preset.apply(applied);
        EXPECT_EQ(applied.temperature, 1.0f) << preset.id;
        EXPECT_TRUE(kLogits.accepts_count(applied.logits.size())) << preset.id;
        for (double z : applied.logits) EXPECT_TRUE(kLogits.accepts(z)) << preset.id;
    }
    ASSERT_NE(find_softmax_preset("textbook-1000"), nullptr);
}

}  // namespace
}  // namespace actviz::app
