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

void fit_to_catalogue(ActivationsSettings& settings) {
    const auto catalogue = activations();
    for (std::size_t i = settings.selected.size(); i < catalogue.size(); ++i) settings.selected.push_back(false);
    for (std::size_t i = settings.parameters.size(); i < catalogue.size(); ++i) settings.parameters.push_back(catalogue[i].defaults());
}

}  // namespace actviz::settings
