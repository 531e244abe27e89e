#pragma once
// Activations > Type a formula…: the user's own activation. A name, a formula in x (with α and β
// as sliders), a colour; compiled as it is typed (core/formula.hpp), with the error's column marked
// and f and the exact f′ previewed. "Define" adds it to the catalogue, so every activation list
// (the Activations page, Gradient flow, the Classifier, the Bake-off) offers it like a built-in.

#include <optional>
#include <string>

#include "core/custom_activation.hpp"
#include "core/formula.hpp"

namespace actviz::app {

struct AppState;

struct FormulaEditor {
    bool open = false;
    CustomActivationSpec spec;
    std::string compiled_text;             // the formula `preview` was compiled from
    std::optional<FormulaResult> preview;  // the formula as typed, compiled
    std::string message;                   // the last Define's outcome or refusal
};

// Opens the editor, for a new activation or prefilled with `existing` (a custom one) to change it.
void open_formula_editor(FormulaEditor& editor, const Activation* existing = nullptr);

void draw_formula_window(AppState& state);

// The editor's Define button: adds the spec to the catalogue (or says why not, in editor.message),
// ticks it on the Activations page and, for a redefined name, moves every panel to the new formula.
void define_formula(AppState& state);

// The panels' per-activation tables follow the catalogue, which grows when a formula is defined
// (here, or by a session opened off the UI thread): called once a frame before anything is drawn.
void fit_to_catalogue(AppState& state);

// After `to` superseded `from` (the same name redefined): every panel that used `from` uses `to`.
void replace_activation_everywhere(AppState& state, int from, int to);

}  // namespace actviz::app
