#pragma once
// "Link activations": one activation (and its α, β, λ) drives the Activations, Gradient flow and
// Classifier panels. Each panel keeps editing its own settings with its own widgets; once a frame,
// sync_linked_activations() sees which panel's choice moved away from the linked one, adopts it,
// and writes it into the other two. What each panel's "choice" is:
//   Activations    the function checked last (it also becomes the one whose zones are shaded);
//                  the others stay checked for comparison, but the previously linked one is
//                  unchecked when another panel changes the link, so cycling through functions in
//                  the Classifier does not pile up curves
//   Gradient flow  curve 1 (the other curves are comparisons)
//   Classifier     the hidden layers' activation
// Invalid parameters (hardtanh with min ≥ max) are not adopted: the last good choice stays linked.

#include <optional>
#include <vector>

#include "settings/activations_settings.hpp"
#include "settings/classifier_settings.hpp"
#include "settings/gradflow_settings.hpp"

namespace actviz::settings {

struct LinkedChoice {
    int activation = 0;  // catalogue index
    ParameterValues parameters{};
    bool operator==(const LinkedChoice&) const = default;
};

struct ActivationLink {
    bool on = false;
    std::optional<LinkedChoice> current;  // empty: adopt the classifier's at the next sync
    std::vector<bool> seen_selected;      // the Activations panel's checkboxes at the last sync
};

// The panels' settings the link reads and writes.
struct LinkedPanels {
    ActivationsSettings& activations;
    GradflowSimulation& gradflow;
    ClassifierHyper& classifier;
};

// Turns the link on with `choice` (the choice of the panel whose toggle was clicked) and writes it
// into every panel; or turns it off, leaving every panel as it is.
void set_linked(ActivationLink& link, bool on, const LinkedChoice& choice, LinkedPanels panels);

// Once a frame while the link is on: adopts the choice of a panel that changed it and writes it
// into the others. Returns true when any panel's settings were changed.
bool sync_linked_activations(ActivationLink& link, LinkedPanels panels);

// Each panel's current choice.
LinkedChoice classifier_choice(const ClassifierHyper& hyper);
LinkedChoice gradflow_choice(const GradflowSimulation& simulation);  // curve 1's
// The function whose zones are shaded (or the first checked); nullopt when none is checked.
std::optional<LinkedChoice> activations_choice(const ActivationsSettings& settings);

}  // namespace actviz::settings
