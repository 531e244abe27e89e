#include "core/activation_properties.hpp"

namespace actviz {

bool can_die(const ShapeEvidence& shape) {
    // Each end of a dead interval is placed by bisection to ~1e-13; an isolated zero of f′ gives an
    // "interval" that narrow, a real one (softshrink's [−λ, λ] at λ ≥ 1e-6) is far wider.
    constexpr double kNarrowestInterval = 1e-9;
    for (const FlatInterval& piece : shape.flat) {
        if (piece.kind == FlatKind::Dead && piece.to - piece.from > kNarrowestInterval) return true;
    }
    return false;
}

ActivationProperties activation_properties(const Activation& activation, const ParameterValues& p, double share) {
    ActivationProperties properties;
    properties.figures = analyse(activation, p);
    properties.shape = shape_evidence(activation, p, share);
    properties.can_die = can_die(properties.shape);
    return properties;
}

}  // namespace actviz
