#include "settings/gradflow_settings.hpp"

#include "settings/preset_list.hpp"

namespace actviz::settings {
namespace {

GradflowCurve curve(std::string_view activation, InitScheme init, float gain = 1.0f, bool residual = false) {
    const Activation* found = find_activation(activation);
    GradflowCurve result;
    result.activation = activation_index(*found);
    result.parameters = found->defaults();
    result.init = init;
    result.gain = gain;
    result.residual = residual;
    return result;
}

}  // namespace

GradflowSimulation::GradflowSimulation() { curves = {curve("sigmoid", InitScheme::XavierNormal)}; }

GradflowConfig GradflowSimulation::config_for(int index) const {
    const GradflowCurve& c = curves[index];
    GradflowConfig config;
    config.depth = depth;
    config.width = width;
    config.batch = batch;
    config.activation = &activations()[c.activation];
    config.parameters = c.parameters;
    config.init = c.init;
    config.gain = c.gain;
    // The std belongs to the normal initialisation alone; the others keep the core's default, so the
    // configuration equals the one `actviz gradflow` builds (which takes --std only with --init normal).
    if (c.init == InitScheme::Normal) config.normal_std = normal_std;
    config.bias = bias;
    config.seed = static_cast<std::uint64_t>(seed);
    config.residual = c.residual;
    config.layernorm = c.layernorm;
    config.float32 = float32;
    return config;
}

const std::vector<GradflowPreset>& gradflow_presets() {
    static const std::vector<GradflowPreset> presets = {
        {"sigmoid-20", "sigmoid, 20 layers",
         "The textbook vanishing gradient: σ′ ≤ 0.25, so every layer can shrink the gradient fourfold; "
         "after 20 layers the first layer's gradient is many orders of magnitude below the last's.",
         [](GradflowSettings& s) {
             s = GradflowSettings();
             s.simulation.curves = {curve("sigmoid", InitScheme::XavierNormal)};
         }},
        {"usual-inits", "tanh vs ReLU vs GELU, usual inits",
         "tanh with Xavier (Glorot) and ReLU/GELU with He (Kaiming) initialisation: the inits chosen so that "
         "the signal's variance survives each layer.",
         [](GradflowSettings& s) {
             s = GradflowSettings();
             s.simulation.depth = 30;
             s.simulation.curves = {curve("tanh", InitScheme::XavierNormal), curve("relu", InitScheme::HeNormal),
                         curve("gelu", InitScheme::HeNormal)};
         }},
        {"relu-gain-2", "ReLU with gain 2 (exploding)",
         "He init already has ReLU's √2; doubling the scale on top makes each layer grow the gradient "
         "about twofold: the 29 layers' factors between layer 1 and layer 30 multiply to ~3e9. Plotted as ‖∂L/∂a‖: the weight gradients ‖δ aᵀ‖ stay "
         "level because the forward signal grows as fast as the backward one shrinks — all of them ~1e19.",
         [](GradflowSettings& s) {
             s = GradflowSettings();
             s.simulation.depth = 30;
             s.simulation.curves = {curve("relu", InitScheme::HeNormal, 2.0f), curve("relu", InitScheme::HeNormal, 1.0f)};
             s.quantity = GradQuantity::ActivationGrad;
         }},
        {"residual-depth-100", "residual connections rescue depth 100",
         "a ← a + f(W a + b): the identity path carries the gradient past every layer. At depth 100, sigmoid's "
         "layer 1 still gets ~1e-2 of the last layer's gradient with it, ~1e-63 without.",
         [](GradflowSettings& s) {
             s = GradflowSettings();
             s.simulation.depth = 100;
             s.simulation.curves = {curve("sigmoid", InitScheme::XavierNormal, 1.0f, false),
                         curve("sigmoid", InitScheme::XavierNormal, 1.0f, true)};
         }},
        {"tanh-vanishes", "tanh vanishes too",
         "Every chapter says tanh vanishes in deep networks, yet with Xavier (Glorot) initialisation it stays "
         "healthy over 30 layers: Xavier scales each layer's weights to keep the signal's variance, so the "
         "pre-activations stay near x = 0 where tanh′ ≈ 1, and the backward pass keeps its size as well. Halve "
         "the weights (gain 0.5) and every layer shrinks both the forward signal and the backward one by about "
         "half: layer 1's ‖∂L/∂a‖ is ~1e-9 of layer 30's, and every layer's weight gradient is ~1e-10 against "
         "Xavier's ~0.02. (Weights far too large do not vanish: they explode, saturated units and all — try "
         "gain 4.)",
         [](GradflowSettings& s) {
             s = GradflowSettings();
             s.simulation.depth = 30;
             s.simulation.curves = {curve("tanh", InitScheme::XavierNormal), curve("tanh", InitScheme::XavierNormal, 0.5f)};
             s.quantity = GradQuantity::ActivationGrad;  // the weight gradients shrink with the forward signal too
         }},
        {"factor-0.2-vs-0.5", "20 layers: factor 0.2 vs 0.5 per layer",
         "A linear network with orthogonal weights scaled by g multiplies the gradient by exactly g per layer: "
         "20 layers give 0.2^20 ≈ 1.05e-14 against 0.5^20 ≈ 9.5e-7. Layer 1 / layer N spans the N − 1 layers "
         "above layer 1, so the network has 21 hidden layers: layer 1 / layer 21 is exactly 20 factors.",
         [](GradflowSettings& s) {
             s = GradflowSettings();
             s.simulation.depth = 21;  // layer 1 / layer 21: the factors of layers 2..21, twenty of them
             s.simulation.curves = {curve("identity", InitScheme::Orthogonal, 0.2f), curve("identity", InitScheme::Orthogonal, 0.5f)};
             s.quantity = GradQuantity::ActivationGrad;  // weight gradients also carry the shrinking forward signal
             s.show_chain_rule_bound = false;
         }},
    };
    return presets;
}

const GradflowPreset* find_gradflow_preset(std::string_view id) { return find_preset(gradflow_presets(), id); }

}  // namespace actviz::settings
