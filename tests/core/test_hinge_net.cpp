// ReLU networks are piecewise linear: the worked example's bump, each unit's hinge where the text
// says, the fit's gradient against finite differences, and gradient descent moving hinges to where
// the target bends.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "core/hinge_net.hpp"

namespace actviz {
namespace {

TEST(HingeNet, ThreeHingesAtMinusOneZeroAndOneMakeTheBump) {
    const HingeNet bump = bump_example();
    ASSERT_EQ(bump.units.size(), 3u);
    EXPECT_EQ(bump.units[0].hinge(), -1);
    EXPECT_EQ(bump.units[1].hinge(), 0);
    EXPECT_EQ(bump.units[2].hinge(), 1);
    for (double x = -3; x <= 3; x += 0.125) {
        EXPECT_DOUBLE_EQ(bump(x), std::max(0.0, 1 - std::fabs(x))) << x;
        double sum = bump.c;
        for (const HingeUnit& u : bump.units) sum += u.contribution(x);
        EXPECT_DOUBLE_EQ(bump(x), sum);
    }
    EXPECT_EQ(hinge_fit_error(bump, HingeTarget::Bump), 0);
}

TEST(HingeNet, TheFitStepIsGradientDescentOnItsOwnError) {
    HingeNet net = spread_hinges(4);
    net.units[1].v = -0.7, net.c = 0.3;
    // Off the sample grid (spread hinges sit on it): there the error is smooth and a central
    // difference is its derivative.
    for (HingeUnit& u : net.units) u.b += 0.013;
    // The step's change per parameter, divided by −lr, is the gradient: check it against central
    // differences of hinge_fit_error.
    const double lr = 1e-7;
    HingeNet stepped = net;
    hinge_fit_step(stepped, HingeTarget::Sine, lr);
    const auto numeric = [&](auto member) {
        const double h = 1e-6;
        HingeNet up = net, down = net;
        member(up) += h, member(down) -= h;
        return (hinge_fit_error(up, HingeTarget::Sine) - hinge_fit_error(down, HingeTarget::Sine)) / (2 * h);
    };
    EXPECT_NEAR((net.c - stepped.c) / lr, numeric([](HingeNet& n) -> double& { return n.c; }), 1e-5);
    for (std::size_t i = 0; i < net.units.size(); ++i) {
        EXPECT_NEAR((net.units[i].v - stepped.units[i].v) / lr, numeric([i](HingeNet& n) -> double& { return n.units[i].v; }), 1e-5);
        EXPECT_NEAR((net.units[i].w - stepped.units[i].w) / lr, numeric([i](HingeNet& n) -> double& { return n.units[i].w; }), 1e-5);
        EXPECT_NEAR((net.units[i].b - stepped.units[i].b) / lr, numeric([i](HingeNet& n) -> double& { return n.units[i].b; }), 1e-5);
    }
}

TEST(HingeNet, FittingMovesAHingeToWhereTheTargetBends) {
    // |x| bends only at 0: from hinges spread over [−3, 3], fitting pulls the error down and puts a
    // live hinge next to 0.
    HingeNet net = spread_hinges(4);
    const double before = hinge_fit_error(net, HingeTarget::Abs);
    for (int step = 0; step < 20000; ++step) hinge_fit_step(net, HingeTarget::Abs, 0.02);
    const double after = hinge_fit_error(net, HingeTarget::Abs);
    EXPECT_LT(after, before / 100);
    EXPECT_LT(after, 1e-3);
    double nearest = 1e9;
    for (const HingeUnit& u : net.units) {
        if (std::fabs(u.v * u.w) > 0.1) nearest = std::min(nearest, std::fabs(u.hinge()));
    }
    EXPECT_LT(nearest, 0.2);
}

}  // namespace
}  // namespace actviz
