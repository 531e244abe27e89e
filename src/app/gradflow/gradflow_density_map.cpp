// The layer × value density map (gradflow_density_map.hpp).
//
// [SECTION] Columns: one per layer (or group of layers when they are under 3 px wide)
// [SECTION] Drawing: cells, zones, hover
// [SECTION] The view: its switches and the chart

#include "app/gradflow/gradflow_density_map.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "app/activation_colour.hpp"
#include "app/gradflow/gradflow_readouts.hpp"
#include "app/widgets.hpp"
#include "core/activation_analysis.hpp"
#include "plot/plot.hpp"

namespace actviz::app {
namespace {

constexpr double kLog10Of2 = 0.30102999566398120;

// [SECTION] Columns: one per layer (or group of layers when they are under 3 px wide) ------------

// The map as rows of value bins per column: rows[r] spans [edges[r], edges[r + 1]) on the value axis.
struct DensityGrid {
    std::vector<double> edges;                        // rows + 1, ascending
    std::vector<std::string> row_names;               // for the tooltip: "z in [−1.0, −0.83)", "|∂L/∂z| ≈ 2^-40"
    int layers_per_column = 1;
    std::vector<std::vector<std::int64_t>> columns;   // [column][row]
    std::vector<std::int64_t> totals;                 // per column
};

int layers_per_column(int depth, float width_px) {
    const int fit = std::max(1, static_cast<int>(width_px / 3.0f));
    return std::max(1, (depth + fit - 1) / fit);
}

// z: the bins, plus a row below and above for the mass outside [−R, R].
DensityGrid inputs_grid(const GradflowDensity& density, int group) {
    DensityGrid grid;
    grid.layers_per_column = group;
    const double w = density.z_bin_width();
    grid.edges.push_back(density.z_lo - 2 * w);
    for (int i = 0; i <= kZHistogramBins; ++i) grid.edges.push_back(density.z_edge(i));
    grid.edges.push_back(density.z_hi + 2 * w);
    char text[80];
    std::snprintf(text, sizeof text, "z < %.3g (outside the range)", density.z_lo);
    grid.row_names.emplace_back(text);
    for (int i = 0; i < kZHistogramBins; ++i) {
        std::snprintf(text, sizeof text, "z in [%.3g, %.3g)", density.z_edge(i), density.z_edge(i + 1));
        grid.row_names.emplace_back(text);
    }
    std::snprintf(text, sizeof text, "z ≥ %.3g (outside the range)", density.z_hi);
    grid.row_names.emplace_back(text);
    const int depth = static_cast<int>(density.z.size());
    for (int first = 0; first < depth; first += group) {
        std::vector<std::int64_t> column(static_cast<size_t>(kZHistogramBins) + 2, 0);
        std::int64_t total = 0;
        for (int l = first; l < std::min(depth, first + group); ++l) {
            const ZCounts& z = density.z[static_cast<size_t>(l)];
            column.front() += z.underflow;
            column.back() += z.overflow;
            for (int i = 0; i < kZHistogramBins; ++i) column[static_cast<size_t>(i) + 1] += z.bins[static_cast<size_t>(i)];
            total += z.total;
        }
        grid.columns.push_back(std::move(column));
        grid.totals.push_back(total);
    }
    return grid;
}

// |∂L/∂z|: log10 by binary exponent over every exponent the run saw, plus a row under it for exact zeros.
DensityGrid gradients_grid(const GradflowDensity& density, int group) {
    DensityGrid grid;
    grid.layers_per_column = group;
    int low = 0, high = -1;
    for (const MagnitudeCounts& g : density.gradient) {
        if (g.bins.empty()) continue;
        const int last = g.first_exponent + static_cast<int>(g.bins.size()) - 1;
        if (high < low) low = g.first_exponent, high = last;
        low = std::min(low, g.first_exponent), high = std::max(high, last);
    }
    if (high < low) low = high = 0;
    const int rows = high - low + 1;
    // Rows: exact zeros, an empty gap that keeps them apart from the smallest bin, then one per exponent.
    const double gap = std::max(1.0, 0.04 * rows) * kLog10Of2;
    grid.edges = {low * kLog10Of2 - gap - kLog10Of2, low * kLog10Of2 - gap};
    grid.row_names = {"∂L/∂z = 0 exactly (underflow, or no slope above)", ""};
    char text[80];
    for (int e = low; e <= high; ++e) {
        grid.edges.push_back(e * kLog10Of2);
        std::snprintf(text, sizeof text, "|∂L/∂z| in [%.3g, %.3g)", std::ldexp(1.0, e), std::ldexp(1.0, e + 1));
        grid.row_names.emplace_back(text);
    }
    grid.edges.push_back((high + 1) * kLog10Of2);
    const int depth = static_cast<int>(density.gradient.size());
    for (int first = 0; first < depth; first += group) {
        std::vector<std::int64_t> column(static_cast<size_t>(rows) + 2, 0);
        std::int64_t total = 0;
        for (int l = first; l < std::min(depth, first + group); ++l) {
            const MagnitudeCounts& g = density.gradient[static_cast<size_t>(l)];
            column.front() += g.zero;
            for (size_t i = 0; i < g.bins.size(); ++i) column[static_cast<size_t>(g.first_exponent - low) + 2 + i] += g.bins[i];
            total += g.total;
        }
        grid.columns.push_back(std::move(column));
        grid.totals.push_back(total);
    }
    return grid;
}

// [SECTION] Drawing: cells, zones, hover -------------------------------------------------------

// Each column coloured by its share of the column's tallest bin, so every layer's shape shows
// however narrow or spread it is (the tooltip gives the true share); empty bins stay background.
void draw_cells(const DensityGrid& grid, int depth) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (size_t c = 0; c < grid.columns.size(); ++c) {
        const auto& column = grid.columns[c];
        const std::int64_t tallest = *std::max_element(column.begin(), column.end());
        if (tallest == 0) continue;
        const double x0 = 0.5 + static_cast<double>(c) * grid.layers_per_column;
        const double x1 = std::min(x0 + grid.layers_per_column, depth + 0.5);
        for (size_t r = 0; r < column.size(); ++r) {
            if (column[r] == 0) continue;
            const double t = std::sqrt(static_cast<double>(column[r]) / static_cast<double>(tallest));
            const ImVec2 a = plot::data_to_pixels(x0, grid.edges[r]);
            const ImVec2 b = plot::data_to_pixels(x1, grid.edges[r + 1]);
            draw->AddRectFilled(ImVec2(std::floor(a.x), std::floor(b.y)), ImVec2(std::floor(b.x), std::ceil(a.y)),
                                plot::sequential_colour(t));
        }
    }
}

// The activation's zones on the value axis: a strip at the left edge of the data area in the
// Activations page's colours (opaque enough to read), and a thin line across at each zone's edge.
void draw_zones(const Activation& activation, const ParameterValues& p, double lo, double hi, int depth) {
    const CurveSamples curve = sample_curve(activation, p, lo, hi, 801);
    const DerivativeZones zones = derivative_zones(curve, inactivity_rule(activation, p).saturated_below);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float strip = ImGui::GetFontSize() * 0.45f;
    const auto mark = [&](const Interval& zone, ImU32 fill, ImU32 line) {
        const ImVec2 a = plot::data_to_pixels(0.5, zone.from), b = plot::data_to_pixels(depth + 0.5, zone.to);
        draw->AddRectFilled(ImVec2(a.x, b.y), ImVec2(a.x + strip, a.y), fill);
        for (double edge : {zone.from, zone.to}) {
            if (edge <= lo || edge >= hi) continue;
            const ImVec2 at = plot::data_to_pixels(0.5, edge);
            draw->AddLine(ImVec2(a.x, at.y), ImVec2(b.x, at.y), line, 1.0f);
        }
    };
    for (const Interval& zone : zones.dead) mark(zone, IM_COL32(220, 70, 60, 230), IM_COL32(240, 110, 100, 150));
    for (const Interval& zone : zones.saturated) mark(zone, IM_COL32(235, 175, 45, 230), IM_COL32(240, 190, 80, 150));
}

void draw_hover(const DensityGrid& grid, const GradflowResult& result, DensityValue value, int depth) {
    double x = 0, y = 0;
    if (!plot::mouse_position(&x, &y)) return;
    const int column = std::clamp(static_cast<int>(std::floor((x - 0.5) / grid.layers_per_column)), 0,
                                  static_cast<int>(grid.columns.size()) - 1);
    const auto row_at = std::upper_bound(grid.edges.begin(), grid.edges.end(), y);
    if (row_at == grid.edges.begin() || row_at == grid.edges.end()) return;
    const size_t row = static_cast<size_t>(row_at - grid.edges.begin() - 1);
    if (grid.row_names[row].empty()) return;  // the gap between the exact zeros and the smallest bin
    const int first = column * grid.layers_per_column + 1;
    const int last = std::min(depth, first + grid.layers_per_column - 1);
    char layers[48];
    if (first == last) std::snprintf(layers, sizeof layers, "layer %d", first);
    else std::snprintf(layers, sizeof layers, "layers %d–%d", first, last);
    const double share = grid.totals[static_cast<size_t>(column)] > 0
                             ? static_cast<double>(grid.columns[static_cast<size_t>(column)][row]) /
                                   static_cast<double>(grid.totals[static_cast<size_t>(column)])
                             : 0.0;
    std::string extra;
    if (value == DensityValue::Inputs && first == last) {
        const LayerStats& s = result.layers[static_cast<size_t>(first - 1)];
        char text[160];
        std::snprintf(text, sizeof text, "\nsaturated %.1f%%, zero-slope %.1f%% of the layer (as the statistics chart)",
                      100 * s.saturated_fraction, 100 * s.zero_slope_fraction);
        extra = text;
    }
    ImGui::SetTooltip("%s: %s\n%.2f%% of its entries%s", layers, grid.row_names[row].c_str(), 100 * share, extra.c_str());
}

}  // namespace

// [SECTION] The view: its switches and the chart -------------------------------------------------

void draw_density_map(GradflowPanel& panel, const GradflowSnapshot& snapshot, ImVec2 size) {
    GradflowSettings& settings = panel.settings;
    const GradflowSimulation& sim = settings.simulation;
    ImGui::BeginGroup();
    int value = static_cast<int>(settings.density_value);
    ImGui::SetNextItemWidth(ImGui::CalcTextSize("|∂L/∂z| per layer").x + ImGui::GetFrameHeight() * 1.6f);
    ImGui::Combo("##densityvalue", &value, "z per layer\0|∂L/∂z| per layer\0");
    settings.density_value = static_cast<DensityValue>(value);
    const int curves = static_cast<int>(sim.curves.size());
    settings.density_curve = std::clamp(settings.density_curve, 0, std::max(curves - 1, 0));
    if (curves > 1) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5.5f);
        int shown = settings.density_curve + 1;
        if (ImGui::SliderInt("##densitycurve", &shown, 1, curves, "curve %d")) settings.density_curve = std::clamp(shown, 1, curves) - 1;
    }
    ImGui::SameLine();
    help_marker("Each column is one hidden layer of the simulated network (layer 1 at the left, as in the chart "
                "beside it), coloured by how its batch's values are distributed: brighter = more of the layer's "
                "entries (√ of the share of its fullest bin, so every layer's shape shows). z: what the activation "
                "is applied to (after layer norm when it is on), with its dead (red) and saturated (amber) zones "
                "marked at the left edge and lined across; rows above and below the range hold what lies outside "
                "it. |∂L/∂z|: log10 of the gradient's size per entry, one row per factor of two, exact zeros in the "
                "bottom row. Counted in the run's own forward and backward pass.");
    const auto& result = settings.density_curve < static_cast<int>(snapshot.curves.size())
                             ? snapshot.curves[static_cast<size_t>(settings.density_curve)]
                             : std::optional<GradflowResult>{};
    if (!result || !result->density || result->density->z.empty()) {
        ImGui::TextDisabled("the density map appears when the run finishes");
        ImGui::Dummy(ImVec2(size.x > 0 ? size.x : 1, std::max(ImGui::GetContentRegionAvail().y, 1.0f)));
        ImGui::EndGroup();
        return;
    }
    const GradflowDensity& density = *result->density;
    const int depth = static_cast<int>(density.z.size());
    const GradflowConfig config = sim.config_for(settings.density_curve);
    const bool inputs = settings.density_value == DensityValue::Inputs;
    std::string title = (inputs ? "z of every layer: " : "|∂L/∂z| of every layer: ") + curve_name(sim.curves[static_cast<size_t>(settings.density_curve)]);
    // Columns at least 3 px wide: the data area is most of the plot's width (the axis and colour bar take the rest).
    const float width = 0.8f * (size.x > 0 ? size.x : ImGui::GetContentRegionAvail().x + size.x);
    const int group = layers_per_column(depth, width);
    const DensityGrid grid = inputs ? inputs_grid(density, group) : gradients_grid(density, group);
    if (!plot::begin_plot("##density", size, title.c_str(), plot::PlotFlags_NoLegend | plot::PlotFlags_NoReadout)) {
        ImGui::EndGroup();
        return;
    }
    plot::setup_axis(plot::AxisId::X, "hidden layer");
    plot::setup_axis(plot::AxisId::Y, inputs ? "z (activation input)" : "log10 |∂L/∂z|");
    plot::setup_axis_limits(plot::AxisId::X, 0.5, depth + 0.5, plot::Cond::Always);
    plot::setup_axis_limits(plot::AxisId::Y, grid.edges.front(), grid.edges.back(), plot::Cond::Always);
    plot::setup_colour_bar("√ share of the layer's fullest bin", 0.0, 1.0, plot::ColourMap::Sequential);
    draw_cells(grid, depth);
    if (inputs) draw_zones(*config.activation, config.parameters, density.z_lo, density.z_hi, depth);
    if (plot::is_plot_hovered()) draw_hover(grid, *result, settings.density_value, depth);
    plot::end_plot();
    ImGui::EndGroup();
}

}  // namespace actviz::app
