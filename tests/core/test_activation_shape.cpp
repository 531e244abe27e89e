// The property table's evidence (core/activation_shape.hpp), against closed forms worked out by
// hand: E f(Z) for Z ~ N(0, 1), where f′ jumps, where f falls, and where |f′| drops below a share
// of its peak.

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "core/activation_shape.hpp"

namespace actviz {
namespace {

const Activation& named(const char* name) { return *find_activation(name); }

ShapeEvidence evidence_of(const char* name, double share = 0.01) {
    const Activation& a = named(name);
    return shape_evidence(a, a.defaults(), share);
}

ShapeEvidence evidence_of(const char* name, ParameterValues p, double share = 0.01) {
    return shape_evidence(named(name), p, share);
}

TEST(ActivationShape, MeanOutputOverStandardNormalInputsMatchesClosedForms) {
    const double inv_sqrt_2pi = 1 / std::sqrt(2 * std::numbers::pi);
    EXPECT_NEAR(evidence_of("relu").mean_output, inv_sqrt_2pi, 1e-9);              // E max(Z, 0) = φ(0)
    EXPECT_NEAR(evidence_of("sigmoid").mean_output, 0.5, 1e-12);                  // σ(z) + σ(−z) = 1
    EXPECT_NEAR(evidence_of("tanh").mean_output, 0.0, 1e-12);                     // odd
    EXPECT_NEAR(evidence_of("gelu").mean_output, 0.5 / std::sqrt(std::numbers::pi), 1e-9);  // E ZΦ(Z) = 1/(2√π)
    // Leaky ReLU: E max(Z, 0) + α E min(Z, 0) = (1 − α) φ(0): the textbook's "≈ zero-centred" is 0.39.
    EXPECT_NEAR(evidence_of("leaky_relu", {0.1, 0}).mean_output, 0.9 * inv_sqrt_2pi, 1e-9);
}

TEST(ActivationShape, EluIsContinuouslyDifferentiableExactlyWhenAlphaIsOne) {
    EXPECT_TRUE(evidence_of("elu", {1.0, 0}).continuous_slope);  // f′(0⁻) = α e⁰ = 1 = f′(0⁺)
    const ShapeEvidence half = evidence_of("elu", {0.5, 0});
    EXPECT_FALSE(half.continuous_slope);
    EXPECT_DOUBLE_EQ(half.slope_jump_at, 0.0);
    EXPECT_NEAR(half.slope_left, 0.5, 1e-6);
    EXPECT_NEAR(half.slope_right, 1.0, 1e-6);
    EXPECT_FALSE(evidence_of("relu").continuous_slope);
    EXPECT_TRUE(evidence_of("sigmoid").continuous_slope);
}

TEST(ActivationShape, SiluAndGeluDipBelowZeroSigmoidDoesNot) {
    const ShapeEvidence silu = evidence_of("silu");
    EXPECT_FALSE(silu.monotone);
    // SiLU′(x) = σ(x)(1 + x(1 − σ(x))) is lowest near x = −2.40, at about −0.0998.
    EXPECT_NEAR(silu.min_slope_at, -2.3994, 0.01);
    EXPECT_NEAR(silu.min_slope, -0.0998, 1e-3);
    EXPECT_FALSE(evidence_of("gelu").monotone);
    EXPECT_TRUE(evidence_of("sigmoid").monotone);
    EXPECT_TRUE(evidence_of("relu").monotone);
}

TEST(ActivationShape, SigmoidSaturatesBeyondWhereItsSlopeIsOnePercentOfItsPeak) {
    // σ′ = σ(1 − σ) = 0.01 · 0.25 at σ = (1 − √0.99) / 2, i.e. |x| = ln((1 + √0.99) / (1 − √0.99)) ≈ 5.99.
    const double edge = std::log((1 + std::sqrt(0.99)) / (1 - std::sqrt(0.99)));
    const ShapeEvidence e = evidence_of("sigmoid");
    ASSERT_EQ(e.flat.size(), 2u);
    EXPECT_EQ(e.flat[0].kind, FlatKind::Saturated);
    EXPECT_TRUE(e.flat[0].to_minus_infinity);
    EXPECT_NEAR(e.flat[0].to, -edge, 1e-9);
    EXPECT_NEAR(e.flat[1].from, edge, 1e-9);
    EXPECT_TRUE(e.flat[1].to_plus_infinity);
    // tanh′ = 1 − tanh² = 0.01 at |x| = atanh(√0.99) ≈ 2.99.
    const ShapeEvidence t = evidence_of("tanh");
    ASSERT_EQ(t.flat.size(), 2u);
    EXPECT_NEAR(t.flat[1].from, std::atanh(std::sqrt(0.99)), 1e-9);
}

TEST(ActivationShape, ReluIsDeadBelowZeroAndHardtanhOutsideItsRange) {
    const ShapeEvidence relu = evidence_of("relu");
    ASSERT_EQ(relu.flat.size(), 1u);
    EXPECT_EQ(relu.flat[0].kind, FlatKind::Dead);
    EXPECT_TRUE(relu.flat[0].to_minus_infinity);
    EXPECT_NEAR(relu.flat[0].to, 0.0, 1e-12);
    const ShapeEvidence hardtanh = evidence_of("hardtanh");
    ASSERT_EQ(hardtanh.flat.size(), 2u);
    EXPECT_EQ(hardtanh.flat[0].kind, FlatKind::Dead);
    EXPECT_NEAR(hardtanh.flat[0].to, -1.0, 1e-12);
    EXPECT_NEAR(hardtanh.flat[1].from, 1.0, 1e-12);
    // Leaky ReLU's slope α = 0.01 on x < 0 is exactly 1% of its peak: not below it, so not
    // saturated at 1%; at 2% the whole negative side is.
    EXPECT_TRUE(evidence_of("leaky_relu", {0.01, 0}, 0.01).flat.empty());
    const ShapeEvidence leaky = evidence_of("leaky_relu", {0.01, 0}, 0.02);
    ASSERT_EQ(leaky.flat.size(), 1u);
    EXPECT_EQ(leaky.flat[0].kind, FlatKind::Saturated);
    EXPECT_NEAR(leaky.flat[0].to, 0.0, 1e-12);
}

TEST(ActivationShape, TheShareMovesTheEdge) {
    // At 4% of the peak, sigmoid saturates where σ′ < 0.01: |x| > 4.59, the figure often quoted
    // for an absolute threshold of 0.01 (σ′ = 0.01 where σ ≈ 0.99, x ≈ ln 99 ≈ 4.6).
    const double edge = std::log((1 + std::sqrt(0.96)) / (1 - std::sqrt(0.96)));
    const ShapeEvidence e = evidence_of("sigmoid", 0.04);
    ASSERT_EQ(e.flat.size(), 2u);
    EXPECT_NEAR(e.flat[1].from, edge, 1e-9);
    EXPECT_NEAR(edge, 4.59, 0.01);
}

}  // namespace
}  // namespace actviz
