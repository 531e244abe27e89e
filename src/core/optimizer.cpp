#include "core/optimizer.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <type_traits>
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

namespace {

template <typename State>
auto buffers_of(State& state) {
    using Named = NamedBufferOf<std::remove_reference_t<decltype((state.velocity))>>;
    return std::array<Named, kOptimizerBufferCount>{{
        {"velocity", &state.velocity, OptimizerKind::Momentum, false},
        {"first_moment", &state.first_moment, OptimizerKind::Adam, false},
        {"adam_second", &state.adam_second, OptimizerKind::Adam, true},
        {"rms_square", &state.rms_square, OptimizerKind::RmsProp, true},
    }};
}

template <typename State>
auto counters_of(State& state) {
    using Named = NamedCounterOf<std::remove_reference_t<decltype((state.adam_steps))>>;
    return std::array<Named, kOptimizerCounterCount>{{
        {"adam_steps", &state.adam_steps, OptimizerKind::Adam},
    }};
}

}  // namespace

std::array<NamedBuffer, kOptimizerBufferCount> optimizer_buffers(OptimizerState& state) { return buffers_of(state); }
std::array<ConstNamedBuffer, kOptimizerBufferCount> optimizer_buffers(const OptimizerState& state) {
    return buffers_of(state);
}
std::array<NamedCounter, kOptimizerCounterCount> optimizer_counters(OptimizerState& state) { return counters_of(state); }
std::array<ConstNamedCounter, kOptimizerCounterCount> optimizer_counters(const OptimizerState& state) {
    return counters_of(state);
}

void Optimizer::reset(const Mlp& mlp) {
    const Eigen::Index size = mlp.layout().size;
    for (const NamedBuffer& buffer : optimizer_buffers(state_)) buffer.values->setZero(size);
    for (const NamedCounter& counter : optimizer_counters(state_)) *counter.value = 0;
}

std::optional<std::string> Optimizer::set_state(OptimizerState state) {
    const Eigen::Index size = state_.velocity.size();
    for (const NamedBuffer& buffer : optimizer_buffers(state)) {
        const std::string name(buffer.name);
        if (buffer.values->size() != size) {
            return "optimizer " + name + " has " + std::to_string(buffer.values->size()) +
                   " values, the network has " + std::to_string(size) + " parameters";
        }
        if (!buffer.values->allFinite()) return "optimizer " + name + " holds a NaN or infinite value";
    }
    for (const NamedBuffer& buffer : optimizer_buffers(state)) {
        if (buffer.non_negative && (buffer.values->array() < 0).any()) {
            return "optimizer second moments must not be negative";
        }
    }
    for (const NamedCounter& counter : optimizer_counters(state)) {
        if (*counter.value < 0) return "optimizer step count must not be negative";
    }
    state_ = std::move(state);
    return std::nullopt;
}

void Optimizer::step(const Vector& params, const Vector& gradient, Vector& next) {
    const OptimizerSettings& s = settings_;
    const double lr = s.learning_rate;
    const auto g = gradient.array();
    switch (s.kind) {
        case OptimizerKind::Sgd: next.array() = params.array() - lr * g; return;
        case OptimizerKind::Momentum:
            state_.velocity.array() = s.momentum * state_.velocity.array() + g;
            if (s.nesterov)
                next.array() = params.array() - lr * (g + s.momentum * state_.velocity.array());
            else
                next.array() = params.array() - lr * state_.velocity.array();
            return;
        case OptimizerKind::Adam: {
            ++state_.adam_steps;
            const double t = static_cast<double>(state_.adam_steps);
            const double correction1 = 1 - std::pow(s.beta1, t);
            const double correction2 = 1 - std::pow(s.beta2, t);
            state_.first_moment.array() = s.beta1 * state_.first_moment.array() + (1 - s.beta1) * g;
            state_.adam_second.array() = s.beta2 * state_.adam_second.array() + (1 - s.beta2) * g.square();
            // torch: θ −= (η / c₁) · m / (√s / √c₂ + ε)
            const double step = lr / correction1;
            const double inv_sqrt_c2 = 1 / std::sqrt(correction2);
            next.array() =
                params.array() - step * state_.first_moment.array() / (state_.adam_second.array().sqrt() * inv_sqrt_c2 + s.epsilon);
            return;
        }
        case OptimizerKind::RmsProp:
            state_.rms_square.array() = s.rho * state_.rms_square.array() + (1 - s.rho) * g.square();
            next.array() = params.array() - lr * g / (state_.rms_square.array().sqrt() + s.epsilon);
            return;
    }
}

}  // namespace actviz
