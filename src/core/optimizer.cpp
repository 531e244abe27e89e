#include "core/optimizer.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <utility>

#include "core/number_text.hpp"

namespace actviz {
namespace {

constexpr std::array<std::string_view, 4> kNames{"sgd", "momentum", "adam", "rmsprop"};

std::optional<std::string> check_unit_interval(const char* name, double value) {
    if (value >= 0 && value < 1) return std::nullopt;
    return std::string(name) + " must be in [0, 1), got " + number_text(value);
}

}  // namespace

std::span<const std::string_view> optimizer_names() { return kNames; }
std::string_view optimizer_name(OptimizerKind kind) { return kNames[static_cast<size_t>(kind)]; }
std::optional<OptimizerKind> find_optimizer(std::string_view name) {
    for (size_t i = 0; i < kNames.size(); ++i) {
        if (kNames[i] == name) return static_cast<OptimizerKind>(i);
    }
    return std::nullopt;
}

std::optional<std::string> OptimizerSettings::validate() const {
    if (!(learning_rate >= kMinLearningRate && learning_rate <= kMaxLearningRate)) {
        return "learning rate must be between " + number_text(kMinLearningRate) + " and " +
               number_text(kMaxLearningRate) + ", got " + number_text(learning_rate);
    }
    if (auto reason = check_unit_interval("momentum", momentum)) return reason;
    if (auto reason = check_unit_interval("beta1", beta1)) return reason;
    if (auto reason = check_unit_interval("beta2", beta2)) return reason;
    if (auto reason = check_unit_interval("rho", rho)) return reason;
    if (!(epsilon > 0 && epsilon <= 1)) return "epsilon must be in (0, 1], got " + number_text(epsilon);
    return std::nullopt;
}

void Optimizer::reset(const Mlp& mlp) {
    const Eigen::Index size = mlp.layout().size;
    velocity_.setZero(size);
    first_moment_.setZero(size);
    adam_second_.setZero(size);
    rms_square_.setZero(size);
    adam_t_ = 0;
}

std::optional<std::string> Optimizer::set_state(OptimizerState state) {
    const Eigen::Index size = velocity_.size();
    for (auto [name, buffer] : {std::pair{"velocity", &state.velocity}, std::pair{"first_moment", &state.first_moment},
                                std::pair{"adam_second", &state.adam_second}, std::pair{"rms_square", &state.rms_square}}) {
        if (buffer->size() != size) {
            return std::string("optimizer ") + name + " has " + std::to_string(buffer->size()) +
                   " values, the network has " + std::to_string(size) + " parameters";
        }
        if (!buffer->allFinite()) return std::string("optimizer ") + name + " holds a NaN or infinite value";
    }
    if ((state.adam_second.array() < 0).any() || (state.rms_square.array() < 0).any()) {
        return "optimizer second moments must not be negative";
    }
    if (state.adam_steps < 0) return "optimizer step count must not be negative";
    velocity_ = std::move(state.velocity);
    first_moment_ = std::move(state.first_moment);
    adam_second_ = std::move(state.adam_second);
    rms_square_ = std::move(state.rms_square);
    adam_t_ = state.adam_steps;
    return std::nullopt;
}

void Optimizer::step(const Vector& params, const Vector& gradient, Vector& next) {
    const OptimizerSettings& s = settings_;
    const double lr = s.learning_rate;
    const auto g = gradient.array();
    switch (s.kind) {
        case OptimizerKind::Sgd: next.array() = params.array() - lr * g; return;
        case OptimizerKind::Momentum:
            velocity_.array() = s.momentum * velocity_.array() + g;
            if (s.nesterov)
                next.array() = params.array() - lr * (g + s.momentum * velocity_.array());
            else
                next.array() = params.array() - lr * velocity_.array();
            return;
        case OptimizerKind::Adam: {
            ++adam_t_;
            const double t = static_cast<double>(adam_t_);
            const double correction1 = 1 - std::pow(s.beta1, t);
            const double correction2 = 1 - std::pow(s.beta2, t);
            first_moment_.array() = s.beta1 * first_moment_.array() + (1 - s.beta1) * g;
            adam_second_.array() = s.beta2 * adam_second_.array() + (1 - s.beta2) * g.square();
            // torch: θ −= (η / c₁) · m / (√s / √c₂ + ε)
            const double step = lr / correction1;
            const double inv_sqrt_c2 = 1 / std::sqrt(correction2);
            next.array() =
                params.array() - step * first_moment_.array() / (adam_second_.array().sqrt() * inv_sqrt_c2 + s.epsilon);
            return;
        }
        case OptimizerKind::RmsProp:
            rms_square_.array() = s.rho * rms_square_.array() + (1 - s.rho) * g.square();
            next.array() = params.array() - lr * g / (rms_square_.array().sqrt() + s.epsilon);
            return;
    }
}

}  // namespace actviz
