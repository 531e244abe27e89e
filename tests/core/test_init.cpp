// Initialisation schemes: torch.nn.init's scales, bounds and orthogonality.

#include <gtest/gtest.h>

#include <cmath>

#include "core/init.hpp"

namespace actviz {
namespace {

Eigen::MatrixXd drawn(InitScheme scheme, int rows, int cols, double gain = 1.0, double normal_std = 0.01,
                      std::uint64_t seed = 3) {
    Rng rng(seed);
    Eigen::MatrixXd w(rows, cols);
    initialise_weights(w, scheme, gain, normal_std, rng);
    return w;
}

double stddev(const Eigen::MatrixXd& w) { return std::sqrt((w.array() - w.mean()).square().mean()); }

TEST(InitSchemes, NamesRoundTripAndUnknownNamesAreRefused) {
    ASSERT_EQ(init_scheme_names().size(), 7u);
    for (std::string_view name : init_scheme_names()) {
        const auto scheme = find_init_scheme(name);
        ASSERT_TRUE(scheme) << name;
        EXPECT_EQ(init_scheme_name(*scheme), name);
    }
    EXPECT_EQ(find_init_scheme("xavier_normal"), InitScheme::XavierNormal);
    EXPECT_FALSE(find_init_scheme("glorot"));
}

TEST(InitSchemes, ScalesFollowTorchNnInit) {
    // fan_in = 300 columns, fan_out = 200 rows (out × in, as nn.Linear); 60 000 draws: ~0.6% noise.
    const int out = 200, in = 300;
    const double gain = 1.5;
    EXPECT_NEAR(stddev(drawn(InitScheme::XavierNormal, out, in, gain)), gain * std::sqrt(2.0 / (in + out)),
                0.02 * gain * std::sqrt(2.0 / (in + out)));
    const double xavier_bound = gain * std::sqrt(6.0 / (in + out));
    const Eigen::MatrixXd xu = drawn(InitScheme::XavierUniform, out, in, gain);
    EXPECT_LE(xu.cwiseAbs().maxCoeff(), xavier_bound);
    EXPECT_GT(xu.cwiseAbs().maxCoeff(), 0.99 * xavier_bound);
    EXPECT_NEAR(stddev(xu), xavier_bound / std::sqrt(3.0), 0.02 * xavier_bound / std::sqrt(3.0));
    const double he_std = gain * std::sqrt(2.0 / in);
    EXPECT_NEAR(stddev(drawn(InitScheme::HeNormal, out, in, gain)), he_std, 0.02 * he_std);
    const Eigen::MatrixXd hu = drawn(InitScheme::HeUniform, out, in, gain);
    EXPECT_LE(hu.cwiseAbs().maxCoeff(), he_std * std::sqrt(3.0));
    EXPECT_NEAR(stddev(hu), he_std, 0.02 * he_std);
    EXPECT_NEAR(stddev(drawn(InitScheme::LecunNormal, out, in, gain)), gain / std::sqrt(in),
                0.02 * gain / std::sqrt(in));
    EXPECT_NEAR(stddev(drawn(InitScheme::Normal, out, in, gain, 0.3)), gain * 0.3, 0.02 * gain * 0.3);
}

TEST(InitSchemes, OrthogonalGivesOrthonormalRowsOrColumnsTimesTheGain) {
    const Eigen::MatrixXd square = drawn(InitScheme::Orthogonal, 64, 64, 2.0);
    EXPECT_TRUE((square * square.transpose()).isApprox(4.0 * Eigen::MatrixXd::Identity(64, 64), 1e-12));
    const Eigen::MatrixXd wide = drawn(InitScheme::Orthogonal, 5, 9);
    EXPECT_TRUE((wide * wide.transpose()).isApprox(Eigen::MatrixXd::Identity(5, 5), 1e-12));
    const Eigen::MatrixXd tall = drawn(InitScheme::Orthogonal, 9, 5);
    EXPECT_TRUE((tall.transpose() * tall).isApprox(Eigen::MatrixXd::Identity(5, 5), 1e-12));
    // Sign-corrected Q is Haar-distributed: its entries have mean 0 and variance 1/n, no bias to +.
    const Eigen::MatrixXd big = drawn(InitScheme::Orthogonal, 200, 200);
    EXPECT_NEAR(big.mean(), 0, 3.0 / 200);
    EXPECT_NEAR(big.diagonal().mean(), 0, 4 * std::sqrt(1.0 / 200 / 200));
}

TEST(InitSchemes, SameSeedSameWeights) {
    EXPECT_EQ(drawn(InitScheme::HeNormal, 7, 5, 1, 0, 11), drawn(InitScheme::HeNormal, 7, 5, 1, 0, 11));
    EXPECT_NE(drawn(InitScheme::HeNormal, 7, 5, 1, 0, 11), drawn(InitScheme::HeNormal, 7, 5, 1, 0, 12));
}

}  // namespace
}  // namespace actviz
