#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "core/activation.hpp"
#include "core/softmax.hpp"
#include "support/eigen_vector.hpp"

namespace actviz {
namespace {

using test::vec;

void expect_probabilities(const Eigen::VectorXd& logits, std::initializer_list<double> expected, double tolerance) {
    const SoftmaxResult result = softmax(logits);
    ASSERT_TRUE(result.probabilities.allFinite());
    Eigen::Index i = 0;
    for (double p : expected) EXPECT_NEAR(result.probabilities[i++], p, tolerance);
    EXPECT_NEAR(result.probabilities.sum(), 1.0, 1e-15);
}

TEST(Softmax, TextbookFigures) {
    expect_probabilities(vec({2.0, 1.0, 0.1}), {0.659, 0.242, 0.099}, 0.0005);
    expect_probabilities(vec({1000.0, 1001.0, 1002.0}), {0.090, 0.245, 0.665}, 0.0005);
    expect_probabilities(vec({2.0, 1.9, 1.8}), {0.367, 0.332, 0.301}, 0.0005);  // nearly uniform
}

TEST(Softmax, LowTemperatureTendsToArgmaxHighToUniform) {
    const Eigen::VectorXd logits = vec({2.0, 1.0, 0.1});
    const SoftmaxResult cold = softmax(logits, 0.01);
    EXPECT_NEAR(cold.probabilities[0], 1.0, 1e-15);
    EXPECT_NEAR(cold.entropy, 0.0, 1e-12);
    const SoftmaxResult frozen = softmax(logits, 1e-300);  // log p = −∞ for the losers: still no NaN
    EXPECT_EQ(frozen.probabilities[0], 1.0);
    EXPECT_FALSE(std::isnan(frozen.entropy));
    const SoftmaxResult hot = softmax(logits, 1e6);
    for (Eigen::Index i = 0; i < 3; ++i) EXPECT_NEAR(hot.probabilities[i], 1.0 / 3, 1e-6);
    EXPECT_NEAR(hot.entropy, std::log(3.0), 1e-6);
}

TEST(Softmax, TwoClassesEqualTheSigmoidOfTheScaledDifference) {
    const Activation& sigmoid = *find_activation("sigmoid");
    for (double t : {0.1, 0.5, 1.0, 3.0}) {
        for (double a = -4; a <= 4; a += 0.5) {
            const SoftmaxResult result = softmax(vec({a, 0.7}), t);
            EXPECT_NEAR(result.probabilities[0], sigmoid.f((a - 0.7) / t, {}), 1e-15);
        }
    }
}

TEST(Softmax, JacobianMatchesAFiniteDifferenceAndTheTextbookForm) {
    const Eigen::VectorXd logits = vec({0.3, -1.2, 2.0, 0.0});
    for (double t : {1.0, 0.4}) {
        const Eigen::VectorXd p = softmax(logits, t).probabilities;
        const Eigen::MatrixXd jacobian = softmax_jacobian(p, t);
        for (Eigen::Index j = 0; j < 4; ++j) {
            Eigen::VectorXd up = logits, down = logits;
            up[j] += 1e-6;
            down[j] -= 1e-6;
            const Eigen::VectorXd numeric = (softmax(up, t).probabilities - softmax(down, t).probabilities) / 2e-6;
            for (Eigen::Index i = 0; i < 4; ++i) EXPECT_NEAR(jacobian(i, j), numeric[i], 1e-8);
        }
        if (t == 1.0) {
            EXPECT_NEAR(jacobian(0, 0), p[0] * (1 - p[0]), 1e-16);
        }
        EXPECT_NEAR(jacobian.colwise().sum().cwiseAbs().maxCoeff(), 0.0, 1e-15);  // probabilities sum to 1
    }
}

TEST(Softmax, MatchesPyTorch) {
    std::ifstream fixture(ACTVIZ_FIXTURES_DIR "/softmax_torch.csv");
    ASSERT_TRUE(fixture);
    std::string line;
    std::getline(fixture, line);
    int rows = 0;
    while (std::getline(fixture, line)) {
        std::stringstream fields(line);
        std::string logits_text, t_text, index_text, p_text, lp_text, h_text;
        for (std::string* field : {&logits_text, &t_text, &index_text, &p_text, &lp_text, &h_text}) {
            std::getline(fields, *field, ',');
        }
        std::vector<double> logits;
        std::stringstream items(logits_text);
        for (std::string item; std::getline(items, item, ';');) logits.push_back(std::stod(item));
        const SoftmaxResult result =
            softmax(Eigen::Map<Eigen::VectorXd>(logits.data(), static_cast<Eigen::Index>(logits.size())),
                    std::stod(t_text));
        const int i = std::stoi(index_text);
        EXPECT_NEAR(result.probabilities[i], std::stod(p_text), 1e-15 + 1e-13 * std::stod(p_text)) << line;
        EXPECT_NEAR(result.log_probabilities[i], std::stod(lp_text), 1e-12 * std::max(1.0, std::fabs(std::stod(lp_text))))
            << line;
        EXPECT_NEAR(result.entropy, std::stod(h_text), 1e-13) << line;
        ++rows;
    }
    EXPECT_GT(rows, 30);
}

}  // namespace
}  // namespace actviz
