#pragma once
// The Activations panel's live side: caches of what core computed from its settings, so a frame
// in which nothing changed costs no recomputation.

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "settings/activations_settings.hpp"
#include "core/activation.hpp"
#include "core/activation_analysis.hpp"
#include "core/activation_cost.hpp"
#include "core/activation_shape.hpp"
#include "app/vocabulary.hpp"

namespace actviz::app {

struct CachedCurve {
    ParameterValues parameters{};
    double lo = 0, hi = 0;
    int count = 0;
    CurveSamples samples;
    std::vector<double> second_derivative;  // filled only when shown
};

struct CachedFigures {
    std::optional<ParameterValues> parameters;  // empty until computed
    double share = 0;                           // the saturated share the shape was computed at
    ActivationFigures figures;
    ShapeEvidence shape;
    bool can_die = false;
    // Measured once per activation, a frame at a time (the table's cost column): ns per element.
    std::optional<ActivationCost> cost;
};

struct ActivationsLive {
    std::vector<CachedCurve> curves = std::vector<CachedCurve>(activations().size());
    std::vector<CachedFigures> figures = std::vector<CachedFigures>(activations().size());
    std::array<std::array<float, 2>, 2> shown_x_range{};  // per chart: the x range it showed last frame
    std::string parameter_error;  // why the last slider edit was refused (the last good values stay)
    // What the Classifier overlay drew last frame (empty bins: nothing): the GUI test's evidence that
    // the bars are the Classifier's own histogram.
    struct OverlayShown {
        int layer = -1;
        std::int64_t step = -1;
        double lo = 0, hi = 0;
        std::vector<std::int64_t> bins;
    } overlay_shown;
};

}  // namespace actviz::app
