#pragma once
// The classifier's multi-layer perceptron: inputs (x, y and optional features) → 0..8 hidden layers
// of 1..64 units → K logits. One column = one sample (nn_types.hpp).
//   a_0 = features(x, y)                      F × n
//   z_l = W_l a_{l−1} + b_l                   W_l units_l × units_{l−1}, l = 1..L (L = hidden + 1)
//   a_l = f_l(z_l)                            hidden layers only; f_l from the catalogue
//   logits = z_L                              K × n, softmax cross-entropy in loss.hpp
// Every parameter lives in ONE flat vector (all weights layer by layer, then all biases, then one
// PReLU α per hidden layer), so an optimiser step is a few whole-vector operations and its state
// is sized by the parameter count alone: changing the activation, the learning rate or the
// optimiser never reallocates or resets anything. The α slots exist for every hidden layer (used
// only while the layer's activation is prelu), so switching to or from prelu keeps the layout.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/activation.hpp"
#include "core/activity.hpp"
#include "core/features.hpp"
#include "core/init.hpp"
#include "core/nn_types.hpp"

namespace actviz {

inline constexpr int kMaxHiddenLayers = 8;
inline constexpr int kMaxUnits = 64;
inline constexpr double kMaxInitialBias = 100;
inline constexpr double kMaxInitGain = 100;

struct LayerActivation {
    const Activation* activation = find_activation("tanh");
    ParameterValues parameters{};  // in the activation's parameter order; prelu's α is the initial value

    bool operator==(const LayerActivation&) const = default;  // every field: tests compare whole configurations
};

struct ModelConfig {
    FeatureSet features;
    std::vector<int> hidden{16, 16};  // units per hidden layer, input side first; empty = no hidden layer
    int classes = 3;                  // K ≥ 2
    // One entry: every hidden layer uses it; otherwise one entry per hidden layer.
    std::vector<LayerActivation> activations{LayerActivation{}};
    InitScheme init = InitScheme::XavierUniform;  // core/init.hpp, for every weight matrix (output layer too)
    double gain = 1.0;
    double normal_std = 0.01;  // InitScheme::Normal only
    double bias = 0.0;         // initial bias of every hidden unit (−5 kills ReLUs); the output bias starts at 0
    std::uint64_t seed = 0;

    std::optional<std::string> validate() const;
    const LayerActivation& activation_of(int hidden_layer) const;
    // Same layer sizes and features: weights of one fit the other.
    bool same_architecture(const ModelConfig& other) const;

    bool operator==(const ModelConfig&) const = default;  // every field: tests compare whole configurations
};

// Where each layer's parameters sit in the flat vector.
struct ParameterLayout {
    std::vector<Eigen::Index> weight_offset, bias_offset;  // per weight layer l = 0..L−1 (0 = first hidden)
    std::vector<int> rows, cols;                           // W_l is rows[l] × cols[l]
    Eigen::Index weight_count = 0;                         // weights occupy [0, weight_count): L1/L2 apply there
    Eigen::Index alpha_offset = 0;                         // α of hidden layer h at alpha_offset + h
    Eigen::Index size = 0;
};

class Mlp {
   public:
    explicit Mlp(const ModelConfig& config);  // config must be valid; parameters initialised from its seed

    // Redraws every weight from config().seed (layer l from its own stream), sets hidden biases to
    // config().bias, output biases to 0 and each α to its layer's prelu parameter.
    void initialise();

    const ModelConfig& config() const { return config_; }
    const ParameterLayout& layout() const { return layout_; }
    int layer_count() const { return static_cast<int>(layout_.rows.size()); }  // weight layers: hidden + 1
    int hidden_count() const { return layer_count() - 1; }
    int input_size() const { return layout_.cols.front(); }
    int classes() const { return layout_.rows.back(); }
    int units(int layer) const { return layout_.rows[static_cast<size_t>(layer)]; }

    Vector& parameters() { return parameters_; }
    const Vector& parameters() const { return parameters_; }
    Eigen::Map<const Matrix> weight(int layer) const;
    Eigen::Map<Matrix> weight(int layer);
    Eigen::Map<const Vector> bias(int layer) const;
    Eigen::Map<Vector> bias(int layer);
    // Views of the same shapes into another vector laid out like parameters() (a gradient).
    Eigen::Map<Matrix> weight_in(Vector& flat, int layer) const;
    Eigen::Map<Vector> bias_in(Vector& flat, int layer) const;

    // Hidden layer h's activation and its parameters as used now (prelu: the learned α).
    const Activation& activation(int hidden_layer) const;
    ParameterValues activation_parameters(int hidden_layer) const;
    bool learns_alpha(int hidden_layer) const;  // prelu
    double alpha(int hidden_layer) const { return parameters_[layout_.alpha_offset + hidden_layer]; }

    // Changes activations without touching weights (−1: every hidden layer). Setting prelu sets
    // that layer's α to the given parameter. The activation must be valid for its parameters.
    void set_activation(int hidden_layer, const LayerActivation& activation);

    // The dead/saturated rule of hidden layer h (cached; prelu's follows its learned α).
    InactivityRule inactivity(int hidden_layer) const;

   private:
    void refresh_rules();

    ModelConfig config_;
    ParameterLayout layout_;
    Vector parameters_;                  // layout_.size: W_1..W_L (column-major each), b_1..b_L, α_1..α_H
    std::vector<InactivityRule> rules_;  // per hidden layer, for the activations in config_
};

}  // namespace actviz
