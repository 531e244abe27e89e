#include "settings/activation_link.hpp"

namespace actviz::settings {
namespace {

bool valid(const LinkedChoice& choice) {
    const auto catalogue = activations();
    return choice.activation >= 0 && static_cast<std::size_t>(choice.activation) < catalogue.size() &&
           !catalogue[static_cast<std::size_t>(choice.activation)].invalid_reason(choice.parameters);
}

// Writes the linked choice into every panel. `previous` is unchecked in the Activations panel
// unless the change came from there (a function the user checked keeps the others checked).
void write_everywhere(ActivationLink& link, LinkedPanels panels, std::optional<int> previous) {
    const LinkedChoice& choice = *link.current;
    panels.classifier.activation = choice.activation;
    panels.classifier.parameters = choice.parameters;
    if (!panels.gradflow.curves.empty()) {
        panels.gradflow.curves.front().activation = choice.activation;
        panels.gradflow.curves.front().parameters = choice.parameters;
    }
    ActivationsSettings& a = panels.activations;
    const auto index = static_cast<std::size_t>(choice.activation);
    if (previous && *previous != choice.activation) a.selected[static_cast<std::size_t>(*previous)] = false;
    a.selected[index] = true;
    a.zones_of = choice.activation;
    a.parameters[index] = choice.parameters;
    link.seen_selected = a.selected;
}

// What the user changed in the Activations panel since the last sync, if anything: a function
// checked, another checked function picked for the zones, or the linked function's parameters.
std::optional<LinkedChoice> activations_change(const ActivationLink& link, const ActivationsSettings& a) {
    std::optional<LinkedChoice> checked;
    for (std::size_t i = 0; i < a.selected.size(); ++i) {
        if (a.selected[i] && !link.seen_selected[i]) checked = LinkedChoice{static_cast<int>(i), a.parameters[i]};
    }
    if (checked) return checked;
    const int linked = link.current->activation;
    if (a.zones_of >= 0 && a.zones_of != linked && a.selected[static_cast<std::size_t>(a.zones_of)]) {
        return LinkedChoice{a.zones_of, a.parameters[static_cast<std::size_t>(a.zones_of)]};
    }
    const ParameterValues& parameters = a.parameters[static_cast<std::size_t>(linked)];
    if (parameters != link.current->parameters) return LinkedChoice{linked, parameters};
    return std::nullopt;
}

}  // namespace

LinkedChoice classifier_choice(const ClassifierHyper& hyper) { return {hyper.activation, hyper.parameters}; }

LinkedChoice gradflow_choice(const GradflowSimulation& simulation) {
    if (simulation.curves.empty()) return {};
    return {simulation.curves.front().activation, simulation.curves.front().parameters};
}

std::optional<LinkedChoice> activations_choice(const ActivationsSettings& settings) {
    const auto pick = [&](std::size_t i) { return LinkedChoice{static_cast<int>(i), settings.parameters[i]}; };
    if (settings.zones_of >= 0 && settings.selected[static_cast<std::size_t>(settings.zones_of)]) {
        return pick(static_cast<std::size_t>(settings.zones_of));
    }
    for (std::size_t i = 0; i < settings.selected.size(); ++i) {
        if (settings.selected[i]) return pick(i);
    }
    return std::nullopt;
}

void set_linked(ActivationLink& link, bool on, const LinkedChoice& choice, LinkedPanels panels) {
    link.on = on;
    link.current.reset();
    if (!on) return;
    link.current = valid(choice) ? choice : classifier_choice(panels.classifier);
    write_everywhere(link, panels, std::nullopt);
}

bool sync_linked_activations(ActivationLink& link, LinkedPanels panels) {
    if (!link.on) return false;
    if (!link.current) {  // just turned on by a loaded session: the classifier's choice leads
        set_linked(link, true, classifier_choice(panels.classifier), panels);
        return true;
    }
    if (link.seen_selected.size() != panels.activations.selected.size()) link.seen_selected = panels.activations.selected;
    std::optional<LinkedChoice> adopted = activations_change(link, panels.activations);
    const bool from_activations = adopted.has_value();
    if (!adopted && gradflow_choice(panels.gradflow) != *link.current) adopted = gradflow_choice(panels.gradflow);
    if (!adopted && classifier_choice(panels.classifier) != *link.current) adopted = classifier_choice(panels.classifier);
    link.seen_selected = panels.activations.selected;
    if (!adopted || *adopted == *link.current || !valid(*adopted)) return false;
    const int previous = link.current->activation;
    link.current = adopted;
    write_everywhere(link, panels, from_activations ? std::nullopt : std::optional<int>(previous));
    return true;
}

}  // namespace actviz::settings
