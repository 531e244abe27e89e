// actviz bakeoff: the CSV a script reads (rows per contestant, then the summary), lockstep visible
// in the numbers, a summary consistent with the rows, one-line refusals.

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "cli/command_output.hpp"
#include "cli/subcommands.hpp"
#include "core/bakeoff.hpp"
#include "core/memory_budget.hpp"
#include "support/run_process.hpp"

namespace actviz::cli {
namespace {

CommandOutput bakeoff(std::vector<std::string> args) {
    return run_command("bakeoff", args);
}

using Rows = std::vector<std::vector<std::string>>;

std::vector<std::string> fields_of(const std::string& line) {
    std::vector<std::string> fields;
    std::istringstream items(line);
    for (std::string field; std::getline(items, field, ',');) fields.push_back(field);
    if (!line.empty() && line.back() == ',') fields.emplace_back();
    return fields;
}

// The three blocks of the output: history rows and summary rows, each with its header first, then
// the verdict's comment lines (kept whole, without their "# ").
struct Blocks {
    Rows history, summary;
    std::vector<std::string> verdict;
};

Blocks blocks_of(const std::string& text) {
    Blocks blocks;
    Rows* current = &blocks.history;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        if (line.empty()) {
            current = &blocks.summary;
            continue;
        }
        if (line.starts_with("# ")) {
            blocks.verdict.push_back(line.substr(2));
            continue;
        }
        EXPECT_TRUE(blocks.verdict.empty()) << "a CSV row after the verdict: " << line;
        current->push_back(fields_of(line));
    }
    return blocks;
}

const std::vector<std::string> kBakeoffHeader{"activation",    "seed",          "step",
                                       "train_loss",    "train_accuracy", "test_loss",
                                       "test_accuracy", "dead_fraction", "first_last_grad_ratio"};
const std::vector<std::string> kSummaryHeader{"activation",         "steps_to_90",           "steps_to_95",
                                              "best_test_accuracy", "final_train_loss",      "best_test_accuracy_low",
                                              "best_test_accuracy_high"};

TEST(BakeoffCommand, RowsPerContestantAtZeroEveryEAndTheLastStepThenTheSummary) {
    const CommandOutput result =
        bakeoff({"--dataset", "spiral", "--points", "300", "--hidden", "16,16", "--activations", "tanh,relu,sigmoid",
                 "--optimizer", "adam", "--lr", "0.02", "--steps", "250", "--every", "100", "--seeds", "2"});
    ASSERT_EQ(result.status, 0) << result.err;
    EXPECT_TRUE(result.err.empty());
    const Blocks blocks = blocks_of(result.out);
    ASSERT_EQ(blocks.history.size(), 1u + 3 * 2 * 4);  // 3 activations × 2 seeds × steps 0, 100, 200, 250
    EXPECT_EQ(blocks.history[0], kBakeoffHeader);
    const std::vector<std::string> names{"tanh", "relu", "sigmoid"};
    const std::vector<std::string> steps{"0", "100", "200", "250"};
    for (size_t i = 1; i < blocks.history.size(); ++i) {
        const auto& row = blocks.history[i];
        ASSERT_EQ(row.size(), kBakeoffHeader.size());
        const size_t contestant = (i - 1) / 4;
        EXPECT_EQ(row[0], names[contestant % 3]);
        EXPECT_EQ(row[1], std::to_string(contestant / 3));  // seeds 0 and 1
        EXPECT_EQ(row[2], steps[(i - 1) % 4]);
        const double accuracy = std::stod(row[4]);
        EXPECT_GE(accuracy, 0.0);
        EXPECT_LE(accuracy, 1.0);
        EXPECT_GT(std::stod(row[8]), 0.0);  // a gradient ratio is present and positive
    }
    ASSERT_EQ(blocks.summary.size(), 4u);
    EXPECT_EQ(blocks.summary[0], kSummaryHeader);
    for (size_t a = 0; a < 3; ++a) {
        const auto& row = blocks.summary[a + 1];
        ASSERT_EQ(row.size(), kSummaryHeader.size());
        EXPECT_EQ(row[0], names[a]);
        // final_train_loss is the mean over the seeds of each contestant's last row.
        double sum = 0;
        double best_test = 0;
        for (size_t seed = 0; seed < 2; ++seed) {
            const size_t first = 1 + (seed * 3 + a) * 4;
            sum += std::stod(blocks.history[first + 3][3]);
            double best = 0;
            for (size_t r = first; r < first + 4; ++r) best = std::max(best, std::stod(blocks.history[r][6]));
            best_test += best;
        }
        EXPECT_DOUBLE_EQ(std::stod(row[4]), sum / 2);
        EXPECT_DOUBLE_EQ(std::stod(row[3]), best_test / 2);
    }
}

// The verdict after the tables: final (every seed at --steps), and its winners are the summary's
// best rows, computed here from the CSV alone.
TEST(BakeoffCommand, PrintsTheVerdictAfterTheTablesNamingTheSummarysBest) {
    const CommandOutput result =
        bakeoff({"--dataset", "spiral", "--points", "400", "--hidden", "16,16", "--activations",
                 "sigmoid,tanh,relu,gelu", "--optimizer", "adam", "--lr", "0.02", "--steps", "200", "--every", "50",
                 "--seeds", "2"});
    ASSERT_EQ(result.status, 0) << result.err;
    EXPECT_TRUE(result.err.empty()) << result.err;
    const Blocks blocks = blocks_of(result.out);
    ASSERT_EQ(blocks.summary.size(), 5u);
    ASSERT_EQ(blocks.verdict.size(), 4u) << result.out;
    EXPECT_EQ(blocks.verdict[0], "verdict at step 200 over 2 seeds and 80 test points, final: every seed at the step budget");
    // Every contestant's last row is at the budget.
    std::map<std::string, std::string> last_step;
    for (size_t r = 1; r < blocks.history.size(); ++r) last_step[blocks.history[r][0] + blocks.history[r][1]] = blocks.history[r][2];
    for (const auto& [contestant, step] : last_step) EXPECT_EQ(step, "200") << contestant;
    // The best of each summary column, from the CSV.
    std::string fastest, accurate, lowest;
    double best90 = 1e18, best_test = -1, best_loss = 1e18;
    for (size_t r = 1; r < blocks.summary.size(); ++r) {
        const auto& row = blocks.summary[r];
        ASSERT_EQ(row.size(), kSummaryHeader.size());
        if (!row[1].empty() && std::stod(row[1]) < best90) best90 = std::stod(row[1]), fastest = row[0];
        if (std::stod(row[3]) > best_test) best_test = std::stod(row[3]), accurate = row[0];
        if (std::stod(row[4]) < best_loss) best_loss = std::stod(row[4]), lowest = row[0];
        // The interval is around the mean best test accuracy, inside [0, 1].
        EXPECT_LE(std::stod(row[5]), std::stod(row[3]));
        EXPECT_GE(std::stod(row[6]), std::stod(row[3]));
        EXPECT_GE(std::stod(row[5]), 0.0);
        EXPECT_LE(std::stod(row[6]), 1.0);
    }
    ASSERT_FALSE(fastest.empty());
    EXPECT_EQ(blocks.verdict[1].rfind("Fastest to 90% train accuracy: " + fastest + ",", 0), 0u) << blocks.verdict[1];
    EXPECT_EQ(blocks.verdict[2].rfind("Best test accuracy: " + accurate + ",", 0), 0u) << blocks.verdict[2];
    EXPECT_NE(blocks.verdict[2].find("95% interval"), std::string::npos) << blocks.verdict[2];
    EXPECT_NE(blocks.verdict[2].find("on 80 test points"), std::string::npos) << blocks.verdict[2];
    EXPECT_EQ(blocks.verdict[3].rfind("Lowest final train loss: " + lowest + ",", 0), 0u) << blocks.verdict[3];
    for (size_t i = 1; i < 4; ++i) EXPECT_NE(blocks.verdict[i].find("2 seeds"), std::string::npos) << blocks.verdict[i];
}

TEST(BakeoffCommand, ARepeatedActivationGivesIdenticalRowsAndSummary) {
    const CommandOutput result =
        bakeoff({"--dataset", "moons", "--hidden", "8,8", "--activations", "gelu,elu,gelu", "--optimizer", "sgd",
                 "--lr", "0.1", "--batch", "16", "--steps", "60", "--every", "20"});
    ASSERT_EQ(result.status, 0) << result.err;
    const Blocks blocks = blocks_of(result.out);
    ASSERT_EQ(blocks.history.size(), 1u + 3 * 4);
    for (size_t r = 0; r < 4; ++r) {
        EXPECT_EQ(blocks.history[1 + r], blocks.history[9 + r]) << r;  // gelu (1st) and gelu (3rd), field for field
        EXPECT_EQ(blocks.history[1 + r][2], blocks.history[5 + r][2]);  // elu in lockstep at the same steps
    }
    EXPECT_NE(blocks.history[4][3], blocks.history[8][3]);  // elu is another run
    ASSERT_EQ(blocks.summary.size(), 4u);
    EXPECT_EQ(std::vector<std::string>(blocks.summary[1].begin() + 1, blocks.summary[1].end()),
              std::vector<std::string>(blocks.summary[3].begin() + 1, blocks.summary[3].end()));
}

TEST(BakeoffCommand, MilestonesAreConsistentWithTheRowsAndUnreachedOnesAreEmpty) {
    // Every step is a row, so the summary's steps_to_90 (one seed) must be the first row at ≥ 90%.
    const CommandOutput result =
        bakeoff({"--dataset", "spiral", "--points", "300", "--test-ratio", "0", "--hidden", "16,16", "--activations",
                 "relu,sigmoid", "--optimizer", "adam", "--lr", "0.02", "--steps", "150", "--every", "1"});
    ASSERT_EQ(result.status, 0) << result.err;
    const Blocks blocks = blocks_of(result.out);
    ASSERT_EQ(blocks.summary.size(), 3u);
    for (size_t a = 0; a < 2; ++a) {
        std::string first90;
        for (size_t r = 1; r < blocks.history.size(); ++r) {
            const auto& row = blocks.history[r];
            if (row[0] == blocks.summary[a + 1][0] && first90.empty() && std::stod(row[4]) >= 0.9) first90 = row[2];
        }
        EXPECT_EQ(blocks.summary[a + 1][1], first90) << blocks.summary[a + 1][0];
        EXPECT_EQ(blocks.summary[a + 1][3], "");  // no test set, no best test accuracy
    }
    EXPECT_NE(blocks.summary[1][1], "");  // relu gets there within 150 steps
}

// A contestant whose loss blows up while staying finite is marked diverged as for NaN (issue 13):
// its own line on stderr, its rows stop there, exit 3; the others train on.
TEST(BakeoffCommand, AFiniteBlowUpMarksThatContestantDiverged) {
    const CommandOutput result = bakeoff({"--dataset", "spiral", "--hidden", "16,16", "--activations", "relu,tanh",
                                          "--optimizer", "sgd", "--lr", "10000", "--steps", "100", "--every", "50"});
    EXPECT_EQ(result.status, 3) << result.out;
    EXPECT_NE(result.err.find("actviz bakeoff: relu (seed 0): training diverged"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("blew up"), std::string::npos) << result.err;
    const Blocks blocks = blocks_of(result.out);
    int relu_rows = 0;
    for (size_t i = 1; i < blocks.history.size(); ++i) relu_rows += blocks.history[i][0] == "relu";
    EXPECT_LT(relu_rows, 3);  // step 0 and at most the blown-up record: not step 50 and 100
}

TEST(BakeoffCommand, BadValuesExitTwoWithOneLineNamingThem) {
    const std::vector<std::string> base{"--dataset",   "xor",  "--hidden", "4",    "--activations", "tanh,relu",
                                        "--optimizer", "adam", "--lr",     "0.01", "--steps",       "5"};
    struct Case {
        std::vector<std::string> change;
        std::string mention;
    };
    for (const Case& c : std::vector<Case>{{{"--activations", "tanh"}, "--activations"},
                                           {{"--activations", "a,b,c,d,e,f,g,h,i"}, "--activations"},
                                           {{"--activations", "relu,relu,relu,relu,relu,relu,relu,relu,relu"},
                                            "--activations"},
                                           {{"--activations", "relu,swishy"}, "swishy"},
                                           {{"--activations", "relu,"}, "--activations"},
                                           {{"--seeds", "0"}, "--seeds"},
                                           {{"--seeds", "x"}, "--seeds"},
                                           {{"--every", "0"}, "--every"},
                                           {{"--steps", "-1"}, "--steps"},
                                           {{"--lr", "nan"}, "--lr"},
                                           {{"--hidden", "4,x"}, "--hidden"},
                                           {{"--dataset", "mnist"}, "--dataset"},
                                           {{"--batch", "100000"}, "--batch"},
                                           {{"--alpha", "0.1"}, "--alpha"},
                                           {{"--activation", "relu"}, "--activation"},
                                           {{"--steps", "100000000", "--every", "1"}, "--every"},
                                           {{"--memory-budget", "1KB"}, "--memory-budget"}}) {
        std::vector<std::string> args = base;
        for (size_t i = 0; i < c.change.size(); i += 2) {
            const auto it = std::find(args.begin(), args.end(), c.change[i]);
            if (it != args.end()) {
                *(it + 1) = c.change[i + 1];
            } else {
                args.push_back(c.change[i]);
                args.push_back(c.change[i + 1]);
            }
        }
        const CommandOutput result = bakeoff(args);
        EXPECT_EQ(result.status, 2) << c.mention;
        EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
        EXPECT_NE(result.err.find(c.mention), std::string::npos) << result.err;
        EXPECT_TRUE(result.out.empty()) << c.mention;
    }
    const CommandOutput missing = bakeoff({"--dataset", "xor", "--hidden", "4"});
    EXPECT_EQ(missing.status, 2);
    EXPECT_NE(missing.err.find("is missing"), std::string::npos);
}

TEST(BakeoffCommand, AConfigurationOverTheMemoryBudgetIsRefusedUpFrontWithItsEstimate) {
    const auto contest = [](const char* seeds, const char* budget) {
        return bakeoff({"--dataset", "spiral", "--points", "4000", "--hidden", "32,32", "--activations",
                        "sigmoid,tanh,relu,gelu", "--optimizer", "adam", "--lr", "0.01", "--steps", "0", "--seeds",
                        seeds, "--memory-budget", budget});
    };
    const CommandOutput refused = contest("4", "64MiB");
    EXPECT_EQ(refused.status, 2);
    EXPECT_TRUE(refused.out.empty());
    EXPECT_EQ(std::count(refused.err.begin(), refused.err.end(), '\n'), 1) << refused.err;
    EXPECT_NE(refused.err.find("a bake-off of 16 contestants on 4000 points needs about"), std::string::npos)
        << refused.err;
    EXPECT_NE(refused.err.find("over the memory budget of 64 MiB"), std::string::npos) << refused.err;
    // The figure is the core's estimate for the contest the flags describe (the GUI's too).
    BakeoffConfig config;
    config.trainer.model.hidden = {32, 32};
    config.trainer.model.classes = 3;
    for (const char* name : {"sigmoid", "tanh", "relu", "gelu"}) {
        config.activations.push_back({find_activation(name), find_activation(name)->defaults()});
    }
    config.seeds = 4;
    DatasetConfig data;
    data.points = 4000;
    const Dataset points = make_dataset(data);
    const double bytes = estimate_bakeoff_bytes(config, points.train.size(), points.test.size(), 2);
    EXPECT_GT(bytes, 64.0 * (1 << 20));
    EXPECT_NE(refused.err.find("needs about " + format_bytes(bytes) + ","), std::string::npos) << refused.err;
    // A quarter of the contestants fits that budget; all of them fit a larger one.
    const CommandOutput one_seed = contest("1", "64MiB");
    EXPECT_EQ(one_seed.status, 0) << one_seed.err;
    const CommandOutput larger = contest("4", "1GiB");
    EXPECT_EQ(larger.status, 0) << larger.err;
    EXPECT_EQ(blocks_of(larger.out).history.size(), 1u + 16);  // step 0 of each contestant
}

TEST(BakeoffCommand, TheBinaryRunsAndDocumentsUnreachedMilestones) {
    const test::ProcessResult ok = test::run_process(
        test::actviz_binary() +
        " bakeoff --dataset circles --hidden 8 --activations tanh,silu --optimizer adam --lr 0.01 --steps 20 --every 10");
    EXPECT_EQ(ok.exit_code, 0) << ok.err;
    EXPECT_EQ(std::count(ok.out.begin(), ok.out.end(), '\n'), 1 + 2 * 3 + 1 + 3 + 1 + 4);  // + the verdict
    const test::ProcessResult help = test::run_process(test::actviz_binary() + " bakeoff --help");
    EXPECT_EQ(help.exit_code, 0);
    EXPECT_NE(help.out.find("EMPTY when any"), std::string::npos);
    const test::ProcessResult list = test::run_process(test::actviz_binary() + " help");
    EXPECT_EQ(list.out.find("(coming)"), std::string::npos);
    const test::ProcessResult diverged = test::run_process(
        test::actviz_binary() +
        " bakeoff --dataset spiral --hidden 16,16 --activations identity,leaky_relu --optimizer sgd --lr 10000 "
        "--steps 50");
    EXPECT_EQ(diverged.exit_code, 3) << diverged.err;
    EXPECT_EQ(diverged.out.find("nan"), std::string::npos);
}

}  // namespace
}  // namespace actviz::cli
