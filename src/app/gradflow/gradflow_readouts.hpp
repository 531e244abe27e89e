#pragma once
// What the Gradient flow panel says in words: the curve names, what the ratio readout spans, and the
// depth × gain map's cells (number, short number, tooltip) and title. Kept apart from the drawing so
// tests can read exactly what a user reads.

#include <optional>
#include <string>
#include <vector>

#include "app/gradflow/gradflow_live.hpp"

namespace actviz::app {

const char* quantity_label(GradQuantity quantity);  // "‖∂L/∂W‖", "‖∂L/∂a‖", "mean |∂L/∂z|"
std::string curve_name(const GradflowCurve& curve);  // "sigmoid, xavier_normal ×2, residual"

// What "layer 1 / layer N" spans: the backward steps through layers 2..N, N − 1 factors.
// "‖∂L/∂a‖ layer 1 / layer 21: 20 layers' factors (layers 2–21)"; depth 1: "… no factor between".
std::string ratio_span_text(int depth, GradQuantity quantity);
int ratio_factor_count(int depth);  // depth − 1

// log10 of a ratio as the headline and the map's tooltip print it: "−12.61" (two decimals, true minus).
std::string log10_text(double value);

// One map cell as the panel shows it. `value` is the true log10 of the ratio (±∞ for a zero end or
// overflow, NaN for 0 / 0): the colour scale saturates, the text never does.
struct MapCellView {
    double value = 0;
    std::string text;        // "−12.6", "60.4", "−∞", "∞", "NaN", "0/0"
    std::string short_text;  // "−13", "60": when the full text does not fit the cell
    std::string tooltip;     // "depth 20, gain 1\nlog10 ‖∂L/∂W‖ layer 1 / layer 20 = −12.61\nratio 2.46e-13: vanishing (< 1e-3)"
};
MapCellView map_cell_view(const GradflowMapCell& cell, GradQuantity quantity, int depth, double gain);

// "log10 ‖∂L/∂W‖ 1/N, curve 1 (Sigmoid)": short enough for the map's title at 1024 pixels; the
// tooltip of each cell names the full ratio.
std::string map_title(const GradflowSimulation& simulation, GradQuantity quantity);
// Why the map's cell for curve 1's depth and gain would not show the headline's figure, or nullopt
// when it is the very same run: "map at width 64, batch 256 (curve 1: width 128, batch 1024) …".
std::optional<std::string> map_differs_note(const GradflowSimulation& simulation);

// The chapter's attenuation table beside the simulated network's numbers: k layers back from the
// last hidden layer N, the activation's best case max|f′|^k (sigmoid: 1, 0.25, …, 0.0039 at k = 4) and
// the simulated ‖∂L/∂a‖ at layer N − k over that at layer N, which the weights multiply in too.
struct AttenuationRow {
    int layers_back = 0;  // k
    double best_case = 1;  // max|f′|^k
    double simulated = 1;  // ‖∂L/∂a_{N−k}‖ / ‖∂L/∂a_N‖ (NaN when layer N's is 0)
};
// Rows k = 0..min(max_back, depth − 1).
std::vector<AttenuationRow> attenuation_rows(const GradflowResult& result, double peak_slope, int max_back = 5);

}  // namespace actviz::app
