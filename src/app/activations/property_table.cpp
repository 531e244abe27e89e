#include "app/activations/property_table.hpp"

#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <string>
#include <utility>

#include "app/activation_colour.hpp"
#include "core/activation_properties.hpp"
#include "core/property_text.hpp"

namespace actviz::app {

const CachedFigures& figures_for(ActivationsPanel& panel, const Activation& activation) {
    const int index = activation_index(activation);
    CachedFigures& cached = panel.live.figures[static_cast<std::size_t>(index)];
    const ParameterValues& p = panel.settings.parameters[static_cast<std::size_t>(index)];
    const double share = panel.settings.saturation_epsilon;
    if (!cached.parameters || *cached.parameters != p || cached.share != share) {
        ActivationProperties properties = activation_properties(activation, p, share);
        cached.figures = properties.figures;
        cached.shape = std::move(properties.shape);
        cached.can_die = properties.can_die;
        cached.parameters = p;
        cached.share = share;
    }
    return cached;
}

std::string activation_summary(ActivationsPanel& panel, const Activation& activation) {
    const CachedFigures& cached = figures_for(panel, activation);
    const ShapeEvidence& shape = cached.shape;
    const ParameterValues& p = panel.settings.parameters[static_cast<std::size_t>(activation_index(activation))];
    return std::string(activation.formula) + "\nrange " +
           range_text(activation, p, panel.settings.x_min, panel.settings.x_max) +
           " · mean output over N(0, 1) inputs " + mean_text(shape.mean_output) + "\nf′ continuous " +
           smooth_text(shape) + " · monotone " + (shape.monotone ? "yes" : "no") + "\n|f′| < " +
           property_number("%.3g", panel.settings.saturation_epsilon * 100) + "% of its peak: " + flat_text(shape.flat);
}

namespace {

// The cost column is measured, not quoted: one activation a frame, within a few milliseconds, ReLU
// first (the column's unit), each once at the parameters in use when it is first shown.
constexpr double kCostBudgetSeconds = 0.004;

// True when one was measured this frame (more may be waiting).
bool measure_one_cost(ActivationsPanel& panel) {
    const auto measure = [&panel](const Activation& activation) {
        CachedFigures& cached = panel.live.figures[static_cast<std::size_t>(activation_index(activation))];
        if (cached.cost) return false;
        cached.cost = measure_activation_cost(
            activation, panel.settings.parameters[static_cast<std::size_t>(activation_index(activation))], kCostBudgetSeconds);
        return true;
    };
    if (measure(*find_activation("relu"))) return true;
    for (const Activation& activation : fitted_catalogue(panel.settings)) {
        if (panel.settings.selected[static_cast<std::size_t>(activation_index(activation))] && measure(activation)) return true;
    }
    return false;
}

std::string cost_text(const CachedFigures& cached, const CachedFigures& relu) {
    if (!cached.cost) return "…";
    char text[48];
    if (relu.cost && relu.cost->ns_per_element > 0)
        std::snprintf(text, sizeof text, "%.2g ns (%.1f×%s)", cached.cost->ns_per_element,
                      cached.cost->ns_per_element / relu.cost->ns_per_element, cached.cost->vectorised ? "" : ", scalar");
    else
        std::snprintf(text, sizeof text, "%.2g ns", cached.cost->ns_per_element);
    return text;
}

}  // namespace

bool draw_property_table(ActivationsPanel& panel, float height) {
    const bool measuring = measure_one_cost(panel);
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                       ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX |
                                       ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_Resizable;
    struct Column {
        const char* header;
        float width;  // in font sizes: fixed up front, a fit-to-content column would clip rows ticked later
        const char* help;
    };
    static const std::string flat_header = "flat: |f′| < ε·max";
    const Column columns[] = {
        {"function", 9.0f, nullptr},
        {"f′(x)", 11.0f, "The derivative as the catalogue computes it (at a kink, the side PyTorch's autograd takes). Hover a cell for all of it."},
        {"range", 6.5f, nullptr},
        {"mean f(Z)", 5.0f,
         "Zero-centred? The mean output for standard-normal inputs, E f(Z) with Z ~ N(0, 1): 0 for a "
         "zero-centred function (tanh), 0.5 for sigmoid. Leaky ReLU, GELU and SiLU, which the textbook calls "
         "\"approximately\" zero-centred, give 0.39, 0.28 and 0.21."},
        {"smooth", 5.0f,
         "Is f′ continuous (C¹)? \"no, x = 0\" names where f′ jumps. ELU is smooth with α = 1 only: "
         "f′(0⁻) = α, f′(0⁺) = 1."},
        {"monotone", 4.2f, "Is f non-decreasing (f′ ≥ 0) on [−10, 10]? Hover a \"no\" for where f′ is lowest."},
        {"max |f′|", 4.0f, "The largest slope, over [−10, 10]."},
        {"where", 5.2f, nullptr},
        {flat_header.c_str(), 14.0f,
         "Where the function is flat: saturated where |f′| is below ε of its own peak (ε from the toolbar, "
         "1% on every other page), dead where f′ = 0 exactly. Searched over [−10, 10]; an end at ±10 is "
         "written as x < or x > (it goes on)."},
        {"can die", 3.6f,
         "Is f′ = 0 on a whole interval (ReLU for x < 0, hardtanh outside its range)? A unit whose inputs all "
         "land there gets no gradient at all and never recovers: it is dead. Read from f′ itself, for the "
         "parameters in use (leaky ReLU at α = 0 can die). Saturating functions instead flatten gradually: "
         "see the flat column."},
        {"cost", 8.4f,
         "Measured on this machine: ns per element to compute f and f′ over 65,536 float32 inputs with the "
         "kernels training uses, the median of repeated runs, and its ratio to ReLU. Activations without a "
         "SIMD kernel of their own (marked scalar) pay for that, not for their formula. Each is measured once, "
         "in the frames right after the table first shows it, and timings move with the machine's load: "
         "`actviz list --properties` measures them all in one go."},
        {"min f", 7.5f, nullptr},
        {"f′(0)¹⁰", 4.4f,
         "What is left of a gradient after 10 layers whose units all sit at x = 0: f′(0)^10. "
         "GELU: 0.5^10 ≈ 9.8e-4."},
        {"best max|f′|¹⁰", 6.0f,
         "The best case after 10 layers: every unit at the point of steepest slope, max|f′|^10 (the "
         "activation's factor alone; weights multiply in too). Sigmoid: 0.25^10 ≈ 9.5e-7, the vanishing gradient."},
    };
    constexpr int kColumns = static_cast<int>(std::size(columns));
    if (!ImGui::BeginTable("properties", kColumns, kFlags, ImVec2(0, height))) return measuring;
    ImGui::TableSetupScrollFreeze(1, 1);
    const float font = ImGui::GetFontSize();
    for (const Column& column : columns) {
        ImGui::TableSetupColumn(column.header, ImGuiTableColumnFlags_WidthFixed, column.width * font);
    }
    // The header row by hand, so each header can explain its column on hover.
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < kColumns; ++c) {
        if (!ImGui::TableSetColumnIndex(c)) continue;
        ImGui::TableHeader(columns[c].header);
        if (columns[c].help && ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(font * 28);
            ImGui::TextUnformatted(columns[c].help);
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
    }
    for (const Activation& activation : fitted_catalogue(panel.settings)) {
        const int index = activation_index(activation);
        if (!panel.settings.selected[static_cast<std::size_t>(index)]) continue;
        const CachedFigures& cached = figures_for(panel, activation);
        const ActivationFigures& figures = cached.figures;
        const ShapeEvidence& shape = cached.shape;
        const ParameterValues& p = panel.settings.parameters[static_cast<std::size_t>(index)];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(activation_colour(activation)), "%s",
                           std::string(activation.display).c_str());
        ImGui::TableNextColumn();
        const std::string derivative(activation.derivative_formula);
        ImGui::TextUnformatted(derivative.c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("f′(x) = %s", derivative.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(range_text(activation, p, panel.settings.x_min, panel.settings.x_max).c_str());
        if (activation.custom && ImGui::IsItemHovered())
            ImGui::SetTooltip("A typed formula's range is read off its curve over the plotted x range.");
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(mean_text(shape.mean_output).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(smooth_text(shape).c_str());
        if (!shape.continuous_slope && ImGui::IsItemHovered()) {
            ImGui::SetTooltip("f′ is %.4g just left of x = %.3g and %.4g just right of it", shape.slope_left,
                              shape.slope_jump_at, shape.slope_right);
        }
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(shape.monotone ? "yes" : "no");
        if (!shape.monotone && ImGui::IsItemHovered()) {
            ImGui::SetTooltip("f falls where f′ < 0: lowest f′ = %.4g at x = %.3g", shape.min_slope, shape.min_slope_at);
        }
        ImGui::TableNextColumn();
        ImGui::Text("%.4g", figures.max_abs_derivative.value);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(where_text(figures.max_abs_derivative).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(flat_text(shape.flat).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(cached.can_die ? "yes" : "no");
        ImGui::TableNextColumn();
        const CachedFigures& relu = panel.live.figures[static_cast<std::size_t>(activation_index(*find_activation("relu")))];
        ImGui::TextUnformatted(cost_text(cached, relu).c_str());
        if (cached.cost && ImGui::IsItemHovered()) {
            ImGui::SetTooltip("%s kernel, median of %d runs over %lld elements", cached.cost->vectorised ? "SIMD" : "scalar",
                              cached.cost->repetitions, static_cast<long long>(kCostElements));
        }
        ImGui::TableNextColumn();
        const Extremum& lowest = figures.min_value;
        if (std::isinf(lowest.value)) ImGui::TextUnformatted(lowest.value < 0 ? "−∞" : "∞");
        else ImGui::Text("%.4g", lowest.value);
        if (ImGui::IsItemHovered()) {
            ImGui::SetTooltip(lowest.is_limit ? "not attained: the limit as %s" : "at %s (searched over [−10, 10])",
                              where_text(lowest).c_str());
        }
        ImGui::SameLine();
        ImGui::TextDisabled("%s", where_text(lowest).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%.2g", std::pow(std::fabs(activation.df(0.0, p)), 10));
        ImGui::TableNextColumn();
        ImGui::Text("%.2g", figures.gradient_after_10_layers);
    }
    ImGui::EndTable();
    return measuring;
}

}  // namespace actviz::app
