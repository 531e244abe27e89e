// [SECTION] Controls: presets, shared network settings, the overlaid curves
// [SECTION] Gradient norm per layer, with the activation's factor alone and the true bound
// [SECTION] Ratio and verdict
// [SECTION] Activation statistics per layer
// [SECTION] Depth × gain map
// [SECTION] The panel

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "app/activation_link_ui.hpp"
#include "app/sidebar.hpp"
#include "app/gradflow/gradflow_density_map.hpp"
#include "app/gradflow/gradflow_panel.hpp"
#include "app/gradflow/gradflow_readouts.hpp"
#include "app/activation_colour.hpp"
#include "app/setting_widgets.hpp"
#include "app/widgets.hpp"
#include "core/activation_analysis.hpp"
#include "plot/plot.hpp"

namespace actviz::app {
namespace {

// A curve takes its activation's colour (as on every page); a repeat of the same activation takes
// a colour far down the palette, so the two still differ.
ImU32 curve_colour(const GradflowSimulation& simulation, int index) {
    int repeats = 0;
    for (int i = 0; i < index; ++i) repeats += simulation.curves[i].activation == simulation.curves[index].activation;
    const int activation = simulation.curves[index].activation;
    if (repeats == 0) return activation_colour(activations()[static_cast<std::size_t>(activation)]);
    return plot::series_colour(plot::kSafeSeriesColours + activation + repeats * 7);
}

// [SECTION] Controls: presets, shared network settings, the overlaid curves --------------------

// The preset whose settings are on screen (none once the user changes what it set).
const GradflowPreset* current_preset(const GradflowSettings& settings) {
    for (const GradflowPreset& preset : gradflow_presets()) {
        GradflowSettings applied;
        preset.apply(applied);
        if (applied.simulation == settings.simulation && applied.quantity == settings.quantity &&
            applied.show_chain_rule_bound == settings.show_chain_rule_bound)
            return &preset;
    }
    return nullptr;
}

void draw_presets(GradflowSettings& settings) {
    const GradflowPreset* current = current_preset(settings);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##preset", current ? std::string(current->name).c_str() : "Presets…")) {
        for (const GradflowPreset& preset : gradflow_presets()) {
            if (ImGui::Selectable(std::string(preset.name).c_str(), &preset == current)) preset.apply(settings);
            item_tooltip(preset.lesson);
        }
        ImGui::EndCombo();
    }
    // The lesson stays on screen while its settings do, as the Classifier's does.
    if (current) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(ImVec4(0.75f, 0.8f, 0.9f, 1), "%s", std::string(current->lesson).c_str());
        ImGui::PopTextWrapPos();
    }
}

void draw_network_controls(GradflowSettings& settings) {
    GradflowSimulation& sim = settings.simulation;
    const float width = ImGui::GetFontSize() * 8;
    ImGui::SetNextItemWidth(width);
    setting_slider(gradflow_setting::kDepth, sim);
    help_marker("Hidden layers. The gradient reaching layer 1 is a product of one factor per layer above it.");
    ImGui::SetNextItemWidth(width);
    setting_slider(gradflow_setting::kWidth, sim);
    ImGui::SetNextItemWidth(width);
    setting_slider(gradflow_setting::kBatch, sim);
    ImGui::SetNextItemWidth(width);
    setting_slider(gradflow_setting::kBias, sim);
    help_marker("Initial value of every bias. Negative biases push ReLU units to zero slope (f′ = 0); a unit at zero "
                "slope for every sample of the batch is dead.");
    // Used only by curves initialised 'normal': greyed out when no curve is, as it changes nothing then.
    const bool normal_in_use = std::any_of(sim.curves.begin(), sim.curves.end(),
                                           [](const auto& curve) { return curve.init == InitScheme::Normal; });
    ImGui::BeginDisabled(!normal_in_use);
    ImGui::SetNextItemWidth(width);
    setting_slider(gradflow_setting::kNormalStd, sim);
    ImGui::EndDisabled();
    help_marker("Standard deviation of the 'normal' initialisation (the other schemes derive theirs from the width); "
                "greyed out while no curve uses it.");
    ImGui::SetNextItemWidth(width);
    ImGui::InputInt("seed", &sim.seed);
    sim.seed = std::max(sim.seed, 0);
    setting_checkbox(gradflow_setting::kFloat32, sim);
    help_marker("Compute in float32 with denormals flushed to zero, as training hardware does: gradients below "
                "~1e-38 become exactly 0 (shown as underflow). Off: double, which keeps them (sigmoid at depth 100: "
                "layer 1 / layer 100 ≈ 7e-64).");
}

bool draw_curve_row(GradflowSimulation& sim, int index) {
    GradflowCurve& curve = sim.curves[index];
    bool keep = true;
    ImGui::PushID(index);
    ImGui::ColorButton("##c", ImGui::ColorConvertU32ToFloat4(curve_colour(sim, index)), ImGuiColorEditFlags_NoTooltip,
                       ImVec2(ImGui::GetFontSize() * 0.6f, ImGui::GetFrameHeight()));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    if (ImGui::BeginCombo("##activation", std::string(activations()[curve.activation].display).c_str())) {
        for (const Activation& activation : activations()) {
            if (!activation.listed()) continue;  // a formula since redefined
            const int i = activation_index(activation);
            if (ImGui::Selectable(std::string(activation.display).c_str(), i == curve.activation)) {
                curve.activation = i;
                curve.parameters = activation.defaults();
            }
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.5f);
    if (ImGui::BeginCombo("##init", std::string(init_scheme_name(curve.init)).c_str())) {
        for (std::string_view name : init_scheme_names()) {
            const InitScheme scheme = *find_init_scheme(name);
            if (ImGui::Selectable(std::string(name).c_str(), scheme == curve.init)) curve.init = scheme;
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
    setting_slider(gradflow_setting::kGain, curve);
    ImGui::SameLine();
    setting_checkbox(gradflow_setting::kResidual, curve);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Residual connection: a ← a + f(W a + b)");
    ImGui::SameLine();
    setting_checkbox(gradflow_setting::kLayernorm, curve);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Layer normalisation before the activation");
    if (sim.curves.size() > 1) {
        ImGui::SameLine();
        if (ImGui::SmallButton("×")) keep = false;
    }
    ImGui::PopID();
    return keep;
}

void draw_curves_editor(GradflowSimulation& sim, LinkContext& link) {
    for (int i = 0; i < static_cast<int>(sim.curves.size()); ++i) {
        if (!draw_curve_row(sim, i)) {
            sim.curves.erase(sim.curves.begin() + i);
            --i;
        }
    }
    ImGui::BeginDisabled(static_cast<int>(sim.curves.size()) >= kMaxGradflowCurves);
    if (ImGui::SmallButton("+ curve")) sim.curves.push_back(sim.curves.back());
    ImGui::EndDisabled();
    help_marker("Overlay up to six networks with the same seed: same inputs, targets and (before scaling) weights.");
    ImGui::SameLine(0, ImGui::GetFontSize());
    draw_link_checkbox(link, gradflow_choice(sim), "link curve 1");
}

// [SECTION] Gradient norm per layer, with the activation's factor alone and the true bound -----

// max|f′| of a curve's activation at its parameters: the factor the chain rule can at best keep per layer.
double peak_slope(const GradflowCurve& curve) {
    return analyse(activations()[curve.activation], curve.parameters).max_abs_derivative.value;
}

// max|f′|^k anchored at the last layer: the activation's factor alone, k layers back. It ignores the
// weights: the best case when they preserve norms, not a bound (amplifying weights exceed it).
std::vector<double> activation_factor_line(const GradflowCurve& curve, const std::vector<double>& values) {
    const double peak = peak_slope(curve);
    const int n = static_cast<int>(values.size());
    std::vector<double> line(n);
    for (int l = 0; l < n; ++l) line[l] = values[n - 1] * std::pow(peak, n - 1 - l);
    return line;
}

void draw_norm_chart(const GradflowSettings& settings, const GradflowSnapshot& snapshot, ImVec2 size) {
    const GradflowSimulation& sim = settings.simulation;
    // With several curves the dashed lines stay off the legend (it would double in size and cover the
    // data); the title says what they are.
    const bool lines_in_legend = sim.curves.size() == 1;
    const bool lines_shown = settings.show_chain_rule_bound;
    // The true bound bounds ‖∂L/∂a‖, the quantity the chain rule multiplies; it is drawn with that.
    const bool bound_applies = settings.quantity == GradQuantity::ActivationGrad;
    std::string title = std::string(quantity_label(settings.quantity)) + " per layer (input → output)";
    if (lines_shown && !lines_in_legend) {
        title += bound_applies ? "; dashed: max|f′|^k (activation alone), dotted: true bound"
                               : "; dashed: max|f′|^k (activation alone)";
    }
    if (lines_shown && !bound_applies) title += "; true bound: plot ‖∂L/∂a‖";
    // Every line drawn, the bounds included, is computed first so the axis fits them all.
    struct Lines {
        std::vector<double> values, factor, bound;
    };
    std::vector<Lines> lines(std::min(snapshot.curves.size(), sim.curves.size()));
    double lowest = 1e300, highest = 0;
    bool bound_missing = false;
    const auto fit = [&](const std::vector<double>& v) {
        for (double x : v) {
            if (x > 0 && std::isfinite(x)) lowest = std::min(lowest, x), highest = std::max(highest, x);
        }
    };
    for (size_t c = 0; c < lines.size(); ++c) {
        const auto& result = snapshot.curves[c];
        if (!result || result->layers.empty()) continue;
        for (const LayerStats& layer : result->layers) lines[c].values.push_back(quantity_of(layer, settings.quantity));
        fit(lines[c].values);
        if (!lines_shown) continue;
        if (!sim.curves[c].residual) lines[c].factor = activation_factor_line(sim.curves[c], lines[c].values);
        if (bound_applies) lines[c].bound = result->act_grad_bound;
        fit(lines[c].factor);
        fit(lines[c].bound);
        if (bound_applies && result->act_grad_bound.empty()) bound_missing = true;
    }
    if (bound_missing) {
        title += sim.width > kBoundMaxWidth ? "; true bound: not computed above width " + std::to_string(kBoundMaxWidth)
                                            : std::string("; true bound: computing…");
    }
    if (!plot::begin_plot("##norms", size, title.c_str())) return;
    plot::setup_axis(plot::AxisId::X, "hidden layer");
    plot::setup_axis(plot::AxisId::Y, quantity_label(settings.quantity), plot::Scale::Log10);
    plot::setup_axis_limits(plot::AxisId::X, 0.5, sim.depth + 0.5, plot::Cond::Always);
    if (highest > 0) {
        plot::setup_axis_limits(plot::AxisId::Y, std::pow(10, std::floor(std::log10(lowest)) - 0.5),
                                std::pow(10, std::ceil(std::log10(highest)) + 0.5), plot::Cond::Always);
    } else {
        plot::setup_axis_limits(plot::AxisId::Y, 1e-8, 1.0, plot::Cond::Always);
    }
    std::vector<double> layers;
    for (size_t c = 0; c < lines.size(); ++c) {
        const Lines& line = lines[c];
        if (line.values.empty()) continue;
        const int n = static_cast<int>(line.values.size());
        layers.resize(n);
        for (int l = 0; l < n; ++l) layers[l] = l + 1;
        const ImU32 colour = curve_colour(sim, static_cast<int>(c));
        const std::string name = curve_name(sim.curves[c]);
        plot::plot_line(name.c_str(), layers.data(), line.values.data(), n, {colour, 2.0f, false});
        // A dot per layer while layers are told apart (a few pixels each); deeper, the line is enough.
        if (n * 6.0f <= plot::plot_width_pixels()) {
            // The line's markers: one series with it in exports.
            plot::plot_scatter(("##" + name + " points").c_str(), layers.data(), line.values.data(), n, colour, 2.5f);
        }
        const ImU32 faint = (colour & 0x00FFFFFF) | 0xA0000000;
        if (static_cast<int>(line.factor.size()) == n) {
            const std::string label = lines_in_legend ? "max|f′|^k: activation alone" : "##" + name + ", max|f′|^k";
            plot::plot_line(label.c_str(), layers.data(), line.factor.data(), n, {faint, 1.2f, true});
            if (lines_in_legend) {
                plot::set_legend_tooltip(label.c_str(), "The activation's factor alone, drawn back from the last "
                                                        "layer: max|f′| per layer. It ignores the weights: the best "
                                                        "case for norm-preserving weights, not a bound.");
            }
        }
        if (static_cast<int>(line.bound.size()) == n) {
            const std::string label = lines_in_legend ? "true bound ∏‖W‖₂·max|f′|" : "##" + name + ", true bound";
            plot::plot_line(label.c_str(), layers.data(), line.bound.data(), n, {faint, 1.0f, false});
            // The bound's markers: one series with it in exports.
            plot::plot_scatter(("##" + name + ", bound points").c_str(), layers.data(), line.bound.data(), n, faint, 1.2f);
            if (lines_in_legend) {
                plot::set_legend_tooltip(label.c_str(), "A true upper bound on ‖∂L/∂a‖, drawn back from the last "
                                                        "layer: per layer ‖W‖₂ (largest singular value) × the "
                                                        "largest |f′| the layer saw (× max 1/σ with layer norm, "
                                                        "1 + that with the residual). No gradient can pass it.");
            }
        }
    }
    plot::end_plot();
}

// [SECTION] Ratio and verdict ------------------------------------------------------------------

struct Verdict {
    GradientRatio ratio;  // "2.46e-13" and "vanishing (< 1e-3)", or "∞ (overflow)" and "overflow (∞ from layer 176)", ...
    ImVec4 colour;
};

Verdict verdict_of(const GradflowResult& result, GradQuantity quantity) {
    GradientRatio ratio = gradient_ratio(quantity_of(result.layers.front(), quantity),
                                         quantity_of(result.layers.back(), quantity), finiteness_of(result));
    switch (ratio.verdict) {
        case GradientVerdict::Vanishing:
        case GradientVerdict::Blocked:
        case GradientVerdict::NoGradient: return {std::move(ratio), ImVec4(0.45f, 0.7f, 1.0f, 1.0f)};
        case GradientVerdict::Exploding:
        case GradientVerdict::Overflow: return {std::move(ratio), ImVec4(1.0f, 0.45f, 0.35f, 1.0f)};
        case GradientVerdict::NotANumber: return {std::move(ratio), ImVec4(1.0f, 0.4f, 0.8f, 1.0f)};
        case GradientVerdict::Healthy: break;
    }
    return {std::move(ratio), ImVec4(0.5f, 0.9f, 0.5f, 1.0f)};
}

// The first curve's ratio in large type; the other curves' ratios beside it, one line each.
void draw_verdict(const UiFonts& fonts, const GradflowSettings& settings, const GradflowSnapshot& snapshot) {
    if (snapshot.curves.empty() || !snapshot.curves[0] || snapshot.curves[0]->layers.empty()) {
        ImGui::TextDisabled("computing…");
        return;
    }
    const GradflowSimulation& sim = settings.simulation;
    const auto& layers = snapshot.curves[0]->layers;
    const Verdict main = verdict_of(*snapshot.curves[0], settings.quantity);
    ImGui::BeginGroup();
    ImGui::TextDisabled("%s · curve 1: %s", ratio_span_text(sim.depth, settings.quantity).c_str(),
                        curve_name(sim.curves[0]).c_str());
    ImGui::PushFont(fonts.large);
    ImGui::TextColored(main.colour, "%s", main.ratio.ratio_text.c_str());
    note_readout("gradflow.ratio");
    ImGui::PopFont();
    same_line_if_fits(ImGui::CalcTextSize(main.ratio.label.c_str()).x);
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(main.colour, "%s", main.ratio.label.c_str());
    note_readout("gradflow.verdict");
    if (std::isfinite(main.ratio.log10_ratio)) {
        // The map prints log10 of this same ratio: say it here too, so the two read alike.
        ImGui::SameLine();
        ImGui::TextDisabled("(log10 %s)", log10_text(main.ratio.log10_ratio).c_str());
    }
    // An overflowed or blocked run's zeros are not underflow (its verdict says what happened instead).
    const bool underflow = main.ratio.verdict != GradientVerdict::Overflow &&
                           main.ratio.verdict != GradientVerdict::NotANumber && main.ratio.verdict != GradientVerdict::Blocked;
    if (underflow && quantity_of(layers.front(), settings.quantity) == 0) {
        ImGui::TextDisabled("layer 1's gradient underflowed to exactly 0");
    }
    if (const int layer = finiteness_of(*snapshot.curves[0]).activations_overflow_layer; layer > 0) {
        ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.35f, 1.0f), "activations overflow (∞ from layer %d)", layer);
    }
    ImGui::EndGroup();
    if (snapshot.curves.size() < 2) return;
    // Beside the headline when the other curves' lines fit there, else below it (never clipped).
    const float headline_width = ImGui::GetItemRectSize().x, gap = ImGui::GetFontSize() * 2;
    float others_width = 0;
    for (size_t c = 1; c < snapshot.curves.size() && c < sim.curves.size(); ++c) {
        const auto& result = snapshot.curves[c];
        if (!result || result->layers.empty()) continue;
        const Verdict other = verdict_of(*result, settings.quantity);
        const std::string line = curve_name(sim.curves[c]) + ": " + other.ratio.ratio_text + "  " + other.ratio.label;
        others_width = std::max(others_width, ImGui::CalcTextSize(line.c_str()).x + ImGui::GetStyle().ItemSpacing.x);
    }
    if (headline_width + gap + others_width <= ImGui::GetContentRegionAvail().x) ImGui::SameLine(0, gap);
    ImGui::BeginGroup();
    for (size_t c = 1; c < snapshot.curves.size() && c < sim.curves.size(); ++c) {
        const auto& result = snapshot.curves[c];
        if (!result || result->layers.empty()) continue;
        const Verdict other = verdict_of(*result, settings.quantity);
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(curve_colour(sim, static_cast<int>(c))), "%s:",
                           curve_name(sim.curves[c]).c_str());
        ImGui::SameLine();
        ImGui::TextColored(other.colour, "%s  %s", other.ratio.ratio_text.c_str(), other.ratio.label.c_str());
    }
    ImGui::EndGroup();
}

constexpr int kAttenuationRows = 5;  // k = 0..5: the chapter's five layers and one more

// "1.23e-05", or "—" where the ratio is not a number (layer N's gradient 0, or an overflow).
std::string number_or_dash(double value) {
    if (!std::isfinite(value)) return "—";
    char text[32];
    std::snprintf(text, sizeof text, "%.3g", value);
    return text;
}

// The chapter's attenuation table (1 → 0.25 → … → 0.0039 for sigmoid), per curve beside what the
// simulated network really does: folded away until asked for, so it costs the charts no height.
void draw_attenuation_table(const GradflowSettings& settings, const GradflowSnapshot& snapshot) {
    const GradflowSimulation& sim = settings.simulation;
    if (!ImGui::TreeNode("The chapter's attenuation table, beside this network's")) return;
    help_marker("k layers back from the last hidden layer. max|f′|^k: what the activation alone lets through, "
                "every unit at its steepest point (sigmoid 0.25^k; tanh and ReLU 1 at their best points) — the "
                "textbook's table. ‖∂L/∂a‖ ratio: the gradient arriving at the layer k back over the last layer's, "
                "in the network above, where the weights multiply in too (Xavier and He are chosen to make their "
                "factor ~1). It is ‖∂L/∂a‖ whatever the chart plots: the chain rule multiplies that one; the weight "
                "gradients ‖∂L/∂W‖ = ‖δ aᵀ‖ also carry the forward signal, which can hide the vanishing.");
    const int curves = static_cast<int>(std::min(sim.curves.size(), snapshot.curves.size()));
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollX |
                                  ImGuiTableFlags_NoHostExtendX;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float height = 7 * (ImGui::GetTextLineHeight() + 2 * style.CellPadding.y + 1) + style.ScrollbarSize;
    if (curves > 0 && ImGui::BeginTable("##attenuation", 1 + 2 * curves, flags, ImVec2(0, height))) {
        ImGui::TableSetupColumn("k");
        for (int c = 0; c < curves; ++c) {
            // Named by the curve (two curves often share an activation: tanh at gain 1 and 0.5).
            const std::string name = curve_name(sim.curves[static_cast<std::size_t>(c)]);
            ImGui::TableSetupColumn((name + ": max|f′|^k##" + std::to_string(c)).c_str());
            ImGui::TableSetupColumn(("‖∂L/∂a‖ ratio##" + std::to_string(c)).c_str());
        }
        ImGui::TableHeadersRow();
        std::vector<std::vector<AttenuationRow>> rows(static_cast<std::size_t>(curves));
        for (int c = 0; c < curves; ++c) {
            const auto& result = snapshot.curves[static_cast<std::size_t>(c)];
            if (!result) continue;
            rows[static_cast<std::size_t>(c)] =
                attenuation_rows(*result, peak_slope(sim.curves[static_cast<std::size_t>(c)]), kAttenuationRows);
        }
        for (int k = 0; k <= kAttenuationRows; ++k) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("%d", k);
            for (int c = 0; c < curves; ++c) {
                const auto& curve_rows = rows[static_cast<std::size_t>(c)];
                const bool has = k < static_cast<int>(curve_rows.size());
                ImGui::TableNextColumn();
                if (has) ImGui::Text("%.3g", curve_rows[static_cast<std::size_t>(k)].best_case);
                ImGui::TableNextColumn();
                if (has) ImGui::TextUnformatted(number_or_dash(curve_rows[static_cast<std::size_t>(k)].simulated).c_str());
            }
        }
        ImGui::EndTable();
    }
    ImGui::TreePop();
}

// [SECTION] Activation statistics per layer ----------------------------------------------------

void draw_stats_chart(GradflowPanel& panel, const GradflowSnapshot& snapshot, ImVec2 size) {
    const GradflowSettings& settings = panel.settings;
    const GradflowSimulation& sim = settings.simulation;
    // One curve: the legend names the marks (and its tooltips define them). Several: the legend names
    // the curves and the title the marks.
    const bool marks_in_legend = sim.curves.size() == 1;
    const char* title = marks_in_legend ? "activation statistics per layer"
                                        : "mean±std, saturated --, zero-slope ··, dead units ▮";
    if (!plot::begin_plot("##stats", size, title)) return;
    plot::setup_axis(plot::AxisId::X, "hidden layer");
    plot::setup_axis(plot::AxisId::Y, "value / fraction");
    plot::setup_axis_limits(plot::AxisId::X, 0.5, sim.depth + 0.5, plot::Cond::Always);
    // y from −1.2 to 1.2 (fractions and bounded activations), widened to the mean ± std of an
    // exploding network; refitted when the results change, so a user's zoom lasts until then.
    double y_min = -1.2, y_max = 1.2;
    for (size_t c = 0; c < snapshot.curves.size() && c < sim.curves.size(); ++c) {
        if (!snapshot.curves[c]) continue;
        for (const LayerStats& s : snapshot.curves[c]->layers) {
            if (!std::isfinite(s.act_mean) || !std::isfinite(s.act_std)) continue;
            y_min = std::min(y_min, s.act_mean - s.act_std);
            y_max = std::max(y_max, s.act_mean + s.act_std);
        }
    }
    const bool refit = y_min != panel.stats_fitted_min || y_max != panel.stats_fitted_max;
    panel.stats_fitted_min = y_min, panel.stats_fitted_max = y_max;
    plot::setup_axis_limits(plot::AxisId::Y, y_min, y_max, refit ? plot::Cond::Always : plot::Cond::Once);
    std::vector<double> layers, mean, low, high, saturated, zero_slope, dead_units;
    for (size_t c = 0; c < snapshot.curves.size() && c < sim.curves.size(); ++c) {
        const auto& result = snapshot.curves[c];
        if (!result || result->layers.empty()) continue;
        const int n = static_cast<int>(result->layers.size());
        layers.resize(n), mean.resize(n), low.resize(n), high.resize(n), saturated.resize(n), zero_slope.resize(n),
            dead_units.resize(n);
        for (int l = 0; l < n; ++l) {
            const LayerStats& s = result->layers[l];
            layers[l] = l + 1;
            mean[l] = s.act_mean;
            low[l] = s.act_mean - s.act_std;
            high[l] = s.act_mean + s.act_std;
            saturated[l] = s.saturated_fraction;
            zero_slope[l] = s.zero_slope_fraction;
            dead_units[l] = s.dead_unit_fraction;
        }
        const ImU32 colour = curve_colour(sim, static_cast<int>(c));
        const std::string name = curve_name(sim.curves[c]);
        const auto label = [&](const char* mark, const char* tooltip) {
            if (!marks_in_legend) return "##" + name + ", " + mark;  // "tanh, saturated" in exports
            plot::set_legend_tooltip(mark, tooltip);
            return std::string(mark);
        };
        plot::plot_band(("##" + name + " \xC2\xB1 std").c_str(), layers.data(), low.data(), high.data(), n,
                        (colour & 0x00FFFFFF) | 0x30000000);
        plot::plot_line(marks_in_legend ? "mean ± std" : name.c_str(), layers.data(), mean.data(), n,
                        {colour, 2.0f, false});
        plot::plot_line(label("saturated", "Share of (unit, sample) pairs with 0 < |f′| < 1% of max|f′|.").c_str(),
                        layers.data(), saturated.data(), n, {colour, 1.4f, true});
        // Rings while layers are a few pixels apart; deeper, small squares (a ring costs software GL
        // ~70 triangles, a square 2, and a thousand rings in a few hundred pixels are a smear anyway).
        const bool sparse = n * 6.0f <= plot::plot_width_pixels();
        plot::plot_scatter(label("zero-slope share", "Share of (unit, sample) pairs with f′ = 0 exactly. About half "
                                                     "for a healthy ReLU: sparsity, not death.")
                               .c_str(),
                           layers.data(), zero_slope.data(), n, colour, sparse ? 3.0f : 1.2f, !sparse);
        plot::plot_bars(label("dead units", "Share of the layer's units with f′ = 0 for every sample of the batch: "
                                            "they pass no gradient and can never learn again.")
                            .c_str(),
                        layers.data(), dead_units.data(), n, 0.6, (colour & 0x00FFFFFF) | 0x70000000);
    }
    plot::end_plot();
}

// [SECTION] Depth × gain map -------------------------------------------------------------------

void draw_map(GradflowSettings& settings, const GradflowSnapshot& snapshot, ImVec2 size) {
    constexpr int rows = static_cast<int>(kMapGains.size()), cols = static_cast<int>(kMapDepths.size());
    // Row 0 at the top is the largest gain; columns run through the depths. Cells hold the true log10
    // of the ratio (the colour saturates at ±15, the printed number does not).
    std::vector<double> cells(static_cast<size_t>(rows) * cols, std::nan(""));
    std::vector<std::string> texts(cells.size()), short_texts(cells.size()), tooltips(cells.size());
    for (int g = 0; g < rows; ++g) {
        for (int d = 0; d < cols; ++d) {
            const size_t index = static_cast<size_t>(rows - 1 - g) * cols + d;
            if (const auto& cell = snapshot.map[d][g]) {
                MapCellView view = map_cell_view(*cell, settings.quantity, kMapDepths[d], kMapGains[g]);
                cells[index] = view.value;
                texts[index] = std::move(view.text);
                short_texts[index] = std::move(view.short_text);
                tooltips[index] = std::move(view.tooltip);
            } else {
                char text[96];
                std::snprintf(text, sizeof text, "depth %d, gain %.3g\nnot computed yet", kMapDepths[d], kMapGains[g]);
                tooltips[index] = text;
            }
        }
    }
    std::string title = map_title(settings.simulation, settings.quantity);
    const int done = snapshot.map_cells_done;
    if (done < rows * cols) title += " (" + std::to_string(done) + "/" + std::to_string(rows * cols) + ")";
    // The note (when the map runs a cut-down configuration) sits above the map, in the map's column.
    ImGui::BeginGroup();
    if (const auto note = map_differs_note(settings.simulation)) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("%s", note->c_str());
        ImGui::PopTextWrapPos();
    }
    const float map_height = size.y > 0 ? size.y : ImGui::GetContentRegionAvail().y;
    if (!plot::begin_plot("##map", size, title.c_str())) {
        ImGui::EndGroup();
        return;
    }
    plot::setup_axis(plot::AxisId::X, "depth  (click a cell: curve 1 takes it)");
    plot::setup_axis(plot::AxisId::Y, "init gain");
    plot::setup_axis_limits(plot::AxisId::X, -0.5, cols - 0.5, plot::Cond::Always);
    plot::setup_axis_limits(plot::AxisId::Y, -0.5, rows - 0.5, plot::Cond::Always);
    static const char* const kDepthLabels[] = {"1", "2", "3", "5", "7", "10", "15", "20", "30", "50", "70", "100"};
    static const char* const kGainLabels[] = {"0.25", "0.35", "0.5", "0.71", "1", "1.41", "2", "2.83", "4"};
    static_assert(std::size(kDepthLabels) == kMapDepths.size() && std::size(kGainLabels) == kMapGains.size());
    double column_centres[cols], row_centres[rows];
    for (int d = 0; d < cols; ++d) column_centres[d] = d;
    for (int g = 0; g < rows; ++g) row_centres[g] = g;
    plot::setup_axis_ticks(plot::AxisId::X, column_centres, kDepthLabels, cols);
    // Every gain labelled while the rows are a line of text high; in a short map, every other one.
    static const char* const kAlternateGainLabels[] = {"0.25", "", "0.5", "", "1", "", "2", "", "4"};
    const bool roomy = map_height > rows * ImGui::GetTextLineHeight() * 1.1f + 3 * ImGui::GetFrameHeight();
    plot::setup_axis_ticks(plot::AxisId::Y, row_centres, roomy ? kGainLabels : kAlternateGainLabels, rows);
    plot::HeatmapLabels labels;
    labels.text = texts.data();
    labels.short_text = short_texts.data();
    labels.tooltip = tooltips.data();
    plot::setup_colour_bar("log10 of layer 1's over the output layer's (the colours stop at ±15)", -15.0, 15.0,
                           plot::ColourMap::Diverging);
    plot::plot_heatmap("log10 ratio", cells.data(), rows, cols, -0.5, cols - 0.5, -0.5, rows - 0.5, -15.0, 15.0, labels);
    double x = 0, y = 0;
    if (plot::is_plot_clicked(&x, &y)) {
        const int d = std::clamp(static_cast<int>(std::lround(x)), 0, cols - 1);
        const int g = std::clamp(static_cast<int>(std::lround(y)), 0, rows - 1);
        settings.simulation.depth = kMapDepths[d];
        settings.simulation.curves[0].gain = static_cast<float>(kMapGains[g]);
    }
    plot::end_plot();
    ImGui::EndGroup();
}

}  // namespace

// [SECTION] The panel --------------------------------------------------------------------------

void draw_gradflow_panel(GradflowPanel& panel, PanelContext& context) {
    GradflowSettings& settings = panel.settings;
    const float font = ImGui::GetFontSize();
    if (begin_sidebar("controls", panel.sidebar, 17)) {
        draw_presets(settings);
        ImGui::Spacing();
        ImGui::TextDisabled("Network");
        ImGui::Separator();
        draw_network_controls(settings);
        end_sidebar(panel.sidebar);
    }
    ImGui::BeginChild("results", ImVec2(0, 0), false, ImGuiWindowFlags_NoBackground);
    draw_curves_editor(settings.simulation, context.link);
    panel.live.request(settings.simulation, context.memory_budget);
    const GradflowSnapshot snapshot = panel.live.snapshot();
    int quantity = static_cast<int>(settings.quantity);
    ImGui::SetNextItemWidth(font * 8);
    ImGui::Combo("plotted", &quantity, "‖∂L/∂W‖\0‖∂L/∂a‖\0mean |∂L/∂z|\0");
    settings.quantity = static_cast<GradQuantity>(quantity);
    ImGui::SameLine();
    ImGui::Checkbox("max|f′|^k and true bound", &settings.show_chain_rule_bound);
    help_marker("Two lines per curve, both drawn back from the last layer's value.\n"
                "Dashed, max|f′|^k: the activation's factor alone. The chain rule multiplies one f′ per layer, at "
                "most max|f′| (sigmoid: 0.25, so 0.25^10 ≈ 9.5e-7). It ignores the weights: the best case when they "
                "preserve norms, not a bound (weights that amplify, as in the exploding preset, pass it).\n"
                "Thin, dotted, true bound: per layer ‖W‖₂ (the largest singular value) × the largest |f′| the layer "
                "saw (× max 1/σ with layer norm; 1 + that with the residual). No ‖∂L/∂a‖ can pass it, whatever the "
                "weights; it is drawn when ‖∂L/∂a‖ is plotted, for widths up to 256.\n"
                "Statistics: saturated = 0 < |f′| < 1% of max|f′|; zero-slope share = the (unit, sample) pairs with "
                "f′ = 0 exactly (about half for a healthy ReLU: sparsity, not death); dead units = units with f′ = 0 "
                "for every sample of the batch, which can never learn again.");
    if (!snapshot.error.empty()) {
        // Wrapped: a memory-budget refusal is a sentence with the estimate and what to do.
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.45f, 0.4f, 1.0f));
        ImGui::TextWrapped("Not run: %s", snapshot.error.c_str());
        ImGui::PopStyleColor();
    } else if (snapshot.busy && snapshot.progress < 1.0) {
        ImGui::ProgressBar(static_cast<float>(snapshot.progress), ImVec2(font * 10, 0), "simulating…");
    }
    // Results arrive from the worker: look for them ten times a second, even with no input.
    // Meanwhile, at most 30 frames a second: the worker needs the cores more than the mouse.
    if (snapshot.busy) {
        context.requests.wake_within_s = std::min(context.requests.wake_within_s, 0.1);
        context.requests.min_frame_interval_s = std::max(context.requests.min_frame_interval_s, 1.0 / 30);
    }
    if (snapshot.error.empty()) {  // nothing is computing otherwise
        draw_verdict(context.fonts, settings, snapshot);
        draw_attenuation_table(settings, snapshot);
    }
    const float rest = ImGui::GetContentRegionAvail().y;
    const float top = std::floor(rest * 0.5f);
    // The "how much" chart and, beside it, the "why": every layer's distribution (issue 14 item 3).
    const float density_width = std::floor(ImGui::GetContentRegionAvail().x * 0.42f);
    draw_norm_chart(settings, snapshot, ImVec2(-density_width - ImGui::GetStyle().ItemSpacing.x, top));
    ImGui::SameLine();
    const auto map_start = std::chrono::steady_clock::now();
    draw_density_map(panel, snapshot, ImVec2(density_width, top));
    panel.density_map_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - map_start).count();
    const float half = std::floor(ImGui::GetContentRegionAvail().x / 2);
    draw_stats_chart(panel, snapshot, ImVec2(half, -1));
    ImGui::SameLine();
    draw_map(settings, snapshot, ImVec2(-1, -1));
    ImGui::EndChild();
}

}  // namespace actviz::app
