#pragma once
// Gradient-descent optimisers over the Mlp's flat parameter vector, with torch.optim's formulas
// (g = gradient, η = learning rate, t = this optimiser's own step count from 1):
//   sgd       θ ← θ − η g
//   momentum  v ← μ v + g;  θ ← θ − η v,  or with Nesterov θ ← θ − η (g + μ v)   (SGD(momentum=μ), dampening 0)
//   adam      m ← β₁ m + (1 − β₁) g;  s ← β₂ s + (1 − β₂) g²;
//             θ ← θ − η m̂ / (√ŝ + ε),  m̂ = m / (1 − β₁ᵗ), ŝ = s / (1 − β₂ᵗ)
//   rmsprop   s ← ρ s + (1 − ρ) g²;  θ ← θ − η g / (√s + ε)                    (RMSprop(alpha=ρ))
// The state (v, m, s and the step counts) is sized by reset(mlp) from the parameter count alone and
// holds one buffer per kind, so switching optimiser or learning rate mid-run keeps every moment and
// never allocates: switching back to Adam resumes its moments and bias correction where they were.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/mlp.hpp"
#include "core/nn_types.hpp"

namespace actviz {

enum class OptimizerKind { Sgd, Momentum, Adam, RmsProp };
std::span<const std::string_view> optimizer_names();  // "sgd", "momentum", "adam", "rmsprop", in enum order
std::string_view optimizer_name(OptimizerKind kind);
std::optional<OptimizerKind> find_optimizer(std::string_view name);

inline constexpr double kMinLearningRate = 1e-5;
// The core and `actviz train` accept up to 1e4 so divergence can be shown and tested; the GUI's
// slider spans kMinLearningRate..kSliderMaxLearningRate as the issue asks.
inline constexpr double kMaxLearningRate = 1e4;
inline constexpr double kMaxMomentum = 0.999;  // μ the app, sessions and the CLI accept
inline constexpr double kSliderMaxLearningRate = 10;

struct OptimizerSettings {
    OptimizerKind kind = OptimizerKind::Adam;
    double learning_rate = 0.01;
    double momentum = 0.9;              // μ (momentum)
    bool nesterov = false;              // momentum only
    double beta1 = 0.9, beta2 = 0.999;  // adam
    double rho = 0.99;                  // rmsprop's smoothing (torch's alpha)
    double epsilon = 1e-8;              // adam, rmsprop

    std::optional<std::string> validate() const;

    bool operator==(const OptimizerSettings&) const = default;  // every field: tests compare whole configurations
};

// The optimiser's moments and step count (OptimizerSettings aside), for saving and restoring a run.
struct OptimizerState {
    Vector velocity;      // P
    Vector first_moment;  // P
    Vector adam_second;   // P
    Vector rms_square;    // P
    std::int64_t adam_steps = 0;
};

class Optimizer {
   public:
    explicit Optimizer(const OptimizerSettings& settings = {}) : settings_(settings) {}

    // Sizes the state for `mlp`'s parameters and zeroes it (every kind), step counts to 0.
    void reset(const Mlp& mlp);
    // New hyper-parameters, state kept.
    void set_settings(const OptimizerSettings& settings) { settings_ = settings; }
    const OptimizerSettings& settings() const { return settings_; }
    std::int64_t adam_steps() const { return adam_t_; }

    OptimizerState state() const { return {velocity_, first_moment_, adam_second_, rms_square_, adam_t_}; }
    // Why `state` does not fit the current size (every buffer must have the size reset() gave, with
    // finite values; the step count ≥ 0), or nullopt after taking it.
    std::optional<std::string> set_state(OptimizerState state);

    // next = θ after one step from `params` with `gradient` (all three sized by reset); updates
    // the state. `next` must not alias `params`.
    void step(const Vector& params, const Vector& gradient, Vector& next);

   private:
    OptimizerSettings settings_;
    Vector velocity_;      // P: momentum buffer v
    Vector first_moment_;  // P: Adam's m
    Vector adam_second_;   // P: Adam's s (uncentred second moment)
    Vector rms_square_;    // P: RMSprop's running mean of g²
    std::int64_t adam_t_ = 0;
};

}  // namespace actviz
