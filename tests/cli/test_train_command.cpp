// actviz train: the CSV a script reads, divergence as exit 3 without NaN rows, one-line refusals.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/command_output.hpp"
#include "cli/subcommands.hpp"
#include "core/trainer.hpp"
#include "support/run_process.hpp"
#include "support/temp_folder.hpp"

namespace actviz::cli {
namespace {

CommandOutput train(std::vector<std::string> args) {
    return run_command("train", args);
}

const std::vector<std::string> kTrainHeader{"step",      "train_loss",    "train_accuracy",
                                       "test_loss", "test_accuracy", "dead_fraction"};

TEST(TrainCommand, PrintsRowsAtZeroEveryKAndTheLastStepMatchingTheCore) {
    const CommandOutput result =
        train({"--dataset", "spiral", "--points", "300", "--hidden", "16,16", "--activation", "tanh", "--optimizer",
               "adam", "--lr", "0.01", "--steps", "250", "--every", "100", "--seed", "3"});
    ASSERT_EQ(result.status, 0) << result.err;
    EXPECT_TRUE(result.err.empty());
    const auto rows = csv_rows(result.out);
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_EQ(rows[0], kTrainHeader);
    EXPECT_EQ(rows[1][0], "0");
    EXPECT_EQ(rows[2][0], "100");
    EXPECT_EQ(rows[3][0], "200");
    EXPECT_EQ(rows[4][0], "250");
    // The same run through the core gives the same numbers (%.17g round-trips).
    DatasetConfig data;
    data.points = 300;
    data.seed = 3;
    TrainerConfig config;
    config.model.seed = 3;
    Trainer trainer(make_dataset(data), config);
    trainer.step(100);
    trainer.step(100);
    trainer.step(50);
    EXPECT_EQ(std::stod(rows[4][1]), trainer.history().back().train_loss);
    EXPECT_EQ(std::stod(rows[4][4]), *trainer.history().back().test_accuracy);
    EXPECT_GT(std::stod(rows[4][2]), std::stod(rows[1][2]));  // it learns
}

TEST(TrainCommand, HistogramsFileHoldsTheCoresNumbersAtTheRowsSteps) {
    // The dying-ReLU run (Adam at lr 1): the CSV a script plots is the panel's histograms, count for count.
    testing::TempFolder folder;
    const std::string path = (folder.path / "z.csv").string();
    const CommandOutput result =
        train({"--dataset", "spiral", "--points", "300", "--hidden", "16,16", "--activation", "relu", "--init",
               "he_uniform", "--optimizer", "adam", "--lr", "1", "--steps", "50", "--every", "25", "--seed", "3",
               "--histograms", path});
    ASSERT_EQ(result.status, 0) << result.err;
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    const auto rows = csv_rows(text.str());
    ASSERT_EQ(rows[0], (std::vector<std::string>{"layer", "bin_left", "bin_right", "count", "step"}));
    const size_t per_step = 2 * (kZHistogramBins + 2);  // two layers, each with its under- and overflow
    ASSERT_EQ(rows.size(), 1 + 3 * per_step);           // steps 0, 25, 50

    DatasetConfig data;
    data.points = 300;
    data.seed = 3;
    TrainerConfig config;
    config.model.seed = 3;
    config.model.activations = {{find_activation("relu"), {}}};
    config.model.init = InitScheme::HeUniform;
    config.optimizer.learning_rate = 1;
    Trainer trainer(make_dataset(data), config);
    for (int block = 0; block < 3; ++block) {
        if (block > 0) trainer.step(25);
        for (size_t h = 0; h < 2; ++h) {
            const LayerZHistogram& histogram = trainer.z_histograms()[h];
            const size_t first = 1 + static_cast<size_t>(block) * per_step + h * (kZHistogramBins + 2);
            EXPECT_EQ(rows[first][0], std::to_string(h + 1));
            EXPECT_EQ(rows[first][1], "-inf");
            EXPECT_EQ(std::stoll(rows[first][3]), histogram.layer.underflow);
            EXPECT_EQ(std::stoll(rows[first][4]), block * 25);
            EXPECT_EQ(rows[first + 1 + kZHistogramBins / 2][1], "0") << "the middle edge, ReLU's kink, is 0";
            for (int i = 0; i < kZHistogramBins; ++i) {
                const auto& row = rows[first + 1 + static_cast<size_t>(i)];
                EXPECT_EQ(std::stod(row[1]), histogram.bin_left(i));
                EXPECT_EQ(std::stoll(row[3]), histogram.layer.bins[static_cast<size_t>(i)]) << "step " << block * 25;
            }
            EXPECT_EQ(std::stod(rows[first + kZHistogramBins][2]), histogram.hi);
            EXPECT_EQ(std::stoll(rows[first + kZHistogramBins + 1][3]), histogram.layer.overflow);
        }
    }
}

TEST(TrainCommand, NoHiddenLayerAndNoTestSetAreAllowed) {
    for (const char* hidden : {"", "0"}) {
        const CommandOutput result =
            train({"--dataset", "gaussians",   "--classes",    "4",    "--hidden", hidden,    "--activation",
                   "relu",      "--optimizer", "sgd",          "--lr", "0.5",      "--steps", "3",
                   "--every",   "1",           "--test-ratio", "0",    "--batch",  "8"});
        ASSERT_EQ(result.status, 0) << result.err;
        const auto rows = csv_rows(result.out);
        ASSERT_EQ(rows.size(), 5u);
        EXPECT_EQ(rows[1][3], "");   // no test set: empty test columns
        EXPECT_EQ(rows[1][5], "0");  // no hidden units: nothing is dead
    }
}

TEST(TrainCommand, DeadReluIsReported) {
    const CommandOutput result = train({"--dataset", "spiral", "--hidden", "16,16", "--activation", "relu", "--bias",
                                        "-5", "--optimizer", "adam", "--lr", "0.01", "--steps", "10"});
    ASSERT_EQ(result.status, 0) << result.err;
    const auto rows = csv_rows(result.out);
    EXPECT_GE(std::stod(rows.back()[5]), 0.9);
}

TEST(TrainCommand, DivergenceExitsThreeWithOneLineAndNoNanRows) {
    const CommandOutput result = train({"--dataset", "spiral", "--hidden", "16,16", "--activation", "leaky_relu",
                                        "--optimizer", "sgd", "--lr", "10000", "--steps", "100", "--every", "1"});
    EXPECT_EQ(result.status, 3);
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1);
    EXPECT_NE(result.err.find("diverged at step"), std::string::npos);
    EXPECT_NE(result.err.find("learning rate"), std::string::npos);
    const auto rows = csv_rows(result.out);
    ASSERT_GE(rows.size(), 2u);
    EXPECT_LT(rows.size(), 101u);
    for (size_t i = 1; i < rows.size(); ++i) {
        for (const std::string& field : rows[i]) {
            EXPECT_EQ(field.find("nan"), std::string::npos) << i;
            EXPECT_EQ(field.find("inf"), std::string::npos) << i;
        }
    }
}

// dead_fraction is "dead or saturated" by the activation's rule, and the help says so: tanh has no
// zero-slope point, so a share it reports above 0 can only be saturated units (a bias of 5 saturates them).
TEST(TrainCommand, DeadFractionIsSaturationForTanhAndTheHelpSaysSo) {
    const std::string help = train({"--help"}).out;
    EXPECT_NE(help.find("dead_fraction     hidden units inactive at every training point"), std::string::npos) << help;
    EXPECT_NE(help.find("saturated (|f'| < 1% of max|f'|)"), std::string::npos) << help;
    const CommandOutput result = train({"--dataset", "spiral", "--hidden", "16,16", "--activation", "tanh",
                                        "--bias", "5", "--optimizer", "adam", "--lr", "0.01", "--steps", "1"});
    ASSERT_EQ(result.status, 0) << result.err;
    const auto rows = csv_rows(result.out);
    EXPECT_GT(std::stod(rows[1][5]), 0);
    const Activation& tanh = *find_activation("tanh");
    for (double x = -10; x <= 10; x += 0.01) EXPECT_NE(tanh.df(x, tanh.defaults()), 0) << x;  // the rule samples [−10, 10]
}

// ReLU with SGD at lr 10⁴: every unit dies and the loss climbs into the thousands, finite. That is
// a divergence too (issue 13): exit 3, one line naming the blow-up and a smaller learning rate.
TEST(TrainCommand, AFiniteBlowUpExitsThreeLikeNaN) {
    const CommandOutput result = train({"--dataset", "spiral", "--hidden", "16,16", "--activation", "relu",
                                        "--optimizer", "sgd", "--lr", "10000", "--steps", "300", "--every", "100"});
    EXPECT_EQ(result.status, 3) << result.out;
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
    EXPECT_NE(result.err.find("diverged at step"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("blew up"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("Try a learning rate of 1000 or lower"), std::string::npos) << result.err;
    const auto rows = csv_rows(result.out);
    ASSERT_GE(rows.size(), 3u);  // step 0, then the step whose loss blew up
    EXPECT_LT(rows.size(), 5u);  // and nothing after it
    const double start = std::stod(rows[1][1]);
    EXPECT_GT(std::stod(rows.back()[1]), kLossBlowUpFactor * std::max(start, std::log(3.0)));
    for (size_t i = 1; i + 1 < rows.size(); ++i) {
        EXPECT_LE(std::stod(rows[i][1]), kLossBlowUpFactor * std::max(start, std::log(3.0))) << i;
    }
}

TEST(TrainCommand, BadValuesExitTwoWithOneLineNamingThem) {
    const std::vector<std::string> base{"--dataset",   "xor",  "--hidden", "4",    "--activation", "tanh",
                                        "--optimizer", "adam", "--lr",     "0.01", "--steps",      "5"};
    struct Case {
        std::vector<std::string> change;
        std::string mention;
    };
    for (const Case& c : std::vector<Case>{{{"--dataset", "mnist"}, "--dataset"},
                                           {{"--classes", "3"}, "--classes"},
                                           {{"--hidden", "16,x"}, "--hidden"},
                                           {{"--hidden", "65"}, "--hidden"},
                                           {{"--hidden", "1,1,1,1,1,1,1,1,1"}, "--hidden"},
                                           {{"--activation", "swishy"}, "swishy"},
                                           {{"--alpha", "0.1"}, "--alpha"},
                                           {{"--optimizer", "lbfgs"}, "--optimizer"},
                                           {{"--lr", "0"}, "--lr"},
                                           {{"--lr", "nan"}, "--lr"},
                                           {{"--batch", "100000"}, "--batch"},
                                           {{"--points", "1"}, "--points"},
                                           {{"--noise", "-1"}, "--noise"},
                                           {{"--test-ratio", "0.95"}, "--test-ratio"},
                                           {{"--l2", "-1"}, "--l2"},
                                           {{"--init", "zeros"}, "--init"},
                                           {{"--features", "x3"}, "x3"},
                                           {{"--nesterov"}, "--nesterov"},
                                           {{"--every", "0"}, "--every"},
                                           {{"--steps", "-1"}, "--steps"}}) {
        std::vector<std::string> args = base;
        for (size_t i = 0; i < c.change.size(); i += 2) {
            const auto it = std::find(args.begin(), args.end(), c.change[i]);
            if (it != args.end() && i + 1 < c.change.size()) {
                *(it + 1) = c.change[i + 1];
            } else {
                args.push_back(c.change[i]);
                if (i + 1 < c.change.size()) args.push_back(c.change[i + 1]);
            }
        }
        const CommandOutput result = train(args);
        EXPECT_EQ(result.status, 2) << c.mention;
        EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
        EXPECT_NE(result.err.find(c.mention), std::string::npos) << result.err;
        EXPECT_TRUE(result.out.empty()) << c.mention;
    }
    const CommandOutput missing = train({"--dataset", "xor"});
    EXPECT_EQ(missing.status, 2);
    EXPECT_NE(missing.err.find("is missing"), std::string::npos);
}

TEST(TrainCommand, TheBinaryTrainsAndSignalsDivergence) {
    const test::ProcessResult ok = test::run_process(
        test::actviz_binary() +
        " train --dataset moons --hidden 8 --activation gelu --optimizer rmsprop --lr 0.01 --steps 20 --every 10");
    EXPECT_EQ(ok.exit_code, 0) << ok.err;
    EXPECT_EQ(std::count(ok.out.begin(), ok.out.end(), '\n'), 4);
    const test::ProcessResult diverged = test::run_process(
        test::actviz_binary() +
        " train --dataset spiral --hidden 16,16 --activation identity --optimizer momentum --lr 10000 --steps 50");
    EXPECT_EQ(diverged.exit_code, 3) << diverged.err;
}

}  // namespace
}  // namespace actviz::cli
