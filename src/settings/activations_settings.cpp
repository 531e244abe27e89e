#include "settings/activations_settings.hpp"

namespace actviz::settings {

ActivationsSettings::ActivationsSettings() {
    for (const Activation& activation : activations()) {
        // The classic comparison to start from: the saturating pair and two rectifiers.
        const std::string_view name = activation.name;
        selected.push_back(name == "sigmoid" || name == "tanh" || name == "relu" || name == "gelu");
        parameters.push_back(activation.defaults());
    }
}

}  // namespace actviz::settings
