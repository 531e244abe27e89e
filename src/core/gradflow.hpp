#pragma once
// Gradient flow through a deep random MLP: one forward and one backward pass, then per hidden
// layer the gradient norms and activation statistics that show gradients vanishing or exploding.
//
// The network (one column = one sample, as everywhere in actviz):
//   a_0 = x                                  width × batch, N(0, 1) inputs
//   z_l = W_l a_{l−1} + b_l                  l = 1..depth, W_l width × width (PyTorch's out × in)
//   u_l = LayerNorm(z_l) or z_l              per sample over the width, no affine, ε = 1e-5
//   a_l = f(u_l)  or  a_{l−1} + f(u_l)       (residual)
//   y   = W_o a_depth + b_o                  output layer, width → width, same init as the others
//   L   = mean((y − t)²)                     nn.MSELoss(reduction="mean") against N(0, 1) targets t
// The output layer keeps the width (rather than mapping to one number) so every hidden layer
// receives a full-rank error signal, as in the usual vanishing-gradient demonstrations.
//
// Statistics of hidden layer l, over all width × batch entries (never averaged over samples first):
//   weight_grad_norm   ‖∂L/∂W_l‖ Frobenius
//   act_grad_norm      ‖∂L/∂a_l‖ Frobenius over the batch (the gradient arriving at the layer's output)
//   mean_abs_dz        mean |∂L/∂z_l| (z before layer norm)
//   act_mean/act_std   mean and population standard deviation of a_l
//   saturated_fraction   0 < |f′(u_l)| < 1% of max|f′| (max over x from actviz::analyse; the share is
//                        kSaturatedDerivativeShare, the one definition of "saturated" in actviz)
//   zero_slope_fraction  f′(u_l) = 0 exactly; zero-slope entries are not counted as saturated, so the two
//                        add up. A healthy ReLU layer has ~50%: sparsity, not death.
//   dead_unit_fraction   units whose f′ is exactly 0 for EVERY sample of the batch: dead units, in the
//                        Classifier's sense (core/activity.hpp), which can never learn again
//   max_abs_slope        max |f′(u_l)| over the batch: what the layer's chain-rule factor can be at most
//   max_inverse_std      layer norm: max over samples of 1/√(var + ε) (the norm of its Jacobian); else 1
// Gradients that underflow are exactly 0 and reported as 0 (norms are computed with scaling, so a
// tiny non-zero gradient never rounds to 0 through squaring). float32 runs flush denormals to zero.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "core/activation.hpp"
#include "core/activity.hpp"
#include "core/gradflow_density.hpp"
#include "core/init.hpp"

namespace actviz {

inline constexpr int kGradflowMaxDepth = 1000;
inline constexpr int kGradflowMaxWidth = 1024;
inline constexpr int kGradflowMaxBatch = 4096;
inline constexpr double kGradflowMaxGain = 100;       // also the largest std of InitScheme::Normal
inline constexpr double kGradflowMaxBias = 100;       // |bias|
inline constexpr double kLayerNormEpsilon = 1e-5;     // torch.nn.LayerNorm's default

struct GradflowConfig {
    int depth = 20;   // hidden layers, 1..1000
    int width = 64;   // units per hidden layer, also the input and output size, 1..1024
    int batch = 256;  // samples, 1..4096
    const Activation* activation = find_activation("sigmoid");
    ParameterValues parameters{};  // of `activation`, in its parameter order
    InitScheme init = InitScheme::XavierNormal;
    double gain = 1.0;         // multiplies the scheme's std or bound
    double normal_std = 0.01;  // std of InitScheme::Normal (before the gain); ignored by the others
    double bias = 0.0;         // initial value of every bias
    std::uint64_t seed = 0;
    bool residual = false;
    bool layernorm = false;
    bool float32 = false;  // compute in float32 with denormals flushed to zero, as training hardware does

    // Why the configuration cannot run (one line naming the value and what is allowed), or nullopt.
    std::optional<std::string> validate() const;

    bool operator==(const GradflowConfig&) const = default;  // every field: tests compare whole configurations
};

// Bytes a run of `config` allocates (network, cached activations, gradients, scratch), within a
// few percent; gradients requested through GradflowControl::gradients come on top.
std::size_t estimate_bytes(const GradflowConfig& config);

struct Network {
    std::vector<Eigen::MatrixXd> weights;  // depth + 1 matrices width × width (out × in): layers 1..depth, then output
    std::vector<Eigen::VectorXd> biases;   // depth + 1 vectors of width, likewise

    int depth() const { return static_cast<int>(weights.size()) - 1; }
};

struct GradflowBatch {
    Eigen::MatrixXd inputs;   // width × batch, one column = one sample, N(0, 1)
    Eigen::MatrixXd targets;  // width × batch, N(0, 1): what the output is regressed onto
};

// Everything a run computes besides the statistics; tests compare it with finite differences.
struct GradflowGradients {
    std::vector<Eigen::MatrixXd> weights;  // ∂L/∂W, shaped as Network::weights
    std::vector<Eigen::VectorXd> biases;   // ∂L/∂b, shaped as Network::biases
    Eigen::MatrixXd inputs;                // ∂L/∂x, width × batch
};

struct GradflowControl {
    const std::atomic<bool>* cancel = nullptr;  // set from another thread: the run stops within one layer
    std::atomic<double>* progress = nullptr;    // rises from 0 to 1 as layers finish
    int threads = 0;                            // 0: every hardware thread
    GradflowGradients* gradients = nullptr;     // filled when given (costs memory: tests and small nets)
    bool spectral_bound = false;                // also compute GradflowResult::act_grad_bound (an eigenvalue problem per layer)
    // Also count GradflowResult::density, the layer × value map (gradflow_density.hpp), in the same pass.
    bool density = false;
    double density_half_width = 0;  // R of the activation inputs' bins; 0: gradflow_density_half_width
};

struct LayerStats {
    double weight_grad_norm = 0;
    double act_grad_norm = 0;
    double mean_abs_dz = 0;
    double act_mean = 0;
    double act_std = 0;
    double saturated_fraction = 0;
    double zero_slope_fraction = 0;
    double dead_unit_fraction = 0;
    double max_abs_slope = 0;
    double max_inverse_std = 1;
};

struct GradflowResult {
    std::vector<LayerStats> layers;  // one per hidden layer, [0] = layer 1 nearest the input; empty when cancelled
    double loss = 0;
    bool cancelled = false;
    // With GradflowControl::spectral_bound: ‖W_l‖₂ of layers 1..depth (largest singular value), and
    // per hidden layer a true upper bound on its ‖∂L/∂a_l‖, anchored at the last layer's measured value
    // (see act_grad_bounds). Empty otherwise.
    std::vector<double> spectral_norms;
    std::vector<double> act_grad_bound;
    // With GradflowControl::density: the layer × value map, counted in this run's own pass. Shared so
    // that the app's per-frame copies of a result do not copy depth × bins counts.
    std::shared_ptr<const GradflowDensity> density;
};

// ‖W‖₂: the largest singular value, as the square root of the Gram matrix's largest eigenvalue.
double spectral_norm(const Eigen::MatrixXd& w);
// ‖W_l‖₂ of hidden layers 1..depth, on control.threads threads (one Gram matrix and its eigenvalues each);
// empty when control.cancel is set during the work.
std::vector<double> spectral_norms(const Network& network, const GradflowControl& control = {});

// The factor by which the backward step through hidden layer l (from ∂L/∂a_l to ∂L/∂a_{l−1}) can at
// most multiply the gradient's norm: ∂L/∂a_{l−1} = W_lᵀ J_LNᵀ (f′(u_l) ⊙ ∂L/∂a_l) (+ ∂L/∂a_l with the
// residual), so per sample and hence over the batch (Frobenius)
//   ‖∂L/∂a_{l−1}‖ ≤ ‖W_l‖₂ · max|f′(u_l)| · max 1/σ  (+ 1 with the residual) · ‖∂L/∂a_l‖.
// The layer-norm Jacobian r(I − 11ᵀ/N − uuᵀ/N) has norm ≤ r = 1/σ since u ⟂ 1 and ‖u‖² ≤ N.
double backward_factor_bound(double spectral_norm, const LayerStats& layer, bool residual, bool layernorm);

// bound[l] ≥ ‖∂L/∂a_{l+1}‖ for every hidden layer (0-based), from the last layer's measured ‖∂L/∂a‖
// and the factors of the layers above: bound[depth−1] = its value, bound[l−1] = bound[l] · factor(l+1).
// Unlike max|f′|^k (the activation's factor alone, the best case when the weights preserve norms),
// this holds whatever the weights, up to rounding. `spectral_norms`: ‖W_l‖₂ of layers 1..depth.
std::vector<double> act_grad_bounds(const std::vector<LayerStats>& layers, const std::vector<double>& spectral_norms,
                                    bool residual, bool layernorm);

// [Verdict] How the gradient fares from the output back to layer 1, as the panel states it.

// What a run's numbers can say about its gradient ratio. An exploding network overflows: values
// become ±∞, then NaN where ∞ meets ∞ (∞ − ∞ in W·a, 0·∞), and below that gradients can be exactly
// 0 (ReLU passes none where its input is NaN). Such zeros come from overflow, not underflow. Nor is
// a zero underflow when a whole layer is off (every unit dead): no gradient passes below it at all.
// And activations can overflow while the gradients stay finite (their spread squared passes 1e308).
enum class Overflow { None, Infinity, NotANumber };
struct RunFiniteness {
    Overflow overflow = Overflow::None;  // of the gradients or the loss: Infinity when any is ±∞, else NotANumber when any is NaN
    int first_layer = 0;                 // the lowest hidden layer (from 1) with a non-finite gradient; 0 when none has
    int activations_overflow_layer = 0;  // the lowest layer whose activation mean or spread is not finite; 0: none
    int dead_layer = 0;                  // the layer nearest the output with every unit off (zero-slope share 1); 0: none
};
RunFiniteness finiteness_of(const GradflowResult& result);

enum class GradientVerdict { Healthy, Vanishing, Exploding, NoGradient, Blocked, Overflow, NotANumber };
struct GradientRatio {
    GradientVerdict verdict = GradientVerdict::Healthy;
    // log10(first / last): −∞ when the first layer's gradient underflowed to 0, +∞ when the last
    // layer's did, NaN when both did or when the run overflowed (its ratio means nothing then).
    double log10_ratio = 0;
    std::string ratio_text;  // "2.46e-13", "0 (underflow)", "0 (blocked)", "0 / 0", "∞ (overflow)", "NaN"
    std::string label;       // "vanishing (< 1e-3)", "exploding (> 1e3)", "healthy", "overflow (∞ from layer 176)",
                             // "no gradient below layer 175: every unit there is off", ...
};
// `first` and `last`: one gradient quantity (e.g. weight_grad_norm) of the first and last hidden
// layers of a run whose finiteness is `run`. A run whose gradients overflowed is Overflow or
// NotANumber whatever the two numbers are; a zero first gradient below a layer that is entirely off
// is Blocked; only the remaining zeros are underflow.
GradientRatio gradient_ratio(double first, double last, const RunFiniteness& run);

// The seeded network and data. Each layer draws from its own stream of `seed`, and the data from
// another, so layer l's weights and the inputs do not change with the depth.
Network make_network(const GradflowConfig& config, const GradflowControl& control = {});
GradflowBatch make_batch(const GradflowConfig& config);

// One forward and backward pass. The config must be valid (validate()); its depth, width and
// batch must match the network's and data's shapes (std::invalid_argument otherwise). Uses
// config's activation, parameters, residual, layernorm and float32; ignores init, gain and seed.
GradflowResult simulate_gradient_flow(const GradflowConfig& config, const Network& network, const GradflowBatch& data,
                                      const GradflowControl& control = {});

// The same on the network and data the config's seed gives.
GradflowResult simulate_gradient_flow(const GradflowConfig& config, const GradflowControl& control = {});

}  // namespace actviz
