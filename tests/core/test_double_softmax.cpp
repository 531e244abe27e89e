// A softmax before a loss that applies its own: both gradients against central finite differences
// of their own losses, and the damage a reader is shown (a damped gradient, a loss that cannot fall).

#include <gtest/gtest.h>

#include <cmath>

#include "core/double_softmax.hpp"
#include "core/softmax.hpp"

namespace actviz {
namespace {

double loss_of(const Eigen::VectorXd& z, int label, bool doubled) {
    const Eigen::VectorXd p = softmax(z).probabilities;
    return -std::log((doubled ? softmax(p).probabilities : p)(label));
}

TEST(DoubleSoftmax, BothGradientsAreTheirLossesFiniteDifferences) {
    const Eigen::VectorXd z = (Eigen::VectorXd(4) << 2.0, -1.0, 0.5, 3.0).finished();
    for (int label = 0; label < 4; ++label) {
        const CrossEntropyGradients g = cross_entropy_gradients(z, label);
        EXPECT_NEAR(g.loss, loss_of(z, label, false), 1e-14);
        EXPECT_NEAR(g.doubled_loss, loss_of(z, label, true), 1e-14);
        for (int j = 0; j < 4; ++j) {
            const double h = 1e-6;
            Eigen::VectorXd up = z, down = z;
            up(j) += h, down(j) -= h;
            EXPECT_NEAR(g.gradient(j), (loss_of(up, label, false) - loss_of(down, label, false)) / (2 * h), 1e-8);
            EXPECT_NEAR(g.doubled_gradient(j), (loss_of(up, label, true) - loss_of(down, label, true)) / (2 * h), 1e-8);
        }
    }
}

TEST(DoubleSoftmax, ASecondSoftmaxDampsTheGradientAndFloorsTheLoss) {
    // A confident wrong answer: the right gradient is large, the doubled one a fraction of it.
    const Eigen::VectorXd z = (Eigen::VectorXd(3) << -2.0, 0.0, 4.0).finished();
    const CrossEntropyGradients g = cross_entropy_gradients(z, 0);
    EXPECT_GT(g.gradient.norm(), 1.0);
    EXPECT_LT(g.doubled_gradient.norm(), 0.1 * g.gradient.norm());
    // However right the network is, softmax of probabilities stays near uniform: the loss cannot go
    // below −log(e / (e + K − 1)), here log(1 + 2/e) ≈ 0.551 for K = 3.
    const Eigen::VectorXd sure = (Eigen::VectorXd(3) << 50.0, 0.0, 0.0).finished();
    const CrossEntropyGradients best = cross_entropy_gradients(sure, 0);
    EXPECT_LT(best.loss, 1e-20);
    EXPECT_NEAR(best.doubled_loss, std::log(1 + 2 / std::exp(1.0)), 1e-12);
}

}  // namespace
}  // namespace actviz
