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

#include <array>
#include <cstddef>
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
// The core, sessions, typed values and `actviz train` accept up to 1e4 so divergence can be shown
// and tested; the slider drags over kMinLearningRate..kSliderMaxLearningRate, the useful span.
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
// Every member is listed once more in optimizer_buffers / optimizer_counters below.
struct OptimizerState {
    Vector velocity;      // P
    Vector first_moment;  // P
    Vector adam_second;   // P
    Vector rms_square;    // P
    std::int64_t adam_steps = 0;
};

// One parameter-sized buffer of OptimizerState under its name (the session key).
template <typename V>
struct NamedBufferOf {
    std::string_view name;  // "velocity", "first_moment", ...
    V* values;
    OptimizerKind used_by;  // the one optimiser that reads and updates it
    bool non_negative;      // a running mean of g²: a negative value cannot come from training
};
using NamedBuffer = NamedBufferOf<Vector>;
using ConstNamedBuffer = NamedBufferOf<const Vector>;

// One step count of OptimizerState under its name.
template <typename I>
struct NamedCounterOf {
    std::string_view name;  // "adam_steps"
    I* value;
    OptimizerKind used_by;
};
using NamedCounter = NamedCounterOf<std::int64_t>;
using ConstNamedCounter = NamedCounterOf<const std::int64_t>;

// The single list of the state's buffers and step counts, in the order sessions store them (the
// buffers, then the counts). The session writer and reader, the memory estimate and Optimizer's
// reset and validation all go through it, so a new optimiser adds its state here and in
// OptimizerState, and nowhere else.
inline constexpr std::size_t kOptimizerBufferCount = 4;
inline constexpr std::size_t kOptimizerCounterCount = 1;
std::array<NamedBuffer, kOptimizerBufferCount> optimizer_buffers(OptimizerState& state);
std::array<ConstNamedBuffer, kOptimizerBufferCount> optimizer_buffers(const OptimizerState& state);
std::array<NamedCounter, kOptimizerCounterCount> optimizer_counters(OptimizerState& state);
std::array<ConstNamedCounter, kOptimizerCounterCount> optimizer_counters(const OptimizerState& state);

class Optimizer {
   public:
    explicit Optimizer(const OptimizerSettings& settings = {}) : settings_(settings) {}

    // Sizes the state for `mlp`'s parameters and zeroes it (every kind), step counts to 0.
    void reset(const Mlp& mlp);
    // New hyper-parameters, state kept.
    void set_settings(const OptimizerSettings& settings) { settings_ = settings; }
    const OptimizerSettings& settings() const { return settings_; }
    std::int64_t adam_steps() const { return state_.adam_steps; }

    OptimizerState state() const { return state_; }
    // Why `state` does not fit the current size (every buffer must have the size reset() gave, with
    // finite values; the step count ≥ 0), or nullopt after taking it.
    std::optional<std::string> set_state(OptimizerState state);

    // next = θ after one step from `params` with `gradient` (all three sized by reset); updates
    // the state. `next` must not alias `params`.
    void step(const Vector& params, const Vector& gradient, Vector& next);

   private:
    OptimizerSettings settings_;
    // velocity: momentum buffer v; first_moment: Adam's m; adam_second: Adam's s (uncentred second
    // moment); rms_square: RMSprop's running mean of g²; adam_steps: Adam's t.
    OptimizerState state_;
};

}  // namespace actviz
