// `actviz train|gradflow|bakeoff --preset ID`: a lesson's numbers from the command line, as the
// window's --panel P --preset ID starts it; explicit flags win; a wrong id names the known ones.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cli/command_output.hpp"
#include "cli/flags.hpp"
#include "cli/subcommands.hpp"
#include "core/trainer.hpp"
#include "settings/classifier_settings.hpp"

namespace actviz::cli {
namespace {

TEST(PresetCommand, TrainRunsTheClassifierPresetTheWindowRuns) {
    const CommandOutput out = run("train", {"--preset", "debugging-challenge", "--steps", "200", "--every", "200"});
    ASSERT_EQ(out.status, 0) << out.err;
    // The same run in core, from the preset's settings as the panel builds them.
    settings::ClassifierSettings s;
    settings::find_classifier_preset("debugging-challenge")->apply(s);
    Trainer trainer(make_dataset(settings::to_dataset_config(s)), settings::to_trainer_config(s));
    trainer.step(200);
    const HistoryRecord& r = trainer.history().back();
    EXPECT_EQ(last_line(out.out).substr(0, last_line(out.out).find(',')), "200");
    EXPECT_NE(last_line(out.out).find(format_number(r.train_loss)), std::string::npos)
        << last_line(out.out) << " against " << format_number(r.train_loss);
}

TEST(PresetCommand, GradflowTakesThePresetsFirstCurveAndCurveNPicksAnother) {
    const CommandOutput first = run("gradflow", {"--preset", "tanh-vanishes"});
    const CommandOutput typed = run("gradflow", {"--depth", "30", "--width", "64", "--activation", "tanh"});
    ASSERT_EQ(first.status, 0) << first.err;
    EXPECT_EQ(first.out, typed.out);
    const CommandOutput second = run("gradflow", {"--preset", "tanh-vanishes", "--curve", "2"});
    const CommandOutput half = run("gradflow", {"--depth", "30", "--width", "64", "--activation", "tanh", "--gain", "0.5"});
    EXPECT_EQ(second.out, half.out);
    const CommandOutput deeper = run("gradflow", {"--preset", "tanh-vanishes", "--depth", "5"});
    EXPECT_EQ(deeper.out, run("gradflow", {"--depth", "5", "--width", "64", "--activation", "tanh"}).out);
}

TEST(PresetCommand, AnUnknownPresetOrOneWithASessionIsRefusedInOneLine) {
    const CommandOutput unknown = run("train", {"--preset", "no-such", "--steps", "1"});
    EXPECT_EQ(unknown.status, 2);
    EXPECT_NE(unknown.err.find("linear-collapse"), std::string::npos) << unknown.err;
    const CommandOutput both = run("gradflow", {"--preset", "sigmoid-20", "--session", "x.json"});
    EXPECT_EQ(both.status, 2);
    EXPECT_NE(both.err.find("give one"), std::string::npos) << both.err;
    const CommandOutput wrong_panel = run("gradflow", {"--preset", "linear-collapse"});
    EXPECT_EQ(wrong_panel.status, 2);
}

TEST(PresetCommand, BakeoffRunsItsPreset) {
    const CommandOutput out = run("bakeoff", {"--preset", "bakeoff-moons-sgd", "--steps", "20", "--seeds", "1"});
    ASSERT_EQ(out.status, 0) << out.err;
    EXPECT_NE(out.out.find("sigmoid"), std::string::npos);
}

}  // namespace
}  // namespace actviz::cli
