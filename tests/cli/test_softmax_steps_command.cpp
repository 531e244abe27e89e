// `actviz softmax --steps`: the textbook's step table on stdout, its columns read back and checked
// against closed forms, the naive columns' inf and nan at ±1000 beside finite probabilities.

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "cli/command_output.hpp"

namespace actviz::cli {
namespace {

std::vector<std::vector<std::string>> steps_of(std::vector<std::string> args) {
    args.push_back("--steps");
    const CommandOutput result = run_command("softmax", args);
    EXPECT_EQ(result.status, 0) << result.err;
    return csv_rows(result.out);
}

TEST(SoftmaxStepsCommand, PrintsEveryStepOfTheThousandExample) {
    const auto rows = steps_of({"--logits", "1000,1001,1002"});
    ASSERT_EQ(rows.size(), 6u);  // header, three classes, sum, entropy
    EXPECT_EQ(rows[0], (std::vector<std::string>{"index", "logit", "shifted", "exp_shifted", "probability",
                                                 "naive_exp", "naive_probability"}));
    const double sum = std::exp(-2.0) + std::exp(-1.0) + 1.0;
    for (int i = 0; i < 3; ++i) {
        const auto& row = rows[static_cast<size_t>(i) + 1];
        ASSERT_EQ(row.size(), 7u);
        EXPECT_EQ(std::stod(row[1]), 1000.0 + i);
        EXPECT_EQ(std::stod(row[2]), i - 2.0);                       // z − max z
        EXPECT_NEAR(std::stod(row[3]), std::exp(i - 2.0), 1e-16);    // e^(z − max)
        EXPECT_NEAR(std::stod(row[4]), std::exp(i - 2.0) / sum, 1e-16);
        EXPECT_EQ(row[5], "inf");  // e^1000 overflows
        EXPECT_EQ(row[6], "nan");  // inf / inf
    }
    const auto& total = rows[4];
    ASSERT_EQ(total.size(), 7u);
    EXPECT_EQ(total[0], "sum");
    EXPECT_NEAR(std::stod(total[3]), sum, 1e-15);
    EXPECT_NEAR(std::stod(total[4]), 1.0, 1e-15);
    EXPECT_EQ(total[5], "inf");
    EXPECT_EQ(total[6], "nan");
    EXPECT_EQ(rows[5][0], "entropy");
}

TEST(SoftmaxStepsCommand, TheNaiveColumnUnderflowsToZeroOverZeroAtMinusAThousand) {
    const auto rows = steps_of({"--logits", "-1000,-1001,-1002"});
    ASSERT_EQ(rows.size(), 6u);
    for (int i = 1; i <= 3; ++i) {
        EXPECT_EQ(std::stod(rows[static_cast<size_t>(i)][5]), 0.0);
        EXPECT_EQ(rows[static_cast<size_t>(i)][6], "nan");
        EXPECT_TRUE(std::isfinite(std::stod(rows[static_cast<size_t>(i)][4])));
    }
    EXPECT_EQ(std::stod(rows[4][5]), 0.0);
}

TEST(SoftmaxStepsCommand, ProbabilitiesAreThoseOfThePlainTableAtTheSameTemperature) {
    const auto steps = steps_of({"--logits", "2,1,0.1", "--temperature", "0.5"});
    const CommandOutput plain = run_command("softmax", std::vector<std::string>{"--logits", "2,1,0.1", "--temperature", "0.5"});
    const auto rows = csv_rows(plain.out);
    ASSERT_EQ(steps.size(), 6u);
    ASSERT_EQ(rows.size(), 5u);
    for (size_t i = 1; i <= 3; ++i) {
        EXPECT_EQ(steps[i][4], rows[i][2]);  // the same digits
        // Nothing overflows here: the naive way agrees, and s = (z − 2)/0.5.
        EXPECT_NEAR(std::stod(steps[i][6]), std::stod(steps[i][4]), 1e-15);
        EXPECT_DOUBLE_EQ(std::stod(steps[i][2]), (std::stod(steps[i][1]) - 2) / 0.5);
    }
    EXPECT_EQ(steps[5], rows[4]);  // entropy line
}

}  // namespace
}  // namespace actviz::cli
