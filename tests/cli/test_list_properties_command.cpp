// `actviz list --properties`: one row per activation with f′ written out, the Activations page's
// numbers and a measured cost; "can die" as the core reads it from each f′.

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "cli/command_output.hpp"
#include "core/activation.hpp"
#include "core/activation_properties.hpp"
#include "core/property_text.hpp"
#include "settings/activations_settings.hpp"

namespace actviz::cli {
namespace {

const std::vector<std::string> kColumns{"name",      "derivative",         "range",  "mean_output",
                                        "max_abs_derivative", "max_abs_derivative_at", "flat", "can_die",
                                        "ns_per_element", "relative_to_relu", "kernel"};

std::vector<std::vector<std::string>> property_rows() {
    const CommandOutput result =
        run_command("list", std::vector<std::string>{"--properties", "--cost-budget", "0.001"});
    EXPECT_EQ(result.status, 0) << result.err;
    return csv_quoted_rows(result.out);
}

TEST(ListPropertiesCommand, OneRowPerActivationWithEveryColumn) {
    const auto rows = property_rows();
    ASSERT_EQ(rows.size(), activations().size() + 1);
    EXPECT_EQ(rows[0], kColumns);
    for (size_t i = 0; i < activations().size(); ++i) {
        const Activation& activation = activations()[i];
        const auto& row = rows[i + 1];
        ASSERT_EQ(row.size(), kColumns.size()) << activation.name;
        EXPECT_EQ(row[0], activation.name);
        EXPECT_EQ(row[1], activation.derivative_formula) << activation.name;  // commas survive the quoting
        EXPECT_FALSE(row[1].empty()) << activation.name;
        EXPECT_EQ(row[2], activation.properties.range);
        const double ns = std::stod(row[8]);
        EXPECT_TRUE(std::isfinite(ns) && ns > 0) << activation.name << ": " << row[8];
        EXPECT_TRUE(std::isfinite(std::stod(row[9])) && std::stod(row[9]) > 0) << activation.name;
    }
    const auto& relu = rows[1 + static_cast<size_t>(activation_index(*find_activation("relu")))];
    EXPECT_EQ(relu[9], "1");
    EXPECT_EQ(relu[10], "simd");
}

TEST(ListPropertiesCommand, PrintsThePagesNumbersAndReadsCanDieFromTheFunction) {
    const auto rows = property_rows();
    ASSERT_EQ(rows.size(), activations().size() + 1);
    const double share = settings::ActivationsSettings{}.saturation_epsilon;  // what the page starts at
    for (size_t i = 0; i < activations().size(); ++i) {
        const Activation& activation = activations()[i];
        const auto& row = rows[i + 1];
        ASSERT_EQ(row.size(), kColumns.size());
        const ActivationProperties page = activation_properties(activation, activation.defaults(), share);
        EXPECT_EQ(std::stod(row[3]), page.shape.mean_output) << activation.name;
        EXPECT_EQ(std::stod(row[4]), page.figures.max_abs_derivative.value) << activation.name;
        EXPECT_EQ(row[5], where_text(page.figures.max_abs_derivative)) << activation.name;
        EXPECT_EQ(row[6], flat_text(page.shape.flat)) << activation.name;
        EXPECT_EQ(row[7], page.can_die ? "yes" : "no") << activation.name;
    }
    const auto row_of = [&](const char* name) { return rows[1 + static_cast<size_t>(activation_index(*find_activation(name)))]; };
    EXPECT_EQ(row_of("relu")[7], "yes");
    EXPECT_EQ(row_of("hardtanh")[7], "yes");
    EXPECT_EQ(row_of("sigmoid")[7], "no");
    EXPECT_EQ(row_of("sigmoid")[6], "|x| > 5.99");
    EXPECT_NEAR(std::stod(row_of("sigmoid")[4]), 0.25, 1e-12);
    EXPECT_NEAR(std::stod(row_of("relu")[3]), 1 / std::sqrt(2 * 3.14159265358979323846), 1e-9);
}

TEST(ListPropertiesCommand, RefusesABudgetOutOfRangeOrWithoutProperties) {
    EXPECT_EQ(run_command("list", std::vector<std::string>{"--properties", "--cost-budget", "0"}).status, 2);
    EXPECT_EQ(run_command("list", std::vector<std::string>{"--properties", "--cost-budget", "11"}).status, 2);
    const CommandOutput alone = run_command("list", std::vector<std::string>{"--cost-budget", "1"});
    EXPECT_EQ(alone.status, 2);
    EXPECT_NE(alone.err.find("--properties"), std::string::npos) << alone.err;
}

}  // namespace
}  // namespace actviz::cli
