// [SECTION] Editing the spec   [SECTION] Preview   [SECTION] Defining   [SECTION] The window
#include "app/formula_window.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include <imgui.h>

#include "app/activation_colour.hpp"
#include "app/app_state.hpp"
#include "app/widgets.hpp"
#include "core/number_text.hpp"
#include "plot/plot.hpp"

namespace actviz::app {
namespace {

constexpr double kPreviewRange = 6;  // the preview's x range, ±, as the Activations page opens
constexpr int kPreviewPoints = 241;

// One-click starting points: the textbook's bonus exercise asks for an activation of the form
// z·g(z), to compare with GELU and Swish.
struct Example {
    const char* name;
    const char* formula;
};
constexpr Example kExamples[] = {
    {"x·Cauchy", "x * (0.5 + atan(x) / pi)"},
    {"Swish-1.702", "x * sigmoid(1.702 * x)"},
    {"Mish typed", "x * tanh(log(1 + exp(x)))"},
    {"GELU typed", "x * (1 + erf(x / sqrt(2))) / 2"},
    {"Leaky α", "max(alpha * x, x)"},
};

// [SECTION] Editing the spec -------------------------------------------------------------------

void recompile(FormulaEditor& editor) {
    if (editor.preview && editor.compiled_text == editor.spec.formula) return;
    editor.compiled_text = editor.spec.formula;
    editor.preview = compile_formula(editor.spec.formula);
}

// α or β: default, min and max typed as numbers; greyed out when the formula does not use it.
void draw_parameter_range(CustomParameterRange& range, const char* symbol, bool used) {
    ImGui::BeginDisabled(!used);
    ImGui::PushID(symbol);
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%s", symbol);
    const float width = ImGui::GetFontSize() * 5;
    for (auto [label, value] : {std::pair{"default", &range.default_value}, {"min", &range.min}, {"max", &range.max}}) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(width);
        const double before = *value;
        if (ImGui::InputDouble(label, value, 0, 0, "%g") && !std::isfinite(*value)) *value = before;
    }
    ImGui::PopID();
    ImGui::EndDisabled();
}

// The formula's text with the error's column underlined in red, so "where" needs no counting.
void draw_error(const std::string& text, const FormulaError& error) {
    const ImVec4 red(1.0f, 0.45f, 0.4f, 1.0f);
    if (error.column > 0 && !text.empty()) {
        // Byte offset of the column (columns count characters).
        std::size_t byte = 0;
        for (int column = 1; column < error.column && byte < text.size(); ++column) {
            ++byte;
            while (byte < text.size() && (static_cast<unsigned char>(text[byte]) & 0xC0) == 0x80) ++byte;
        }
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::TextUnformatted(text.c_str());
        const float left = at.x + ImGui::CalcTextSize(text.c_str(), text.c_str() + byte).x;
        const float right = left + std::max(ImGui::CalcTextSize("m").x, byte < text.size()
                                                                            ? ImGui::CalcTextSize(text.c_str() + byte, text.c_str() + byte + 1).x
                                                                            : 0.0f);
        const float y = at.y + ImGui::GetTextLineHeight() + 1;
        ImGui::GetWindowDrawList()->AddLine(ImVec2(left, y), ImVec2(right, y), ImGui::GetColorU32(red), 2.0f);
    }
    ImGui::PushStyleColor(ImGuiCol_Text, red);
    ImGui::TextWrapped("%s", error.message.c_str());
    ImGui::PopStyleColor();
}

// [SECTION] Preview ----------------------------------------------------------------------------

// The colour chosen, or the one the definition will get: its catalogue index's, or the next index's.
ImU32 spec_colour(const FormulaEditor& editor) {
    const std::uint32_t c = editor.spec.colour;
    if (c != 0) return IM_COL32((c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff, 255);
    const Activation* existing = find_activation(editor.spec.name);
    return default_activation_colour(existing && existing->custom ? activation_index(*existing) : static_cast<int>(activations().size()));
}

ParameterValues default_values(const CustomActivationSpec& spec) {
    return {spec.parameters[0].default_value, spec.parameters[1].default_value};
}

// f and f′ over ±kPreviewRange at the parameters' defaults, and where f is not finite.
void draw_preview(const FormulaEditor& editor, const CompiledFormula& formula) {
    std::vector<double> xs(kPreviewPoints), f(kPreviewPoints), df(kPreviewPoints);
    for (int i = 0; i < kPreviewPoints; ++i) xs[i] = -kPreviewRange + 2 * kPreviewRange * i / (kPreviewPoints - 1);
    double* const out[] = {f.data(), df.data()};
    formula.slope.run<double>(xs.data(), kPreviewPoints, default_values(editor.spec), out);
    double bad_from = NAN, bad_to = NAN, low = INFINITY, high = -INFINITY;
    for (int i = 0; i < kPreviewPoints; ++i) {
        for (double v : {f[i], df[i]}) {
            if (!std::isfinite(v)) {
                if (std::isnan(bad_from)) bad_from = xs[i];
                bad_to = xs[i];
            } else {
                low = std::min(low, v), high = std::max(high, v);
            }
        }
    }
    ImGui::TextWrapped("f′(x) = %s", formula.derivative.c_str());
    item_tooltip("The exact derivative, by GiNaC's symbolic differentiation. Where max or min tie, the slope "
                 "nearest 0 of the two is taken, as PyTorch's autograd does for relu′(0) = 0 and abs′(0) = 0. GiNaC "
                 "simplifies as it goes (sqrt(x)^2 is x, x/x is 1), so a value undefined in the formula as typed "
                 "may be defined here.");
    if (!std::isnan(bad_from)) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.7f, 0.3f, 1.0f));
        ImGui::TextWrapped("Not finite for x from %s to %s (at the defaults): curves break there, and training "
                           "pauses at the first non-finite value.",
                           number_text(bad_from).c_str(), number_text(bad_to).c_str());
        ImGui::PopStyleColor();
    }
    const float height = std::max(ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing() * 2.5f,
                                  ImGui::GetFontSize() * 8);
    if (!plot::begin_plot("##formula_preview", ImVec2(-1, height), nullptr, plot::PlotFlags_NoInteraction)) return;
    plot::setup_axis(plot::AxisId::X, "x");
    plot::setup_axis(plot::AxisId::Y, "");
    plot::setup_axis_limits(plot::AxisId::X, -kPreviewRange, kPreviewRange, plot::Cond::Always);
    if (std::isfinite(low)) {
        low = std::max(low, -10.0), high = std::min(high, 10.0);
        const double margin = 0.08 * std::max(high - low, 1e-3);
        plot::setup_axis_limits(plot::AxisId::Y, low - margin, high + margin, plot::Cond::Always);
    }
    const ImU32 colour = spec_colour(editor);
    plot::plot_line("f", xs.data(), f.data(), kPreviewPoints, {colour, 2.0f});
    plot::plot_line("f′", xs.data(), df.data(), kPreviewPoints, {colour, 1.6f, true});
    plot::end_plot();
}

}  // namespace

// [SECTION] Defining ---------------------------------------------------------------------------

void define_formula(AppState& state) {
    FormulaEditor& editor = state.formula_editor;
    const Activation* previous = find_activation(editor.spec.name);
    // The colour shown is the colour kept: a redefinition or a reopened session gets a new catalogue
    // index, and with it another palette colour, unless the colour is written down now.
    if (editor.spec.colour == 0) {
        const ImU32 shown = spec_colour(editor);
        editor.spec.colour = std::max<std::uint32_t>(1, (shown & 0xff) << 16 | ((shown >> 8) & 0xff) << 8 | ((shown >> 16) & 0xff));
    }
    const CustomDefinition defined = define_custom_activation(editor.spec);
    if (!defined.activation) {
        editor.message = defined.error.message;
        return;
    }
    const int index = activation_index(*defined.activation);
    fit_to_catalogue(state);
    if (previous && previous != defined.activation) replace_activation_everywhere(state, activation_index(*previous), index);
    // Shown at once on the Activations page, where its curve and property row can be read.
    state.activations.settings.selected[static_cast<std::size_t>(index)] = true;
    state.activations.settings.parameters[static_cast<std::size_t>(index)] = defined.activation->defaults();
    editor.message = previous == defined.activation ? "Unchanged: " + editor.spec.name + " is already defined so."
                     : previous ? "Redefined " + editor.spec.name + "; every panel that used it uses the new formula."
                                : "Defined " + editor.spec.name + ": it is now in every activation list.";
    notify(state, editor.message);
}

void fit_to_catalogue(AppState& state) {
    // Each table on its own: an opened session brings settings sized to the catalogue of when it
    // was read, which a formula defined meanwhile has outgrown.
    const std::size_t size = activations().size();
    settings::fit_to_catalogue(state.activations.settings);
    if (state.activations.live.curves.size() < size) state.activations.live.curves.resize(size);
    if (state.activations.live.figures.size() < size) state.activations.live.figures.resize(size);
}

void open_formula_editor(FormulaEditor& editor, const Activation* existing) {
    editor.open = true;
    editor.message.clear();
    if (existing && existing->custom) {
        editor.spec = existing->custom->spec;
    } else if (editor.spec.formula.empty()) {
        editor.spec.name = "my activation";
        editor.spec.formula = kExamples[0].formula;
    }
    editor.preview.reset();
}

void replace_activation_everywhere(AppState& state, int from, int to) {
    const Activation& replacement = activations()[static_cast<std::size_t>(to)];
    auto& a = state.activations.settings;
    if (static_cast<std::size_t>(std::max(from, to)) < a.selected.size()) {
        a.selected[static_cast<std::size_t>(to)] = a.selected[static_cast<std::size_t>(to)] || a.selected[static_cast<std::size_t>(from)];
        a.selected[static_cast<std::size_t>(from)] = false;
        if (a.zones_of == from) a.zones_of = to;
    }
    for (settings::GradflowCurve& curve : state.gradflow.settings.simulation.curves) {
        if (curve.activation != from) continue;
        curve.activation = to;
        curve.parameters = replacement.defaults();
    }
    auto& hyper = state.classifier.settings.hyper;
    if (hyper.activation == from) {
        hyper.activation = to;
        hyper.parameters = replacement.defaults();
    }
    std::replace(state.bakeoff.settings.activations.begin(), state.bakeoff.settings.activations.end(), from, to);
}

void draw_formula_window(AppState& state) {
    FormulaEditor& editor = state.formula_editor;
    if (!editor.open) return;
    next_window_centred(36, 30);
    if (!ImGui::Begin("Type an activation", &editor.open, ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    ImGui::TextDisabled("Start from:");
    for (const Example& example : kExamples) {
        ImGui::SameLine();
        if (ImGui::SmallButton(example.name)) {
            editor.spec.formula = example.formula;
            if (editor.spec.name.empty() || editor.spec.name == "my activation") editor.spec.name = example.name;
        }
    }
    const float label_width = ImGui::GetFontSize() * 4.5f;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("f(x) =");
    ImGui::SameLine(label_width);
    ImGui::SetNextItemWidth(-FLT_MIN);
    bounded_text_input("##formula", "x * sigmoid(x)", editor.spec.formula, kMaxFormulaLength);
    item_tooltip("In x, with alpha and beta (or α, β) as sliders. Functions: " + formula_function_names() +
                 "; constants pi and e; ^ is a power (x^2^3 = x^8), -x^2 = −(x²).");
    recompile(editor);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("name");
    ImGui::SameLine(label_width);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    bounded_text_input("##name", "its name", editor.spec.name, kMaxCustomNameLength);
    ImGui::SameLine();
    const ImVec4 shown = ImGui::ColorConvertU32ToFloat4(spec_colour(editor));
    float rgb[3] = {shown.x, shown.y, shown.z};
    if (ImGui::ColorEdit3("colour", rgb, ImGuiColorEditFlags_NoInputs)) {
        const auto byte = [](float v) { return static_cast<std::uint32_t>(std::clamp(v, 0.0f, 1.0f) * 255.0f + 0.5f); };
        editor.spec.colour = std::max<std::uint32_t>(1, byte(rgb[0]) << 16 | byte(rgb[1]) << 8 | byte(rgb[2]));
    }
    item_tooltip("Its colour on every page. Untouched, it takes the next colour of the palette.");

    const int parameters = editor.preview && editor.preview->formula ? editor.preview->formula->parameter_count : 0;
    draw_parameter_range(editor.spec.parameters[0], "α (alpha)", parameters >= 1);
    draw_parameter_range(editor.spec.parameters[1], "β (beta) ", parameters >= 2);

    const bool compiled = editor.preview && editor.preview->formula;
    const auto name_problem = invalid_custom_name(editor.spec.name);
    const auto range_problem = invalid_custom_parameters(editor.spec, parameters);
    const Activation* existing = find_activation(editor.spec.name);
    ImGui::BeginDisabled(!compiled || name_problem || range_problem);
    if (ImGui::Button(existing && existing->custom ? "Redefine" : "Define")) define_formula(state);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (name_problem) ImGui::TextDisabled("%s", name_problem->c_str());
    else if (range_problem) ImGui::TextDisabled("%s", range_problem->c_str());
    else if (existing && existing->custom) ImGui::TextDisabled("replaces the formula called %s", editor.spec.name.c_str());
    else if (!editor.message.empty()) ImGui::TextDisabled("%s", editor.message.c_str());
    ImGui::Separator();
    if (compiled) draw_preview(editor, *editor.preview->formula);
    else if (editor.preview) draw_error(editor.spec.formula, editor.preview->error);
    ImGui::End();
}

}  // namespace actviz::app
