#pragma once
// The property table's cells as a student reads them ("|x| > 5.99", "(0, ∞)", "0: yes"), one
// wording for the Activations page and `actviz list --properties` (moved here from the page so both
// print the same text for the same numbers).

#include <string>
#include <vector>

#include "core/activation_analysis.hpp"
#include "core/activation_shape.hpp"

namespace actviz {

// `value` in a printf format, with |value| < 5e-13 written as 0 (a search's rounding noise, −1e-17).
std::string property_number(const char* format, double value);

// Where an extremum is reached: "x = 0", "(0, ∞)", "x → −∞".
std::string where_text(const Extremum& extremum);

// The flat intervals: "nowhere", "|x| > 5.99", "x < 0 (f′ = 0)", "-0.77 < x < -0.73", "x = -1.5 (f′ = 0)"
// for an isolated zero, joined by ", ".
std::string flat_text(const std::vector<FlatInterval>& flat);

// The zero-centred figure E f(Z): "0: yes" when it is (|mean| < 5e-4), otherwise the mean to 3 digits.
std::string mean_text(double mean);

// The range column: the catalogue's exact range for a built-in ("(0, 1)"); for a typed formula,
// none is known, so the values f takes on [lo, hi], sampled: "[−0.279, 5.97] on [−6, 6]", or where
// it is not finite ("not finite at x = −1 …").
std::string range_text(const Activation& activation, const ParameterValues& p, double lo, double hi);

// "yes" when f′ is continuous, otherwise "no, x = <where it jumps>".
std::string smooth_text(const ShapeEvidence& shape);

}  // namespace actviz
