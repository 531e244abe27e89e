// actviz gradflow: the CSV a script reads, and the one-line refusals of bad values.

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "cli/command_output.hpp"
#include "cli/subcommands.hpp"
#include "core/gradflow.hpp"
#include "support/run_process.hpp"

namespace actviz::cli {
namespace {

CommandOutput gradflow(std::vector<std::string> args) {
    return run_command("gradflow", args);
}

TEST(GradflowCommand, PrintsOneRowPerHiddenLayerWithTheCoreNumbers) {
    const CommandOutput result =
        gradflow({"--depth", "12", "--width", "16", "--activation", "leaky_relu", "--alpha", "0.1", "--init",
                  "he_uniform", "--gain", "1.2", "--bias", "0.05", "--batch", "64", "--seed", "9", "--layernorm"});
    ASSERT_EQ(result.status, 0) << result.err;
    EXPECT_TRUE(result.err.empty());
    const auto rows = csv_rows(result.out);
    ASSERT_EQ(rows.size(), 13u);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"layer", "weight_grad_norm", "act_grad_norm", "mean_abs_dz",
                                                 "act_mean", "act_std", "saturated_fraction", "zero_slope_fraction",
                                                 "dead_unit_fraction"}));
    GradflowConfig config;
    config.depth = 12;
    config.width = 16;
    config.batch = 64;
    config.activation = find_activation("leaky_relu");
    config.parameters = {0.1, 0};
    config.init = InitScheme::HeUniform;
    config.gain = 1.2;
    config.bias = 0.05;
    config.seed = 9;
    config.layernorm = true;
    const GradflowResult expected = simulate_gradient_flow(config);
    for (size_t l = 1; l < rows.size(); ++l) {
        ASSERT_EQ(rows[l].size(), 9u);
        EXPECT_EQ(rows[l][0], std::to_string(l));  // layer 1 nearest the input
        const LayerStats& s = expected.layers[l - 1];
        EXPECT_EQ(std::stod(rows[l][1]), s.weight_grad_norm);  // %.17g round-trips
        EXPECT_EQ(std::stod(rows[l][2]), s.act_grad_norm);
        EXPECT_EQ(std::stod(rows[l][5]), s.act_std);
        EXPECT_EQ(std::stod(rows[l][6]), s.saturated_fraction);
        EXPECT_EQ(std::stod(rows[l][7]), s.zero_slope_fraction);
        EXPECT_EQ(std::stod(rows[l][8]), s.dead_unit_fraction);
    }
}

TEST(GradflowCommand, ZeroSlopeShareIsNotDeadUnits) {
    // A healthy He-initialised ReLU net: about half its (unit, sample) pairs have zero slope, yet no
    // unit of layer 1 is dead and deeper layers have far fewer dead units than zero-slope pairs. The
    // column that used to be called dead_fraction said 0.5 for every layer.
    const CommandOutput result =
        gradflow({"--depth", "10", "--width", "64", "--activation", "relu", "--init", "he_normal"});
    ASSERT_EQ(result.status, 0) << result.err;
    const auto rows = csv_rows(result.out);
    ASSERT_EQ(rows.size(), 11u);
    const auto column = [&](const std::string& name) {
        return static_cast<size_t>(std::find(rows[0].begin(), rows[0].end(), name) - rows[0].begin());
    };
    ASSERT_LT(column("zero_slope_fraction"), rows[0].size());
    ASSERT_LT(column("dead_unit_fraction"), rows[0].size());
    EXPECT_EQ(column("dead_fraction"), rows[0].size()) << "the ambiguous name is gone";
    for (size_t l = 1; l < rows.size(); ++l) {
        EXPECT_NEAR(std::stod(rows[l][column("zero_slope_fraction")]), 0.5, 0.1) << "layer " << l;
        EXPECT_LT(std::stod(rows[l][column("dead_unit_fraction")]), 0.3) << "layer " << l;
    }
    EXPECT_EQ(std::stod(rows[1][column("dead_unit_fraction")]), 0);
}

TEST(GradflowCommand, BoundAddsTheSpectralNormsAndTheTrueBound) {
    const std::vector<std::string> args{"--depth", "15", "--width", "32", "--activation", "relu", "--init", "he_normal",
                                        "--gain", "2", "--batch", "64"};
    std::vector<std::string> with_bound = args;
    with_bound.push_back("--bound");
    const CommandOutput result = gradflow(with_bound);
    ASSERT_EQ(result.status, 0) << result.err;
    const auto rows = csv_rows(result.out);
    ASSERT_EQ(rows.size(), 16u);
    ASSERT_EQ(rows[0].size(), 11u);
    EXPECT_EQ(rows[0][9], "spectral_norm");
    EXPECT_EQ(rows[0][10], "act_grad_bound");
    GradflowConfig config;
    config.depth = 15;
    config.width = 32;
    config.batch = 64;
    config.activation = find_activation("relu");
    config.init = InitScheme::HeNormal;
    config.gain = 2;
    GradflowControl control;
    control.spectral_bound = true;
    const GradflowResult expected = simulate_gradient_flow(config, control);
    for (size_t l = 1; l < rows.size(); ++l) {
        EXPECT_EQ(std::stod(rows[l][9]), expected.spectral_norms[l - 1]);
        EXPECT_EQ(std::stod(rows[l][10]), expected.act_grad_bound[l - 1]);
        EXPECT_LE(std::stod(rows[l][2]), std::stod(rows[l][10]) * (1 + 1e-12)) << "layer " << l;
    }
    // Without the flag, the nine columns.
    EXPECT_EQ(csv_rows(gradflow(args).out)[0].size(), 9u);
}

TEST(GradflowCommand, SwitchesChangeTheResult) {
    const std::vector<std::string> base{"--depth", "30", "--width", "8", "--activation", "sigmoid", "--batch", "16"};
    const auto plain = csv_rows(gradflow(base).out);
    auto with = [&](std::vector<std::string> extra) {
        std::vector<std::string> args = base;
        args.insert(args.end(), extra.begin(), extra.end());
        const CommandOutput result = gradflow(args);
        EXPECT_EQ(result.status, 0) << result.err;
        return csv_rows(result.out);
    };
    const auto residual = with({"--residual"});
    ASSERT_EQ(plain.size(), 31u);
    ASSERT_EQ(residual.size(), 31u);
    // Residual connections carry the gradient back to layer 1 instead of letting it vanish.
    EXPECT_GT(std::stod(residual[1][1]) / std::stod(residual[30][1]),
              1000 * std::stod(plain[1][1]) / std::stod(plain[30][1]));
    EXPECT_NE(with({"--float32"})[1][1], plain[1][1]);
    EXPECT_NE(with({"--init", "normal", "--std", "0.5"})[1][1], plain[1][1]);
    EXPECT_NE(with({"--seed", "1"})[1][1], plain[1][1]);
}

TEST(GradflowCommand, TheBinaryPrintsTheCsv) {
    const test::ProcessResult result =
        test::run_process(test::actviz_binary() + " gradflow --depth 3 --width 4 --activation tanh --batch 8");
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(std::count(result.out.begin(), result.out.end(), '\n'), 4);
    EXPECT_EQ(result.out.rfind("layer,weight_grad_norm,", 0), 0u);
}

struct BadGradflow {
    std::vector<std::string> args;
    const char* message;
};

class BadGradflowTest : public ::testing::TestWithParam<BadGradflow> {};

TEST_P(BadGradflowTest, ExitsTwoWithOneLineNamingTheValue) {
    const CommandOutput result = gradflow(GetParam().args);
    EXPECT_EQ(result.status, 2);
    EXPECT_TRUE(result.out.empty());
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
    EXPECT_NE(result.err.find(GetParam().message), std::string::npos) << result.err;
}

std::vector<std::string> with_base(std::vector<std::string> extra) {
    std::vector<std::string> args{"--depth", "4", "--width", "8", "--activation", "tanh"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

INSTANTIATE_TEST_SUITE_P(
    Cli, BadGradflowTest,
    ::testing::Values(
        BadGradflow{{"--depth", "0", "--width", "8", "--activation", "tanh"},
                    "--depth expects a whole number from 1 to 1000, got '0'"},
        BadGradflow{{"--depth", "4", "--width", "-3", "--activation", "tanh"},
                    "--width expects a whole number from 1 to 1024, got '-3'"},
        BadGradflow{{"--width", "8", "--activation", "tanh"}, "--depth is missing"},
        BadGradflow{{"--depth", "4", "--activation", "tanh"}, "--width is missing"},
        BadGradflow{{"--depth", "4", "--width", "8"}, "--activation is missing"},
        BadGradflow{{"--depth", "4", "--width", "8", "--activation", "swishy"}, "unknown activation 'swishy'"},
        BadGradflow{with_base({"--init", "glorot"}), "unknown --init 'glorot' (one of xavier_uniform, xavier_normal,"},
        BadGradflow{with_base({"--std", "0.1"}), "--std applies only to --init normal"},
        BadGradflow{with_base({"--init", "normal", "--std", "0"}), "--std expects a number from 0.001 to 100"},
        BadGradflow{with_base({"--gain", "0"}), "--gain expects a number from 0.01 to 100"},
        BadGradflow{with_base({"--gain", "1e9"}), "--gain expects a number from 0.01 to 100"},
        BadGradflow{with_base({"--bias", "nan"}), "--bias expects a number from -100 to 100"},
        BadGradflow{with_base({"--batch", "5000"}), "--batch expects a whole number from 1 to 4096"},
        BadGradflow{with_base({"--seed", "-1"}), "--seed expects a whole number"},
        BadGradflow{with_base({"--alpha", "0.1"}), "tanh takes no --alpha"},
        BadGradflow{with_base({"--residual=yes"}), "--residual takes no value"},
        BadGradflow{with_base({"extra"}), "unexpected argument 'extra'"}));

}  // namespace
}  // namespace actviz::cli
