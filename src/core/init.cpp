#include "core/init.hpp"

#include <array>
#include <cmath>

#include <Eigen/QR>

#include "core/number_text.hpp"

namespace actviz {
namespace {

constexpr std::array<std::string_view, 7> kNames{"xavier_uniform", "xavier_normal", "he_uniform", "he_normal",
                                                 "lecun_normal",   "orthogonal",    "normal"};

void fill_uniform(Eigen::Ref<Eigen::MatrixXd> w, double bound, Rng& rng) {
    for (Eigen::Index r = 0; r < w.rows(); ++r) {
        for (Eigen::Index c = 0; c < w.cols(); ++c) w(r, c) = rng.uniform(-bound, bound);
    }
}

void fill_normal(Eigen::Ref<Eigen::MatrixXd> w, double stddev, Rng& rng) {
    for (Eigen::Index r = 0; r < w.rows(); ++r) {
        for (Eigen::Index c = 0; c < w.cols(); ++c) w(r, c) = rng.normal(0.0, stddev);
    }
}

// torch.nn.init.orthogonal_: QR of a tall Gaussian matrix (transposed when wide), then each
// column of Q multiplied by the sign of R's diagonal entry, which makes the factorisation unique
// and Q Haar-distributed (Mezzadri 2007).
void fill_orthogonal(Eigen::Ref<Eigen::MatrixXd> w, double gain, Rng& rng) {
    const bool wide = w.rows() < w.cols();
    Eigen::MatrixXd gaussian(w.rows(), w.cols());
    fill_normal(gaussian, 1.0, rng);
    if (wide) gaussian.transposeInPlace();
    const Eigen::HouseholderQR<Eigen::MatrixXd> qr(gaussian);
    Eigen::MatrixXd q = qr.householderQ() * Eigen::MatrixXd::Identity(gaussian.rows(), gaussian.cols());
    for (Eigen::Index c = 0; c < q.cols(); ++c) {
        if (qr.matrixQR()(c, c) < 0) q.col(c) = -q.col(c);
    }
    if (wide) q.transposeInPlace();
    w = gain * q;
}

}  // namespace

std::span<const std::string_view> init_scheme_names() { return kNames; }

std::string_view init_scheme_name(InitScheme scheme) { return kNames[static_cast<size_t>(scheme)]; }

std::optional<InitScheme> find_init_scheme(std::string_view name) {
    for (size_t i = 0; i < kNames.size(); ++i) {
        if (kNames[i] == name) return static_cast<InitScheme>(i);
    }
    return std::nullopt;
}

void initialise_weights(Eigen::Ref<Eigen::MatrixXd> weights, InitScheme scheme, double gain, double normal_std,
                        Rng& rng) {
    const double fan_out = static_cast<double>(weights.rows());
    const double fan_in = static_cast<double>(weights.cols());
    switch (scheme) {
        case InitScheme::XavierUniform: fill_uniform(weights, gain * std::sqrt(6.0 / (fan_in + fan_out)), rng); break;
        case InitScheme::XavierNormal: fill_normal(weights, gain * std::sqrt(2.0 / (fan_in + fan_out)), rng); break;
        case InitScheme::HeUniform: fill_uniform(weights, gain * std::sqrt(2.0) * std::sqrt(3.0 / fan_in), rng); break;
        case InitScheme::HeNormal: fill_normal(weights, gain * std::sqrt(2.0 / fan_in), rng); break;
        case InitScheme::LecunNormal: fill_normal(weights, gain / std::sqrt(fan_in), rng); break;
        case InitScheme::Orthogonal: fill_orthogonal(weights, gain, rng); break;
        case InitScheme::Normal: fill_normal(weights, gain * normal_std, rng); break;
    }
}

std::optional<std::string> init_settings_error(InitScheme init, double gain, double normal_std, double bias,
                                               double max_gain, double max_bias) {
    if (!(gain > 0 && gain <= max_gain)) {
        return "gain must be greater than 0 and at most " + number_text(max_gain) + ", got " + number_text(gain);
    }
    if (init == InitScheme::Normal && !(normal_std > 0 && normal_std <= max_gain)) {
        return "std must be greater than 0 and at most " + number_text(max_gain) + ", got " + number_text(normal_std);
    }
    if (!(std::fabs(bias) <= max_bias)) {
        return "bias must be between -" + number_text(max_bias) + " and " + number_text(max_bias) + ", got " +
               number_text(bias);
    }
    return std::nullopt;
}

}  // namespace actviz
