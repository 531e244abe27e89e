// `actviz gradflow|train --session FILE`: a saved scene's numbers from the command line, the same
// as the app computed them; explicit flags override the session; bad files exit 2 in one line.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/flags.hpp"
#include "cli/command_output.hpp"
#include "cli/subcommands.hpp"
#include "session/session_file.hpp"
#include "session/session_state.hpp"
#include "support/run_process.hpp"

namespace actviz::cli {
namespace {

CommandOutput run(const std::string& name, std::vector<std::string> args) {
    return run_command(name, args);
}

std::string last_line(const std::string& text) {
    const auto end = text.find_last_not_of('\n');
    const auto start = text.rfind('\n', end);
    return text.substr(start == std::string::npos ? 0 : start + 1, end - (start == std::string::npos ? 0 : start + 1) + 1);
}

class SessionCommand : public ::testing::Test {
   protected:
    void SetUp() override {
        session::Session& s = scene;
        s.classifier.data.points = 240;
        s.classifier.architecture.hidden = {10};
        s.classifier.architecture.seed = 5;
        s.classifier.architecture.gain = 1.5;
        s.classifier.hyper.batch = 24;
        s.classifier.hyper.learning_rate = 0.03;
        s.gradflow.simulation.depth = 12;
        s.gradflow.simulation.width = 16;
        s.gradflow.simulation.batch = 32;
        s.gradflow.simulation.curves[0].gain = 1.25f;
        s.gradflow.simulation.curves.push_back(s.gradflow.simulation.curves[0]);
        s.gradflow.simulation.curves[1].activation = activation_index(*find_activation("relu"));
        s.gradflow.simulation.curves[1].init = InitScheme::HeNormal;
        // Trained as the app trains: float32 passes, mini-batches, history recorded along the way.
        trainer = std::make_unique<Trainer>(make_dataset(app::to_dataset_config(s.classifier)),
                                            app::to_trainer_config(s.classifier));
        for (int i = 0; i < 7; ++i) trainer->step(10);
        s.classifier_state = session::capture_state(*trainer);
        ASSERT_FALSE(session::save_session_file(path, scene));
    }
    void TearDown() override { std::filesystem::remove(path); }

    session::Session scene;
    std::unique_ptr<Trainer> trainer;
    const std::string path = test::temp_path("scene.json");
};

TEST_F(SessionCommand, TrainReproducesTheSessionsHistory) {
    const CommandOutput r = run("train", {"--session", path, "--every", "10"});
    ASSERT_EQ(r.status, 0) << r.err;
    const HistoryRecord& saved = trainer->history().back();
    EXPECT_EQ(saved.step, 70);
    EXPECT_EQ(last_line(r.out), "70," + format_number(saved.train_loss) + "," + format_number(saved.train_accuracy) +
                                    "," + format_number(*saved.test_loss) + "," +
                                    format_number(*saved.test_accuracy) + "," + format_number(saved.dead_fraction));
}

TEST_F(SessionCommand, GradflowGivesWhatTheSameFlagsGive) {
    const CommandOutput from_session = run("gradflow", {"--session", path});
    const CommandOutput typed = run("gradflow", {"--depth", "12", "--width", "16", "--batch", "32", "--activation",
                                                 "sigmoid", "--gain", "1.25"});
    ASSERT_EQ(from_session.status, 0) << from_session.err;
    EXPECT_EQ(from_session.out, typed.out);
    const CommandOutput second = run("gradflow", {"--session", path, "--curve", "2"});
    const CommandOutput relu = run("gradflow", {"--depth", "12", "--width", "16", "--batch", "32", "--activation",
                                                "relu", "--init", "he_normal", "--gain", "1.25"});
    EXPECT_EQ(second.out, relu.out);
}

TEST_F(SessionCommand, ExplicitFlagsWin) {
    const CommandOutput deeper = run("gradflow", {"--session", path, "--depth", "3", "--activation", "tanh"});
    ASSERT_EQ(deeper.status, 0) << deeper.err;
    const CommandOutput typed = run("gradflow", {"--depth", "3", "--width", "16", "--batch", "32", "--activation",
                                                 "tanh", "--gain", "1.25"});
    EXPECT_EQ(deeper.out, typed.out);
    const CommandOutput shorter = run("train", {"--session", path, "--steps", "20", "--every", "20"});
    EXPECT_EQ(last_line(shorter.out).substr(0, 3), "20,");
}

TEST(SessionCommandErrors, BadSessionsExitTwoInOneLine) {
    const std::string bad = test::temp_path("bad.json");
    {
        std::ofstream(bad) << R"({"actviz_session": 1, "gradflow": {"width": -3}})";
    }
    const test::ProcessResult r = test::run_process(test::actviz_binary() + " gradflow --session " + bad);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("gradflow.width: must be an integer from 1 to 1024, got -3"), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    const test::ProcessResult missing = test::run_process(test::actviz_binary() + " train --session /nonexistent/x.json");
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_NE(missing.err.find("No such file or directory"), std::string::npos) << missing.err;
    std::filesystem::remove(bad);
}

}  // namespace
}  // namespace actviz::cli

namespace actviz::cli {
namespace {

// Refused up front, not attempted: the process answers at once instead of allocating 75 GB.
TEST(MemoryBudgetCommand, OversizedRunsAreRefusedWithTheEstimate) {
    const test::ProcessResult huge = test::run_process(test::actviz_binary() +
                                                       " gradflow --depth 1000 --width 1024 --batch 4096 --activation relu");
    EXPECT_EQ(huge.exit_code, 2);
    EXPECT_NE(huge.err.find("depth 1000 × width 1024 × batch 4096 in double needs about"), std::string::npos) << huge.err;
    EXPECT_NE(huge.err.find("over the memory budget of 2 GiB"), std::string::npos) << huge.err;
    const test::ProcessResult small_budget = test::run_process(
        test::actviz_binary() + " train --dataset spiral --points 20000 --hidden 64,64 --activation relu --optimizer adam"
                                " --lr 0.01 --steps 1 --memory-budget 16MiB");
    EXPECT_EQ(small_budget.exit_code, 2);
    EXPECT_NE(small_budget.err.find("over the memory budget of 16 MiB"), std::string::npos) << small_budget.err;
    const test::ProcessResult bad = test::run_process(test::actviz_binary() +
                                                      " gradflow --depth 2 --width 2 --activation relu --memory-budget 1KB");
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_NE(bad.err.find("--memory-budget expects"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace actviz::cli

#include <nlohmann/json.hpp>

namespace actviz::cli {
namespace {

TEST(WeightsExport, TrainWritesTheWeightsItTrained) {
    const std::string path = test::temp_path("weights.json");
    const CommandOutput r = run("train", {"--dataset", "xor", "--hidden", "4", "--activation", "relu", "--optimizer",
                                          "adam", "--lr", "0.05", "--steps", "30", "--features", "x2", "--weights", path});
    ASSERT_EQ(r.status, 0) << r.err;
    std::ifstream in(path);
    const nlohmann::json w = nlohmann::json::parse(in);
    EXPECT_EQ(w["inputs"], nlohmann::json({"x", "y", "x2"}));
    ASSERT_EQ(w["layers"].size(), 2u);
    EXPECT_EQ(w["layers"][0]["activation"], "relu");
    EXPECT_EQ(w["layers"][0]["weight"].size(), 4u);     // out × in: 4 rows
    EXPECT_EQ(w["layers"][0]["weight"][0].size(), 3u);  // of 3 inputs
    EXPECT_EQ(w["layers"][1]["bias"].size(), 2u);       // xor: 2 classes
    // The same run in-process: the exported numbers are its weights, exactly.
    DatasetConfig data;
    data.kind = DatasetKind::Xor;
    data.noise = dataset_info(DatasetKind::Xor).default_noise;  // what train uses without --noise
    data.classes = 2;
    TrainerConfig config;
    config.model.hidden = {4};
    config.model.classes = 2;
    config.model.features.x_squared = true;
    config.model.activations = {{find_activation("relu"), find_activation("relu")->defaults()}};
    config.optimizer.learning_rate = 0.05;
    Trainer trainer(make_dataset(data), config);
    trainer.step(30);
    EXPECT_EQ(w["layers"][0]["weight"][2][1].get<double>(), trainer.mlp().weight(0)(2, 1));
    EXPECT_EQ(w["layers"][1]["bias"][1].get<double>(), trainer.mlp().bias(1)[1]);
    std::filesystem::remove(path);
}

}  // namespace
}  // namespace actviz::cli
