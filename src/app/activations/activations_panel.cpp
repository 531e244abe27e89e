// [SECTION] Picker: families, search, all / none
// [SECTION] Toolbar and parameter sliders
// [SECTION] Curves: f, f′, f″ and the saturated / dead zones
// [SECTION] The panel

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/activation_colour.hpp"
#include "app/sidebar.hpp"
#include "app/activation_link_ui.hpp"
#include "app/activations/activations_panel.hpp"
#include "app/activations/classifier_overlay.hpp"
#include "app/activations/property_table.hpp"
#include "app/setting_widgets.hpp"
#include "app/widgets.hpp"
#include "plot/plot.hpp"

namespace actviz::app {
namespace {

ImU32 colour_of(const Activation& activation) { return activation_colour(activation); }

std::string label_of(const Activation& activation, const char* suffix = "") {
    return std::string(activation.display) + suffix + "##" + std::string(activation.name);
}

bool matches(const Activation& activation, const std::string& search) {
    if (search.empty()) return true;
    auto contains = [&](std::string_view text) {
        return std::search(text.begin(), text.end(), search.begin(), search.end(), [](char a, char b) {
                   return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
               }) != text.end();
    };
    return contains(activation.name) || contains(activation.display) || contains(family_name(activation.family));
}

const Activation* zones_subject(const ActivationsSettings& settings) {
    const auto catalogue = fitted_catalogue(settings);
    if (settings.zones_of >= 0 && settings.selected[settings.zones_of]) return &catalogue[settings.zones_of];
    for (const Activation& activation : catalogue) {
        if (settings.selected[activation_index(activation)]) return &activation;
    }
    return nullptr;
}

// [SECTION] Picker: families, search, all / none ----------------------------------------------

void draw_picker(ActivationsSettings& settings, const ActivationLink& link, FrameRequests& requests) {
    ImGui::SetNextItemWidth(-FLT_MIN);
    bounded_text_input("##search", "search…", settings.search, kMaxSearchLength);
    const auto catalogue = fitted_catalogue(settings);
    if (ImGui::SmallButton("all")) {
        for (const Activation& a : catalogue) settings.selected[activation_index(a)] = a.listed() && matches(a, settings.search);
    }
    ImGui::SameLine();
    if (ImGui::SmallButton("none")) std::fill(settings.selected.begin(), settings.selected.end(), false);
    ImGui::SameLine();
    const auto count = std::count(settings.selected.begin(), settings.selected.end(), true);
    ImGui::TextDisabled("%d selected", static_cast<int>(count));
    ImGui::Separator();
    for (int family = 0; family < kFamilyCount; ++family) {
        bool header_drawn = false;
        for (const Activation& activation : catalogue) {
            if (static_cast<int>(activation.family) != family || !matches(activation, settings.search)) continue;
            if (!activation.listed()) continue;  // a formula since redefined
            if (!header_drawn) {
                ImGui::Spacing();
                ImGui::TextDisabled("%s", std::string(family_name(activation.family)).c_str());
                header_drawn = true;
            }
            const int index = activation_index(activation);
            bool on = settings.selected[index];
            ImGui::PushStyleColor(ImGuiCol_CheckMark, colour_of(activation));
            // ⇄ marks the function linked to the other panels (View > Link activations).
            const bool linked = link.on && link.current && link.current->activation == index;
            if (ImGui::Checkbox(label_of(activation, linked ? " ⇄" : "").c_str(), &on)) settings.selected[index] = on;
            ImGui::PopStyleColor();
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\n%s", std::string(activation.name).c_str(),
                                                          std::string(activation.formula).c_str());
            if (activation.custom) {
                ImGui::SameLine();
                ImGui::PushID(index);
                if (ImGui::SmallButton("edit")) requests.edit_formula = index;
                ImGui::PopID();
            }
        }
    }
    ImGui::Spacing();
    if (ImGui::Button("+ Type a formula…")) requests.edit_formula = -1;
    item_tooltip("Your own activation, e.g. x * tanh(softplus(x)): its exact derivative is computed for you, "
                 "and it joins every page — Gradient flow, the Classifier, the Bake-off — like a built-in.");
}

// [SECTION] Toolbar and parameter sliders ------------------------------------------------------

void draw_toolbar(ActivationsSettings& settings, PanelContext& context) {
    int curves = static_cast<int>(settings.curves);
    ImGui::TextUnformatted("Show");
    ImGui::SameLine();
    ImGui::RadioButton("f", &curves, static_cast<int>(CurveChoice::Function));
    ImGui::SameLine();
    ImGui::RadioButton("f′", &curves, static_cast<int>(CurveChoice::Derivative));
    ImGui::SameLine();
    ImGui::RadioButton("both", &curves, static_cast<int>(CurveChoice::Both));
    settings.curves = static_cast<CurveChoice>(curves);
    ImGui::SameLine(0, ImGui::GetFontSize());
    ImGui::Checkbox("f″", &settings.show_second_derivative);
    help_marker("The second derivative, by a central difference of the exact f′ (dotted).");
    ImGui::SameLine(0, ImGui::GetFontSize());
    ImGui::Checkbox("log |f′|", &settings.log_derivative);
    help_marker("Draw |f′| in its own chart on a log scale, so tiny gradients (σ′ at x = 10 is 4.5e-5) "
                "and exact zeros (dead zones, marked at the floor) can be told apart.");
    ImGui::SameLine(0, ImGui::GetFontSize());
    if (auto here = activations_choice(settings)) draw_link_checkbox(context.link, *here, "link panels");

    ImGui::Checkbox("zones", &settings.shade_zones);
    help_marker("Shade where the derivative is exactly zero (dead: red) and where it is nearly zero, "
                "|f′| < ε·max|f′| (saturated: amber), for the function chosen here. A unit whose input stays "
                "in such a zone learns nothing (dead) or almost nothing (saturated). ε = 1% is the share "
                "the Gradient flow, Classifier and Bake-off pages use.");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    const Activation* subject = zones_subject(settings);
    if (ImGui::BeginCombo("##zones_of", subject ? std::string(subject->display).c_str() : "(none selected)")) {
        for (const Activation& activation : fitted_catalogue(settings)) {
            const int index = activation_index(activation);
            if (!settings.selected[index]) continue;
            if (ImGui::Selectable(std::string(activation.display).c_str(), subject == &activation)) {
                settings.zones_of = index;
            }
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    setting_slider(kSaturationEpsilon, settings);
    ImGui::SameLine(0, ImGui::GetFontSize());
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    const float before_min = settings.x_min, before_max = settings.x_max;
    ImGui::DragFloatRange2("x range", &settings.x_min, &settings.x_max, 0.05f, -kMaxAbsX, kMaxAbsX, "%.2f", "%.2f",
                           ImGuiSliderFlags_AlwaysClamp);
    if (std::isnan(settings.x_min) || std::isnan(settings.x_max)) settings.x_min = before_min, settings.x_max = before_max;
    // An empty range opens to 0.01 wide, within ±kMaxAbsX (the range a session holds): typing
    // 1e308 into both ends gives [9999.99, 10000], not a range the loader would refuse.
    settings.x_min = std::min(settings.x_min, kMaxAbsX - 0.01f);
    if (settings.x_max <= settings.x_min) settings.x_max = settings.x_min + 0.01f;
}

void draw_parameter_sliders(ActivationsPanel& panel) {
    ActivationsSettings& settings = panel.settings;
    // More than four rows of sliders scroll in a box of their own, so the chart keeps its room.
    int rows = 0;
    for (const Activation& activation : fitted_catalogue(settings)) {
        rows += settings.selected[activation_index(activation)] && activation.parameter_count > 0 ? 1 : 0;
    }
    constexpr float kVisibleRows = 4.5f;
    const bool boxed = rows > 4;
    if (boxed) {
        ImGui::BeginChild("parameters", ImVec2(0, kVisibleRows * ImGui::GetFrameHeightWithSpacing()), false,
                          ImGuiWindowFlags_NoBackground);
    }
    bool any = false;
    for (const Activation& activation : fitted_catalogue(settings)) {
        const int index = activation_index(activation);
        if (!settings.selected[index] || activation.parameter_count == 0) continue;
        any = true;
        ImGui::PushID(index);
        ImGui::ColorButton("##colour", ImGui::ColorConvertU32ToFloat4(colour_of(activation)),
                           ImGuiColorEditFlags_NoTooltip, ImVec2(ImGui::GetFontSize() * 0.6f, ImGui::GetFontSize()));
        ImGui::SameLine();
        ImGui::TextUnformatted(std::string(activation.display).c_str());
        for (int i = 0; i < activation.parameter_count; ++i) {
            const Parameter& param = activation.parameters[i];
            ImGui::SameLine(i == 0 ? ImGui::GetFontSize() * 9 : 0, i == 0 ? -1.0f : ImGui::GetFontSize());
            ImGui::PushID(i);
            ParameterValues edited = settings.parameters[index];
            float value = static_cast<float>(edited[i]);
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
            if (checked_slider(std::string(param.symbol).c_str(), &value, static_cast<float>(param.min),
                               static_cast<float>(param.max), "%.3g")) {
                edited[i] = value;
                // Keep the last good values when an edit breaks a rule (hardtanh needs min < max).
                if (auto reason = activation.invalid_reason(edited)) panel.live.parameter_error = *reason;
                else settings.parameters[index] = edited, panel.live.parameter_error.clear();
            }
            ImGui::SameLine(0, 2);
            if (ImGui::SmallButton("↺")) settings.parameters[index][i] = param.default_value;
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Reset %s to PyTorch's default, %g",
                                                          std::string(param.name).c_str(), param.default_value);
            ImGui::PopID();
        }
        ImGui::PopID();
    }
    if (boxed) ImGui::EndChild();
    if (!any) ImGui::TextDisabled("The selected functions have no parameters (leaky_relu, elu, swish, softplus, … do).");
    if (!panel.live.parameter_error.empty()) {
        ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "Not applied: %s", panel.live.parameter_error.c_str());
    }
}

// [SECTION] Curves: f, f′, f″ and the saturated / dead zones -----------------------------------

const CachedCurve& curve_for(ActivationsPanel& panel, const Activation& activation, double lo, double hi,
                             int count) {
    const int index = activation_index(activation);
    const ParameterValues& p = panel.settings.parameters[index];
    CachedCurve& cached = panel.live.curves[index];
    const bool want_second = panel.settings.show_second_derivative;
    if (cached.parameters != p || cached.lo != lo || cached.hi != hi || cached.count != count ||
        want_second != !cached.second_derivative.empty()) {
        cached.parameters = p;
        cached.lo = lo;
        cached.hi = hi;
        cached.count = count;
        cached.samples = sample_curve(activation, p, lo, hi, count);
        cached.second_derivative.clear();
        if (want_second) {
            for (double x : cached.samples.x) cached.second_derivative.push_back(second_derivative(activation, p, x));
        }
    }
    return cached;
}

void draw_zones(ActivationsPanel& panel, const Activation& subject, double lo, double hi, int count) {
    const DerivativeZones zones = shaded_zones(panel, subject, lo, hi, count);
    for (const Interval& zone : zones.dead) plot::plot_x_span("dead: f′ = 0", zone.from, zone.to, kDeadZoneColour);
    for (const Interval& zone : zones.saturated) {
        plot::plot_x_span("saturated: |f′| < ε·max|f′|", zone.from, zone.to, kSaturatedZoneColour);
    }
}

struct CurveParts {
    bool f, df, d2f, abs_df;
};

void draw_curves_plot(ActivationsPanel& panel, int chart, const char* id, ImVec2 size, CurveParts parts,
                      bool log_y, const Trainer* classifier) {
    ActivationsSettings& settings = panel.settings;
    if (!plot::begin_plot(id, size)) return;
    // The x-range control, pan/zoom in either chart and the other chart stay one range: a chart
    // takes the settings' range whenever it differs from what the chart itself last showed.
    auto& shown = panel.live.shown_x_range[chart];
    const bool range_changed = shown[0] != settings.x_min || shown[1] != settings.x_max;
    plot::setup_axis(plot::AxisId::X, "x");
    plot::setup_axis(plot::AxisId::Y, log_y ? "|f′(x)|" : "f(x), f′(x)", log_y ? plot::Scale::Log10 : plot::Scale::Linear);
    plot::setup_axis_limits(plot::AxisId::X, settings.x_min, settings.x_max,
                            range_changed ? plot::Cond::Always : plot::Cond::Once);
    if (log_y) plot::setup_axis_limits(plot::AxisId::Y, 1e-6, 2.0);
    else plot::setup_axis_limits(plot::AxisId::Y, -1.5, 3.0);
    const double lo = plot::axis_min(plot::AxisId::X), hi = plot::axis_max(plot::AxisId::X);
    // Pan and zoom of the chart move the x-range control too: one source of truth.
    settings.x_min = shown[0] = static_cast<float>(lo);
    settings.x_max = shown[1] = static_cast<float>(hi);
    // A sample every two pixels: anti-aliased 2-pixel segments read as a smooth curve (kinks are
    // sampled exactly by sample_curve), at half the per-frame cost of one per pixel.
    const int count = std::clamp(static_cast<int>(plot::plot_width_pixels() / 2), 64, 2048);

    if (settings.shade_zones) {
        if (const Activation* subject = zones_subject(settings)) draw_zones(panel, *subject, lo, hi, count);
    }
    if (!log_y) plot_classifier_overlay(panel, classifier);  // under the curves
    std::vector<double> magnitudes;
    for (const Activation& activation : fitted_catalogue(settings)) {
        const int index = activation_index(activation);
        if (!settings.selected[index]) continue;
        const CachedCurve& curve = curve_for(panel, activation, lo, hi, count);
        const CurveSamples& s = curve.samples;
        const int n = static_cast<int>(s.x.size());
        const ImU32 colour = colour_of(activation);
        const std::string name(activation.display);
        if (parts.f) {
            plot::plot_line((name + "##f").c_str(), s.x.data(), s.f.data(), n, {colour, 2.0f, false});
            plot::set_legend_tooltip((name + "##f").c_str(), activation_summary(panel, activation).c_str());
        }
        if (parts.df) {
            plot::plot_line((name + " f′##df").c_str(), s.x.data(), s.df.data(), n, {colour, 1.6f, true});
        }
        if (parts.abs_df) {
            magnitudes.resize(s.df.size());
            std::transform(s.df.begin(), s.df.end(), magnitudes.begin(), [](double v) { return std::fabs(v); });
            plot::plot_line((name + " |f′|##absdf").c_str(), s.x.data(), magnitudes.data(), n, {colour, 1.8f, true});
            plot::set_legend_tooltip((name + " |f′|##absdf").c_str(), activation_summary(panel, activation).c_str());
        }
        if (parts.d2f && !curve.second_derivative.empty()) {
            plot::plot_line((name + " f″##d2f").c_str(), s.x.data(), curve.second_derivative.data(), n,
                            {colour & 0x99FFFFFF, 1.0f, true});
        }
    }
    plot::end_plot();
}

}  // namespace

DerivativeZones shaded_zones(ActivationsPanel& panel, const Activation& subject, double lo, double hi, int count) {
    const CachedCurve& curve = curve_for(panel, subject, lo, hi, count);
    // Saturated as on every page: |f′| below a share (ε) of the function's own peak |f′|.
    const double peak = figures_for(panel, subject).figures.max_abs_derivative.value;
    return derivative_zones(curve.samples, panel.settings.saturation_epsilon * peak);
}

// [SECTION] The panel --------------------------------------------------------------------------

void draw_activations_panel(ActivationsPanel& panel, PanelContext& context) {
    ActivationsSettings& settings = panel.settings;
    const float font = ImGui::GetFontSize();

    if (begin_sidebar("picker", panel.sidebar, 13.5f)) {
        draw_picker(settings, context.link.link, context.requests);
        end_sidebar(panel.sidebar);
    }

    ImGui::BeginChild("charts", ImVec2(0, 0), false, ImGuiWindowFlags_NoBackground);
    draw_toolbar(settings, context);
    draw_parameter_sliders(panel);
    draw_classifier_overlay_controls(panel, context.classifier_trainer);
    ImGui::Separator();

    int rows = 0;
    for (bool on : settings.selected) rows += on ? 1 : 0;
    const float row_height = ImGui::GetTextLineHeightWithSpacing() + 2;
    const float table_height = std::min(8, std::max(rows, 1)) * row_height + row_height + 6;
    const float available = ImGui::GetContentRegionAvail().y;
    const float charts_height = std::max(available - table_height - 8, std::max(font * 10, available * 0.55f));
    const bool f = settings.curves != CurveChoice::Derivative;
    const bool df = settings.curves != CurveChoice::Function;
    const bool d2f = settings.show_second_derivative;
    if (settings.log_derivative && df) {
        // f on a linear axis above, |f′| on a log axis below, sharing the x range.
        const float half = std::floor(charts_height / 2);
        if (f || d2f) {
            draw_curves_plot(panel, 0, "##curves", ImVec2(-1, half), {f, false, d2f, false}, false, context.classifier_trainer);
        }
        draw_curves_plot(panel, 1, "##log_derivative", ImVec2(-1, f || d2f ? charts_height - half : charts_height),
                         {false, false, false, true}, true, nullptr);
    } else {
        draw_curves_plot(panel, 0, "##curves", ImVec2(-1, charts_height), {f, df, d2f, false}, false,
                         context.classifier_trainer);
    }
    if (draw_property_table(panel, table_height))  // the cost column fills a cell a frame, not a cell a second
        context.requests.wake_within_s = std::min(context.requests.wake_within_s, 0.02);
    ImGui::EndChild();
}

}  // namespace actviz::app
