// The headless subcommands, in-process: what a script reading their CSV would see.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "cli/command_output.hpp"
#include "cli/subcommands.hpp"
#include "core/activation.hpp"

namespace actviz::cli {
namespace {

TEST(ListCommand, ListsEveryActivationWithItsDefaults) {
    const CommandOutput result = run("list", {});
    ASSERT_EQ(result.status, 0) << result.err;
    const auto rows = csv_rows(result.out);
    ASSERT_EQ(rows.size(), activations().size() + 1);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"name", "parameters"}));
    EXPECT_NE(result.out.find("\nleaky_relu,alpha=0.01\n"), std::string::npos);
    EXPECT_NE(result.out.find("\nsoftplus,beta=1;threshold=20\n"), std::string::npos);
}

TEST(EvalCommand, PrintsValuesThatReadBackExactly) {
    const CommandOutput result = run("eval", {"gelu", "--x", "-0.75,0,1e4"});
    ASSERT_EQ(result.status, 0) << result.err;
    const auto rows = csv_rows(result.out);
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"x", "f", "df"}));
    const Activation& gelu = *find_activation("gelu");
    for (size_t i = 1; i < rows.size(); ++i) {
        const double x = std::stod(rows[i][0]);
        EXPECT_EQ(std::stod(rows[i][1]), gelu.f(x, {}));  // %.17g round-trips
        EXPECT_EQ(std::stod(rows[i][2]), gelu.df(x, {}));
    }
    EXPECT_NEAR(std::stod(rows[1][1]), -0.170, 0.0005);
}

TEST(EvalCommand, RangeAndParametersApply) {
    const CommandOutput result = run("eval", {"leaky_relu", "--alpha=0.2", "--from", "-2", "--to", "2", "--n", "5"});
    ASSERT_EQ(result.status, 0) << result.err;
    const auto rows = csv_rows(result.out);
    ASSERT_EQ(rows.size(), 6u);
    EXPECT_DOUBLE_EQ(std::stod(rows[1][0]), -2.0);
    EXPECT_DOUBLE_EQ(std::stod(rows[1][1]), -0.4);
    EXPECT_DOUBLE_EQ(std::stod(rows[1][2]), 0.2);
    EXPECT_DOUBLE_EQ(std::stod(rows[5][1]), 2.0);
}

TEST(SoftmaxCommand, PrintsProbabilitiesAndEntropy) {
    const CommandOutput result = run("softmax", {"--logits", "2,1,0.1"});
    ASSERT_EQ(result.status, 0) << result.err;
    const auto rows = csv_rows(result.out);
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"index", "logit", "probability", "log_probability"}));
    EXPECT_NEAR(std::stod(rows[1][2]), 0.659, 0.0005);
    EXPECT_NEAR(std::stod(rows[2][2]), 0.242, 0.0005);
    EXPECT_NEAR(std::stod(rows[3][2]), 0.099, 0.0005);
    EXPECT_EQ(rows[4][0], "entropy");
    double entropy = 0;
    for (int i = 1; i <= 3; ++i) entropy -= std::stod(rows[i][2]) * std::stod(rows[i][3]);
    EXPECT_NEAR(std::stod(rows[4][1]), entropy, 1e-15);
}

// What the Softmax page takes, the command takes: the textbook's thousands, the range's ends, ten classes.
TEST(SoftmaxCommand, TakesWhatThePageTakes) {
    for (const char* logits : {"1000,1001,1002", "-10000,10000", "-10000,10000,0,1,2,3,4,5,6,7"}) {
        const CommandOutput result = run("softmax", {"--logits", logits});
        EXPECT_EQ(result.status, 0) << logits << ": " << result.err;
    }
    const auto rows = csv_rows(run("softmax", {"--logits", "1000,1001,1002"}).out);
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_NEAR(std::stod(rows[3][2]), 0.665, 0.0005);
}

TEST(SoftmaxCommand, TemperatureSharpensAndFlattens) {
    const auto cold = csv_rows(run("softmax", {"--logits", "2,1,0.1", "--temperature", "0.01"}).out);
    const auto hot = csv_rows(run("softmax", {"--logits", "2,1,0.1", "--temperature", "100"}).out);
    EXPECT_NEAR(std::stod(cold[1][2]), 1.0, 1e-12);
    EXPECT_NEAR(std::stod(hot[1][2]), 1.0 / 3, 0.01);
}

struct BadInput {
    const char* subcommand;
    std::vector<std::string> args;
    const char* message;
};

class BadInputTest : public ::testing::TestWithParam<BadInput> {};

TEST_P(BadInputTest, ExitsTwoWithOneLineNamingTheProblem) {
    const BadInput& bad = GetParam();
    const CommandOutput result = run(bad.subcommand, bad.args);
    EXPECT_EQ(result.status, 2);
    EXPECT_TRUE(result.out.empty());
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
    EXPECT_NE(result.err.find(bad.message), std::string::npos) << result.err;
}

INSTANTIATE_TEST_SUITE_P(
    Cli, BadInputTest,
    ::testing::Values(BadInput{"eval", {"swishy", "--x", "1"}, "unknown activation 'swishy'"},
                      BadInput{"eval", {"relu", "--alpha", "0.1", "--x", "1"}, "relu takes no --alpha"},
                      BadInput{"eval", {"elu", "--beta", "2", "--x", "1"}, "elu takes no --beta (it takes --alpha)"},
                      BadInput{"eval", {"elu", "--alpha", "abc", "--x", "1"}, "--alpha expects a number"},
                      BadInput{"eval", {"gelu", "--x", "1,NaN"}, "got 'NaN'"},
                      BadInput{"eval", {"gelu", "--x", "1", "--from", "0"}, "either --x or --from"},
                      BadInput{"eval", {"gelu", "--from", "0", "--to", "1"}, "--n is missing"},
                      BadInput{"eval", {"gelu", "--from", "0", "--to", "1", "--n", "0"}, "--n expects"},
                      BadInput{"eval", {"--x", "1"}, "give one activation name"},
                      BadInput{"eval", {"gelu", "--y", "1"}, "unknown flag '--y'"},
                      BadInput{"eval", {"hardtanh", "--min-value", "2", "--x", "1"}, "min_value < max_value"},
                      BadInput{"softmax", {"--logits", "1,2", "--temperature", "0"}, "--temperature expects a number from 0.01 to 100"},
                      BadInput{"softmax", {"--logits", "1,2", "--temperature", "-1"}, "--temperature"},
                      BadInput{"softmax", {"--logits", ""}, "at least one number"},
                      BadInput{"softmax", {"--logits", "1,inf"}, "got 'inf'"},
                      BadInput{"softmax", {}, "--logits is missing"},
                      BadInput{"softmax", {"--logits", "1"}, "--logits takes 2 to 10 numbers, got 1"},
                      BadInput{"softmax", {"--logits", "1,2,3,4,5,6,7,8,9,10,11"}, "--logits takes 2 to 10 numbers"},
                      BadInput{"softmax", {"--logits", "1000,10000.5"}, "--logits expects numbers from -10000 to 10000"},
                      BadInput{"list", {"extra"}, "list takes no arguments"}));

}  // namespace
}  // namespace actviz::cli
