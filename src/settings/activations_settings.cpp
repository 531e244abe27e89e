#include "settings/activations_settings.hpp"

#include <algorithm>

namespace actviz::settings {

ActivationsSettings::ActivationsSettings() {
    for (const Activation& activation : activations()) {
        // The classic comparison to start from: the saturating pair and two rectifiers.
        const std::string_view name = activation.name;
        selected.push_back(name == "sigmoid" || name == "tanh" || name == "relu" || name == "gelu");
        parameters.push_back(activation.defaults());
    }
}

std::span<const Activation> fitted_catalogue(const ActivationsSettings& settings) {
    const auto catalogue = activations();
    return catalogue.first(std::min({catalogue.size(), settings.selected.size(), settings.parameters.size()}));
}

void fit_to_catalogue(ActivationsSettings& settings) {
    const auto catalogue = activations();
    for (std::size_t i = settings.selected.size(); i < catalogue.size(); ++i) settings.selected.push_back(false);
    for (std::size_t i = settings.parameters.size(); i < catalogue.size(); ++i) settings.parameters.push_back(catalogue[i].defaults());
}

}  // namespace actviz::settings
