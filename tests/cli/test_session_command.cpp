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
        trainer = std::make_unique<Trainer>(make_dataset(settings::to_dataset_config(s.classifier)),
                                            settings::to_trainer_config(s.classifier));
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

// μ and Nesterov travel with the session: without them SGD with momentum used the default μ = 0.9.
TEST_F(SessionCommand, TrainReproducesAMomentumSessionsHistory) {
    session::Session& s = scene;
    s.classifier.hyper.optimizer = OptimizerKind::Momentum;
    s.classifier.hyper.momentum = 0.5;
    s.classifier.hyper.nesterov = true;
    trainer = std::make_unique<Trainer>(make_dataset(settings::to_dataset_config(s.classifier)),
                                        settings::to_trainer_config(s.classifier));
    for (int i = 0; i < 7; ++i) trainer->step(10);
    s.classifier_state = session::capture_state(*trainer);
    ASSERT_FALSE(session::save_session_file(path, scene));
    const CommandOutput r = run("train", {"--session", path, "--every", "10"});
    ASSERT_EQ(r.status, 0) << r.err;
    const HistoryRecord& saved = trainer->history().back();
    EXPECT_EQ(last_line(r.out), "70," + format_number(saved.train_loss) + "," + format_number(saved.train_accuracy) +
                                    "," + format_number(*saved.test_loss) + "," +
                                    format_number(*saved.test_accuracy) + "," + format_number(saved.dead_fraction));
    const CommandOutput default_mu = run("train", {"--session", path, "--every", "10", "--momentum", "0.9"});
    ASSERT_EQ(default_mu.status, 0) << default_mu.err;
    EXPECT_NE(last_line(default_mu.out), last_line(r.out));  // μ matters: the flag given wins
}

TEST(MomentumFlag, OutOfRangeOrWithoutMomentumIsRefused) {
    const std::vector<std::string> base{"--dataset", "xor", "--hidden", "4", "--activation", "tanh",
                                        "--lr", "0.1", "--steps", "5"};
    auto with = [&](std::vector<std::string> extra) {
        std::vector<std::string> args = base;
        args.insert(args.end(), extra.begin(), extra.end());
        return run("train", args);
    };
    EXPECT_EQ(with({"--optimizer", "momentum", "--momentum", "0.5"}).status, 0);
    for (const char* bad : {"1.5", "-0.1", "nan", "1"}) {
        const CommandOutput r = with({"--optimizer", "momentum", "--momentum", bad});
        EXPECT_EQ(r.status, 2) << bad;
        EXPECT_NE(r.err.find("--momentum"), std::string::npos) << r.err;
    }
    const CommandOutput adam = with({"--optimizer", "adam", "--momentum", "0.5"});
    EXPECT_EQ(adam.status, 2);
    EXPECT_NE(adam.err.find("applies only to --optimizer momentum"), std::string::npos) << adam.err;
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

// A session whose points were edited by hand, as the Classifier panel's mouse tools edit them
// (ClassifierLive::add_point / erase_near: the trainer keeps its weights and takes the new points).
class EditedPointsSession : public ::testing::Test {
   protected:
    void SetUp() override {
        s.classifier.data.points = 240;  // spiral, 3 classes
        s.classifier.architecture.hidden = {8};
        s.classifier.architecture.seed = 4;
        s.classifier.hyper.learning_rate = 0.03;
        Trainer panel(make_dataset(settings::to_dataset_config(s.classifier)), settings::to_trainer_config(s.classifier));
        panel.step(15);
        Dataset data = panel.data();
        // The erase tool on every point of class 2, the add tool for a cluster of class 0 far out.
        std::vector<Point> third;
        for (const auto* set : {&data.train, &data.test}) {
            for (const Point& p : *set) {
                if (p.label == 2) third.push_back(p);
            }
        }
        for (const Point& p : third) erase_points_near(data, p.x, p.y, 1e-9);
        for (int i = 0; i < 12; ++i) add_point(data, {1.5 + 0.01 * i, -1.5, 0}, i % 4 == 0);
        panel.set_data(data);
        panel.step(15);
        edited = panel.data();
        steps = panel.steps();
        s.classifier_state = session::capture_state(panel);
        ASSERT_FALSE(session::save_session_file(path, s));
    }
    void TearDown() override { std::filesystem::remove(path); }

    // Steps in chunks of `every` as the command does, and its CSV rows (header first).
    static std::vector<std::vector<std::string>> rows_of(Trainer& trainer, std::int64_t steps, int every) {
        while (trainer.steps() < steps)
            trainer.step(static_cast<int>(std::min<std::int64_t>(every, steps - trainer.steps())));
        std::string csv = "step,train_loss,train_accuracy,test_loss,test_accuracy,dead_fraction\n";
        for (const HistoryRecord& r : trainer.history()) {
            csv += std::to_string(r.step) + "," + format_number(r.train_loss) + "," + format_number(r.train_accuracy) +
                   "," + format_number(*r.test_loss) + "," + format_number(*r.test_accuracy) + "," +
                   format_number(r.dead_fraction) + "\n";
        }
        return csv_rows(csv);
    }

    session::Session s;
    Dataset edited;
    std::int64_t steps = 0;
    const std::string path = test::temp_path("edited.json");
};

TEST_F(EditedPointsSession, TrainUsesTheSessionsPointsWithTheHandEdits) {
    const CommandOutput r = run("train", {"--session", path, "--every", "10"});
    ASSERT_EQ(r.status, 0) << r.err;
    const auto rows = csv_rows(r.out);
    // The app's own path: the session restored as File > Open restores it, then Reset (weights from
    // the seed, hand-edited points kept) and the same steps.
    session::ParseResult loaded = session::load_session_file(path);
    ASSERT_TRUE(loaded.loaded && loaded.loaded->trainer) << loaded.error;
    Trainer& app_trainer = *loaded.loaded->trainer;
    ASSERT_EQ(app_trainer.data().train.size() + app_trainer.data().test.size(),
              edited.train.size() + edited.test.size());
    app_trainer.reset();
    EXPECT_EQ(rows, rows_of(app_trainer, steps, 10));
    // A Trainer built in-process on those points from the seed reports the very same numbers.
    Trainer fresh(edited, settings::to_trainer_config(s.classifier));
    EXPECT_EQ(rows, rows_of(fresh, steps, 10));
    // And they are not the generator's: its points still hold class 2 and lack the added cluster.
    Trainer generated(make_dataset(settings::to_dataset_config(s.classifier)), settings::to_trainer_config(s.classifier));
    ASSERT_NE(generated.data().train.size() + generated.data().test.size(), edited.train.size() + edited.test.size());
    const auto generated_rows = rows_of(generated, steps, 10);
    ASSERT_EQ(generated_rows.size(), rows.size());
    EXPECT_NE(rows[1], generated_rows[1]);  // step 0: the same weights judged on other points
    EXPECT_NE(rows.back(), generated_rows.back());
}

TEST_F(EditedPointsSession, DatasetFlagsGivenExplicitlyDrawNewPoints) {
    // Even with the session's own values: naming a dataset flag asks for generated points, as the
    // panel regenerates them (and drops the hand edits) when its dataset or seed changes.
    Trainer generated(make_dataset(settings::to_dataset_config(s.classifier)), settings::to_trainer_config(s.classifier));
    const auto generated_rows = rows_of(generated, steps, 10);
    for (const std::vector<std::string>& flag : std::vector<std::vector<std::string>>{
             {"--points", "240"}, {"--seed", "4"}, {"--noise", "0.2"}, {"--dataset", "spiral"}}) {
        std::vector<std::string> args{"--session", path, "--every", "10"};
        args.insert(args.end(), flag.begin(), flag.end());
        const CommandOutput r = run("train", args);
        ASSERT_EQ(r.status, 0) << flag[0] << ": " << r.err;
        EXPECT_EQ(csv_rows(r.out), generated_rows) << flag[0];
    }
    // Flags that leave the data alone keep the session's points.
    const CommandOutput slower = run("train", {"--session", path, "--every", "10", "--lr", "0.01"});
    ASSERT_EQ(slower.status, 0) << slower.err;
    TrainerConfig config = settings::to_trainer_config(s.classifier);
    config.optimizer.learning_rate = 0.01;
    Trainer fresh(edited, config);
    EXPECT_EQ(csv_rows(slower.out), rows_of(fresh, steps, 10));
}

TEST_F(EditedPointsSession, ABatchLargerThanTheErasedDownTrainingSetIsAFullBatch) {
    // The panel's batch of 24 over 10 training points left after erasing: the panel trains full
    // batches, so the command must too rather than refuse the session's own batch.
    s.classifier.hyper.batch = 24;
    Trainer panel(edited, settings::to_trainer_config(s.classifier));
    Dataset few = edited;
    few.train.resize(10);
    panel.set_data(few);
    panel.step(5);
    s.classifier_state = session::capture_state(panel);
    ASSERT_FALSE(session::save_session_file(path, s));
    const CommandOutput r = run("train", {"--session", path, "--every", "5"});
    ASSERT_EQ(r.status, 0) << r.err;
    Trainer fresh(few, settings::to_trainer_config(s.classifier));
    EXPECT_EQ(csv_rows(r.out), rows_of(fresh, 5, 5));
    // Typed, that batch is still refused: it names more points than there are.
    const CommandOutput typed = run("train", {"--session", path, "--batch", "24"});
    EXPECT_EQ(typed.status, 2);
    EXPECT_NE(typed.err.find("--batch 24 exceeds the 10 training points"), std::string::npos) << typed.err;
}

TEST_F(EditedPointsSession, NoTrainingPointsLeftIsRefusedInOneLine) {
    Trainer panel(edited, settings::to_trainer_config(s.classifier));
    Dataset none = edited;
    none.train.clear();  // every training point erased, the test points kept
    panel.set_data(none);
    s.classifier_state = session::capture_state(panel);
    ASSERT_FALSE(session::save_session_file(path, s));
    const CommandOutput r = run("train", {"--session", path, "--steps", "10"});
    EXPECT_EQ(r.status, 2);
    EXPECT_TRUE(r.out.empty());
    EXPECT_EQ(r.err, "actviz train: the session's training points were all erased: nothing to train on\n");
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
