// The Activations page says "saturated" as every page does: |f′| below ε of the function's own
// peak, not below an absolute ε. For sigmoid (peak 0.25) at ε = 1% the shaded band starts at
// |x| = 5.99, where σ′ = 0.0025 — an absolute ε of 0.01 put it at 4.6.

#include <gtest/gtest.h>

#include <cmath>

#include "app/activations/activations_panel.hpp"
#include "app/activations/property_table.hpp"

namespace actviz::app {
namespace {

TEST(ActivationsPanel, SigmoidIsShadedSaturatedBeyondOnePercentOfItsPeakSlope) {
    ActivationsPanel panel;
    panel.settings.saturation_epsilon = 0.01f;
    const Activation& sigmoid = *find_activation("sigmoid");
    const DerivativeZones zones = shaded_zones(panel, sigmoid, -10, 10, 2001);  // samples 0.01 apart
    ASSERT_EQ(zones.saturated.size(), 2u);
    const double edge = std::log((1 + std::sqrt(0.99)) / (1 - std::sqrt(0.99)));  // 5.99
    EXPECT_NEAR(zones.saturated[0].to, -edge, 0.01);
    EXPECT_NEAR(zones.saturated[1].from, edge, 0.01);
    EXPECT_TRUE(zones.dead.empty());
    // The table's interval is the same, found exactly.
    const ShapeEvidence& shape = figures_for(panel, sigmoid).shape;
    ASSERT_EQ(shape.flat.size(), 2u);
    EXPECT_NEAR(shape.flat[1].from, zones.saturated[1].from, 0.01);
}

TEST(ActivationsPanel, TheSummaryCallsEluWithAlphaOneSmooth) {
    ActivationsPanel panel;
    const Activation& elu = *find_activation("elu");
    panel.settings.parameters[static_cast<std::size_t>(activation_index(elu))] = {1.0, 0};
    EXPECT_NE(activation_summary(panel, elu).find("f′ continuous yes"), std::string::npos) << activation_summary(panel, elu);
    panel.settings.parameters[static_cast<std::size_t>(activation_index(elu))] = {0.5, 0};
    EXPECT_NE(activation_summary(panel, elu).find("f′ continuous no, x = 0"), std::string::npos);
}

}  // namespace
}  // namespace actviz::app
