#pragma once
// One row of the property table a student is asked to remember, computed one way for the
// Activations page and for `actviz list --properties`, so the two print the same numbers: max|f′|
// and where (activation_analysis.hpp), the zero-centred figure, smoothness, monotony and the flat
// intervals (activation_shape.hpp), and whether a unit can die.

#include "core/activation.hpp"
#include "core/activation_analysis.hpp"
#include "core/activation_shape.hpp"

namespace actviz {

struct ActivationProperties {
    ActivationFigures figures;  // analyse() over [−10, 10]
    ShapeEvidence shape;        // shape_evidence() at the saturated share asked for, over [−10, 10]
    bool can_die = false;       // can_die(shape)
};

// Can a unit die: is f′ = 0 exactly on a whole interval (ReLU for x ≤ 0, hardtanh outside its
// range, step everywhere), so that a unit whose inputs all land there gets no gradient at all? Read
// from the function's own f′ (the dead intervals of shape_evidence), not from a list. An isolated
// zero of f′ (hardswish′(−1.5) = 0, GELU′ near −0.75) is no interval: a unit passes through it.
bool can_die(const ShapeEvidence& shape);

// `share`: saturated below share · max|f′| (the page's ε; 1% everywhere else).
ActivationProperties activation_properties(const Activation& activation, const ParameterValues& p, double share);

}  // namespace actviz
