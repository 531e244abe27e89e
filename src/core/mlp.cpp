#include "core/mlp.hpp"

#include <cmath>
#include <cstdio>

#include "core/rng.hpp"

namespace actviz {
namespace {

bool is_prelu(const Activation& activation) { return activation.name == std::string_view("prelu"); }

}  // namespace

std::optional<std::string> ModelConfig::validate() const {
    if (hidden.size() > static_cast<size_t>(kMaxHiddenLayers)) {
        return "at most " + std::to_string(kMaxHiddenLayers) + " hidden layers, got " + std::to_string(hidden.size());
    }
    for (int units : hidden) {
        if (units < 1 || units > kMaxUnits) {
            return "hidden layer sizes must be between 1 and " + std::to_string(kMaxUnits) + ", got " +
                   std::to_string(units);
        }
    }
    if (classes < 2) return "at least 2 classes are needed, got " + std::to_string(classes);
    if (activations.size() != 1 && activations.size() != hidden.size()) {
        return "give one activation for all hidden layers or one per layer (" + std::to_string(hidden.size()) +
               "), got " + std::to_string(activations.size());
    }
    for (const LayerActivation& layer : activations) {
        if (!layer.activation) return "no activation chosen";
        if (auto reason = layer.activation->invalid_reason(layer.parameters)) return reason;
    }
    return init_settings_error(init, gain, normal_std, bias, kMaxInitGain, kMaxInitialBias);
}

const LayerActivation& ModelConfig::activation_of(int hidden_layer) const {
    return activations.size() == 1 ? activations.front() : activations[static_cast<size_t>(hidden_layer)];
}

bool ModelConfig::same_architecture(const ModelConfig& other) const {
    return features == other.features && hidden == other.hidden && classes == other.classes;
}

Mlp::Mlp(const ModelConfig& config) : config_(config) {
    int previous = config.features.count();
    std::vector<int> outputs = config.hidden;
    outputs.push_back(config.classes);
    Eigen::Index offset = 0;
    for (int units : outputs) {
        layout_.weight_offset.push_back(offset);
        layout_.rows.push_back(units);
        layout_.cols.push_back(previous);
        offset += static_cast<Eigen::Index>(units) * previous;
        previous = units;
    }
    layout_.weight_count = offset;
    for (int units : outputs) {
        layout_.bias_offset.push_back(offset);
        offset += units;
    }
    layout_.alpha_offset = offset;
    layout_.size = offset + static_cast<Eigen::Index>(config.hidden.size());
    parameters_.setZero(layout_.size);
    initialise();
}

void Mlp::initialise() {
    for (int l = 0; l < layer_count(); ++l) {
        // The output layer has its own stream, so adding a hidden layer does not redraw the others.
        const std::uint64_t stream = l == hidden_count() ? 1000 : static_cast<std::uint64_t>(l);
        Rng rng(stream_seed(config_.seed, SeedStream::Weights, stream));
        initialise_weights(weight(l), config_.init, config_.gain, config_.normal_std, rng);
        bias(l).setConstant(l == hidden_count() ? 0.0 : config_.bias);
    }
    for (int h = 0; h < hidden_count(); ++h) {
        const LayerActivation& layer = config_.activation_of(h);
        parameters_[layout_.alpha_offset + h] = is_prelu(*layer.activation) ? layer.parameters[0] : 0.0;
    }
    refresh_rules();
}

Eigen::Map<const Matrix> Mlp::weight(int l) const {
    const auto i = static_cast<size_t>(l);
    return {parameters_.data() + layout_.weight_offset[i], layout_.rows[i], layout_.cols[i]};
}
Eigen::Map<Matrix> Mlp::weight(int l) { return weight_in(parameters_, l); }
Eigen::Map<const Vector> Mlp::bias(int l) const {
    const auto i = static_cast<size_t>(l);
    return {parameters_.data() + layout_.bias_offset[i], layout_.rows[i]};
}
Eigen::Map<Vector> Mlp::bias(int l) { return bias_in(parameters_, l); }

Eigen::Map<Matrix> Mlp::weight_in(Vector& flat, int l) const {
    const auto i = static_cast<size_t>(l);
    return {flat.data() + layout_.weight_offset[i], layout_.rows[i], layout_.cols[i]};
}
Eigen::Map<Vector> Mlp::bias_in(Vector& flat, int l) const {
    const auto i = static_cast<size_t>(l);
    return {flat.data() + layout_.bias_offset[i], layout_.rows[i]};
}

const Activation& Mlp::activation(int h) const { return *config_.activation_of(h).activation; }

ParameterValues Mlp::activation_parameters(int h) const {
    ParameterValues p = config_.activation_of(h).parameters;
    if (learns_alpha(h)) p[0] = alpha(h);
    return p;
}

bool Mlp::learns_alpha(int h) const { return is_prelu(activation(h)); }

void Mlp::set_activation(int hidden_layer, const LayerActivation& layer) {
    if (hidden_layer < 0) {
        config_.activations = {layer};
    } else {
        if (config_.activations.size() == 1) {
            config_.activations.assign(static_cast<size_t>(hidden_count()), config_.activations.front());
        }
        config_.activations[static_cast<size_t>(hidden_layer)] = layer;
    }
    for (int h = 0; h < hidden_count(); ++h) {
        if ((hidden_layer < 0 || h == hidden_layer) && is_prelu(*layer.activation)) {
            parameters_[layout_.alpha_offset + h] = layer.parameters[0];
        }
    }
    refresh_rules();
}

InactivityRule Mlp::inactivity(int h) const {
    if (learns_alpha(h)) return inactivity_rule(activation(h), activation_parameters(h));  // cheap for prelu
    return rules_[static_cast<size_t>(h)];
}

void Mlp::refresh_rules() {
    rules_.clear();
    for (int h = 0; h < hidden_count(); ++h) {
        const LayerActivation& layer = config_.activation_of(h);
        rules_.push_back(inactivity_rule(*layer.activation, layer.parameters));  // analysed once per curve (curve_memo.hpp)
    }
}

}  // namespace actviz
