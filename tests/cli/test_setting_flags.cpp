// One description per setting, seen from the command line: every described flag refuses one step
// outside the very range the session reader and the slider's typed values hold it to (exit 2, one
// line naming the flag); and a session's settings, expanded into flags, give the core exactly the
// configuration the panel itself hands it (the check that would have caught train --session
// dropping the momentum μ).

#include <gtest/gtest.h>

#include <filesystem>

#include "cli/command_configs.hpp"
#include "cli/command_output.hpp"
#include "session/session_file.hpp"
#include "support/described_settings.hpp"
#include "support/run_process.hpp"
#include "session/session_fixture.hpp"

namespace actviz::cli {
namespace {

// A valid command for each subcommand, to which one described flag (`flag`) is added.
std::vector<std::string> base_command(const std::string& command, const std::string& flag) {
    if (command == "train") {
        return {"--dataset", "spiral", "--hidden", "4", "--activation", "tanh", "--optimizer", "momentum",
                "--lr", "0.01", "--steps", "1"};
    }
    if (command == "softmax") return flag == "logits" ? std::vector<std::string>{} : std::vector<std::string>{"--logits", "1,2"};
    if (command == "gradflow") return {"--depth", "2", "--width", "2", "--activation", "relu", "--init", "normal"};
    return {"--dataset", "spiral", "--hidden", "4", "--activations", "relu,tanh", "--optimizer", "momentum",
            "--lr", "0.01", "--steps", "1"};
}

// The flag's text for `value`: a list flag gets as many elements as it needs, `value` the last.
std::string value_text(const actviz::testing::DescribedSetting& setting, double value) {
    std::string text;
    if (setting.list) {
        for (std::size_t i = 1; i < setting.min_count; ++i) text += "0,";
    }
    return text + format_number(value);
}

// What the session reader and the page take, `actviz softmax` takes: both bounds of its described
// flags (the subcommands that train would run for long at theirs).
TEST(SettingFlags, SoftmaxFlagsAcceptBothBoundsOfTheSettingsRange) {
    int flags = 0;
    for (const auto& setting : actviz::testing::described_settings()) {
        if (setting.command != "softmax") continue;
        ++flags;
        for (const double bound : {setting.min, setting.max}) {
            std::vector<std::string> args = base_command(setting.command, setting.flag);
            args.push_back("--" + setting.flag);
            args.push_back(value_text(setting, bound));
            const CommandOutput result = run_command(setting.command, args);
            EXPECT_EQ(result.status, 0) << "--" << setting.flag << " " << args.back() << ": " << result.err;
        }
    }
    EXPECT_EQ(flags, 2);  // --logits and --temperature
}

TEST(SettingFlags, EachFlagRefusesOneStepOutsideTheSettingsRange) {
    int flags = 0;
    for (const auto& setting : actviz::testing::described_settings()) {
        if (setting.flag.empty()) continue;
        ++flags;
        for (const bool below : {true, false}) {
            std::vector<std::string> args = base_command(setting.command, setting.flag);
            args.push_back("--" + setting.flag);
            args.push_back(value_text(setting, actviz::testing::one_step_outside(setting, below)));
            const CommandOutput result = run_command(setting.command, args);
            EXPECT_EQ(result.status, 2) << setting.command << " --" << setting.flag << " " << args.back();
            EXPECT_NE(result.err.find("--" + setting.flag), std::string::npos) << setting.command << " --" << setting.flag << ": " << result.err;
        }
    }
    EXPECT_GE(flags, 20);
}

class SessionToCore : public ::testing::Test {
   protected:
    void SetUp() override {
        session::Session& s = scene.session;
        s.classifier.hyper.optimizer = OptimizerKind::Momentum;  // μ and Nesterov away from their defaults
        s.classifier.hyper.momentum = 0.5;
        s.classifier.hyper.nesterov = true;
        s.classifier.hyper.l2 = 0.003;
        s.classifier.architecture.bias = 0.25;
        s.classifier.data.noise = 0.35;
        s.gradflow.simulation.bias = 0.5f;
        s.gradflow.simulation.curves[1].gain = 1.75f;
        ASSERT_FALSE(session::save_session_file(path, s));
    }
    void TearDown() override { std::filesystem::remove(path); }

    session::testing::Scene scene = session::testing::make_scene();
    // One file per test: ctest runs the tests of this fixture in parallel processes.
    std::string path = test::temp_path(std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + ".json");
};

TEST_F(SessionToCore, TrainGivesTheCoreTheClassifiersConfiguration) {
    const settings::ClassifierSettings& panel = scene.session.classifier;
    const TrainCommand command = parse_train(std::vector<std::string>{"--session", path});
    EXPECT_TRUE(command.config == settings::to_trainer_config(panel));
    EXPECT_EQ(command.config.optimizer.momentum, 0.5);
    EXPECT_TRUE(command.config.optimizer.nesterov);
    EXPECT_TRUE(command.data_config == settings::to_dataset_config(panel));
}

TEST_F(SessionToCore, GradflowGivesTheCoreEachCurvesConfiguration) {
    const settings::GradflowSimulation& panel = scene.session.gradflow.simulation;
    for (int curve = 1; curve <= static_cast<int>(panel.curves.size()); ++curve) {
        const GradflowCommand command =
            parse_gradflow(std::vector<std::string>{"--session", path, "--curve", std::to_string(curve)});
        EXPECT_TRUE(command.config == panel.config_for(curve - 1)) << "curve " << curve;
    }
}

TEST_F(SessionToCore, BakeoffGivesTheCoreTheContest) {
    const settings::BakeoffSettings& panel = scene.session.bakeoff;
    const BakeoffCommand command = parse_bakeoff(std::vector<std::string>{"--session", path, "--steps", "10"});
    BakeoffConfig expected = settings::to_bakeoff_config(panel, 0, panel.seeds);
    expected.history_limit = command.config.history_limit;  // the panel caps its history, the CLI prints every row
    expected.step_budget = 10;                              // --steps given wins over the session's budget
    EXPECT_TRUE(command.config == expected);
    EXPECT_EQ(command.config.seeds, 3);
    EXPECT_TRUE(command.data_config == settings::to_dataset_config(panel.contest));
    // Without --steps, the session's step budget is the command's.
    const BakeoffCommand budget = parse_bakeoff(std::vector<std::string>{"--session", path});
    EXPECT_EQ(budget.run.steps, panel.step_budget);
    EXPECT_EQ(budget.config.step_budget, panel.step_budget);
}

}  // namespace
}  // namespace actviz::cli
