// [SECTION] Examples: the textbook's logits one click away
// [SECTION] Logits editor
// [SECTION] Probabilities, entropy and the limits of T
// [SECTION] Jacobian heatmap and the two-class ↔ sigmoid relation
// [SECTION] Step table: the stable way beside the naive one; the exercise's temperatures
// [SECTION] Temperature charts: each p and the entropy against T
// [SECTION] The page

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "app/softmax/softmax_panel.hpp"
#include "app/setting_widgets.hpp"
#include "app/widgets.hpp"
#include "core/activation.hpp"
#include "core/softmax.hpp"
#include "plot/plot.hpp"

namespace actviz::app {
namespace {

const ImVec4 kWarningColour(1.0f, 0.45f, 0.35f, 1.0f);
const ImVec4 kNoteColour(0.5f, 0.85f, 1.0f, 1.0f);
constexpr ImU32 kMarkerColour = IM_COL32(235, 235, 235, 200);

// [SECTION] Examples: the textbook's logits one click away -------------------------------------

// Their width on one line: the label and a small button per example.
float examples_width() {
    const ImGuiStyle& style = ImGui::GetStyle();
    float width = ImGui::CalcTextSize("Examples:").x;
    for (const SoftmaxPreset& preset : softmax_presets()) {
        width += style.ItemSpacing.x + ImGui::CalcTextSize(preset.name.data(), preset.name.data() + preset.name.size()).x +
                 2 * style.FramePadding.x;
    }
    return width;
}

void draw_examples(SoftmaxSettings& settings) {
    ImGui::TextUnformatted("Examples:");
    for (const SoftmaxPreset& preset : softmax_presets()) {
        ImGui::SameLine();
        if (ImGui::SmallButton(std::string(preset.name).c_str())) preset.apply(settings);
        item_tooltip(preset.lesson);
    }
}

// [SECTION] Logits editor ----------------------------------------------------------------------

void draw_logits_editor(SoftmaxSettings& settings, float height) {
    const float font = ImGui::GetFontSize();
    std::vector<double>& logits = settings.logits;
    ImGui::BeginGroup();
    ImGui::TextUnformatted("Logits z");
    help_marker("Drag a bar to change one logit within ±10, the bars' span. Type any value up to ±10⁴ in the step "
                "table's z column (below), e.g. the textbook's [1000, 1001, 1002], or click its example above. A logit "
                "beyond ±10 keeps its value, its bar pinned at the end, until you drag that bar. The probabilities, "
                "entropy, Jacobian, step table and temperature charts follow in the same frame.");
    ImGui::BeginDisabled(logits.size() >= kLogits.max_count);
    if (ImGui::SmallButton("+ class")) logits.push_back(0.0);
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(logits.size() <= kLogits.min_count);
    if (ImGui::SmallButton("− class")) logits.pop_back();
    ImGui::EndDisabled();
    for (size_t i = 0; i < logits.size(); ++i) {
        if (i > 0) ImGui::SameLine();
        ImGui::PushID(static_cast<int>(i));
        // Beyond the drag span the bar shows an arrow (the number would not fit): the table and tooltip have it.
        const bool above = logits[i] > kLogits.slider_max, below = logits[i] < kLogits.slider_min;
        const bool beyond = above || below;
        ImGui::PushStyleColor(ImGuiCol_SliderGrab, plot::series_colour(static_cast<int>(i)));
        setting_list_vslider(kLogits, settings, i, ImVec2(font * 2.2f, height), above ? "▲" : below ? "▼" : "%.1f");
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) {
            ImGui::SetTooltip(beyond ? "z%zu = %g (beyond the bar's ±10: dragging brings it back within)"
                                     : "z%zu = %g (type exact values in the table's z column)",
                              i, logits[i]);
        }
        ImGui::PopID();
    }
    ImGui::EndGroup();
}

// Integer ticks 0..k−1; `top_down` puts 0 at the top (matrix rows).
void set_class_ticks(plot::AxisId axis, int k, bool top_down) {
    static const char* const kNames[] = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
    double values[kLogits.max_count];
    for (int i = 0; i < k; ++i) values[i] = top_down ? k - 1 - i : i;
    plot::setup_axis_ticks(axis, values, kNames, k);
}

// [SECTION] Probabilities, entropy and the limits of T -----------------------------------------

void draw_probabilities(const SoftmaxResult& result, ImVec2 size) {
    const int k = static_cast<int>(result.probabilities.size());
    if (!plot::begin_plot("##probabilities", size, "probabilities p = softmax(z / T)", plot::PlotFlags_NoLegend | plot::PlotFlags_WholeX)) {
        return;
    }
    plot::setup_axis(plot::AxisId::X, "class");
    plot::setup_axis(plot::AxisId::Y, "p");
    plot::setup_axis_limits(plot::AxisId::X, -0.6, k - 0.4, plot::Cond::Always);
    plot::setup_axis_limits(plot::AxisId::Y, 0.0, 1.0, plot::Cond::Always);
    set_class_ticks(plot::AxisId::X, k, false);
    std::vector<double> xs(k), uniform(k, 1.0 / k);
    for (int i = 0; i < k; ++i) xs[i] = i;
    for (int i = 0; i < k; ++i) {
        const std::string label = "p" + std::to_string(i);
        plot::plot_bars(label.c_str(), &xs[i], &result.probabilities[i], 1, 0.7, plot::series_colour(i));
    }
    const double ends[2] = {-0.6, k - 0.4};
    const double level[2] = {1.0 / k, 1.0 / k};
    plot::plot_line("uniform 1/K", ends, level, 2, {IM_COL32(200, 200, 200, 160), 1.0f, true});
    plot::end_plot();
}

void draw_limits_readout(const SoftmaxResult& result, float temperature) {
    const Eigen::Index k = result.probabilities.size();
    const double max_p = result.probabilities.maxCoeff();
    const double max_entropy = std::log(static_cast<double>(k));
    ImGui::Text("entropy H = %.4f nats (max log K = %.4f)   max probability = %.4f", result.entropy, max_entropy, max_p);
    const bool one_hot = max_p > 0.999;
    const bool uniform = result.probabilities.maxCoeff() - result.probabilities.minCoeff() < 0.01;
    char note[96];
    if (one_hot)
        std::snprintf(note, sizeof note, "T = %.3g: argmax reached (one-hot, H ≈ 0)", temperature);
    else if (uniform)
        std::snprintf(note, sizeof note, "T = %.3g: uniform reached (p ≈ 1/K, H ≈ log K)", temperature);
    else
        std::snprintf(note, sizeof note, "T → 0 tends to argmax, T → ∞ to uniform");
    same_line_if_fits(ImGui::CalcTextSize(note).x, ImGui::GetFontSize() * 1.5f);  // else on a line of its own
    if (one_hot || uniform) ImGui::TextColored(kNoteColour, "%s", note);
    else ImGui::TextDisabled("%s", note);
}

// [SECTION] Jacobian heatmap and the two-class ↔ sigmoid relation ------------------------------

void draw_jacobian(const SoftmaxResult& result, float temperature, ImVec2 size) {
    const Eigen::MatrixXd jacobian = softmax_jacobian(result.probabilities, temperature);
    const int k = static_cast<int>(jacobian.rows());
    // Row-major copy, row 0 at the top: J(i, j) = ∂p_i/∂z_j.
    std::vector<double> cells(static_cast<size_t>(k) * k);
    for (int i = 0; i < k; ++i) {
        for (int j = 0; j < k; ++j) cells[static_cast<size_t>(i) * k + j] = jacobian(i, j);
    }
    const double scale = std::max(jacobian.cwiseAbs().maxCoeff(), 1e-12);
    if (!plot::begin_plot("##jacobian", size, "Jacobian ∂p_i/∂z_j = p_i(δ_ij − p_j)/T",
                          plot::PlotFlags_NoLegend | plot::PlotFlags_NoInteraction)) {
        return;
    }
    plot::setup_axis(plot::AxisId::X, "j (logit)");
    plot::setup_axis(plot::AxisId::Y, "i (probability)");
    plot::setup_axis_limits(plot::AxisId::X, -0.5, k - 0.5, plot::Cond::Always);
    plot::setup_axis_limits(plot::AxisId::Y, -0.5, k - 0.5, plot::Cond::Always);
    set_class_ticks(plot::AxisId::X, k, false);
    set_class_ticks(plot::AxisId::Y, k, true);
    plot::setup_colour_bar("∂p_i/∂z_j", -scale, scale, plot::ColourMap::Diverging);
    plot::plot_heatmap("J", cells.data(), k, k, -0.5, k - 0.5, -0.5, k - 0.5, -scale, scale);
    plot::end_plot();
}

void draw_two_class_relation(const SoftmaxSettings& settings, const SoftmaxResult& result) {
    const double gap = settings.logits[0] - settings.logits[1];
    const double sigmoid = find_activation("sigmoid")->f(gap / settings.temperature, {});
    if (settings.logits.size() == 2) {
        ImGui::Text("Two classes: p0 = σ((z0 − z1)/T) = σ(%.3f) = %.6f  (softmax p0 = %.6f)", gap / settings.temperature,
                    sigmoid, result.probabilities[0]);
    } else {
        ImGui::TextDisabled("With two classes softmax is a sigmoid: p0 = σ((z0 − z1)/T). Remove classes to see it.");
    }
}

// [SECTION] Step table: the stable way beside the naive one; the exercise's temperatures -------

// The table's height for `rows` rows of text boxes (class rows) and `text_rows` of text, with room
// for the sideways scrollbar.
float step_table_height(int input_rows, int text_rows) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float cell = 2 * style.CellPadding.y;
    return input_rows * (ImGui::GetFrameHeight() + cell) + text_rows * (ImGui::GetTextLineHeight() + cell) +
           style.ScrollbarSize + 4;
}

void draw_step_table(SoftmaxSettings& settings, const SoftmaxStepTable& table, ImVec2 size) {
    const int k = static_cast<int>(table.rows.size()) - 1;
    const int flags = ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersOuter |
                      ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("##steps", kStepColumnCount, flags, size)) return;
    ImGui::TableSetupScrollFreeze(2, 1);  // class and z stay in view while the rest scrolls sideways
    for (const std::string& header : table.headers) ImGui::TableSetupColumn(header.c_str(), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < kStepColumnCount; ++c) {
        ImGui::TableSetColumnIndex(c);
        const bool naive = c >= kNaiveExpColumn;
        if (naive && table.naive_fails) ImGui::PushStyleColor(ImGuiCol_Text, kWarningColour);
        ImGui::TableHeader(table.headers[static_cast<size_t>(c)].c_str());
        if (naive && table.naive_fails) ImGui::PopStyleColor();
        item_tooltip(table.header_tooltips[static_cast<size_t>(c)]);
    }
    const float font = ImGui::GetFontSize();
    for (int r = 0; r <= k; ++r) {
        ImGui::TableNextRow();
        const std::vector<StepCell>& row = table.rows[static_cast<size_t>(r)];
        for (int c = 0; c < kStepColumnCount; ++c) {
            ImGui::TableSetColumnIndex(c);
            const StepCell& cell = row[static_cast<size_t>(c)];
            if (r < k && c == kLogitColumn) {
                ImGui::PushID(r);
                ImGui::SetNextItemWidth(font * 4.2f);
                setting_list_input(kLogits, settings, static_cast<size_t>(r));
                item_tooltip("Type a logit, up to ±10⁴ (Enter or click away to keep it).");
                ImGui::PopID();
            } else if (c == kClassColumn && r < k) {
                ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot::series_colour(r)), "%s", cell.text.c_str());
            } else if (cell.warning) {
                ImGui::TextColored(kWarningColour, "%s", cell.text.c_str());
            } else {
                ImGui::TextUnformatted(cell.text.c_str());
            }
        }
    }
    ImGui::EndTable();
}

// The textbook's exercise, p at T = 0.1, 0.5, 1, 2 and 10, under the step table when the page has
// room for it (the charts show every T; this gives the numbers the exercise asks for).
void draw_exercise_table(const Eigen::VectorXd& logits, float width, float height) {
    static constexpr double kExerciseTemperatures[] = {0.1, 0.5, 1, 2, 10};
    const int k = static_cast<int>(logits.size());
    const ImGuiStyle& style = ImGui::GetStyle();
    const float row = ImGui::GetTextLineHeight() + 2 * style.CellPadding.y;
    // Room for the sideways scrollbar only when the columns (about 5.5 em each) will not fit.
    const bool scrolls = (k + 2) * ImGui::GetFontSize() * 5.5f > width;
    const float needed = ImGui::GetTextLineHeightWithSpacing() + 6 * row + (scrolls ? style.ScrollbarSize : 0) + 2;
    if (height < needed) return;
    ImGui::TextUnformatted("The exercise: p at T = 0.1, 0.5, 1, 2, 10");
    help_marker("softmax(z / T) at the temperatures the textbook's exercise asks for, by core's softmax; the charts "
                "on the right show every T from 0.01 to 100.");
    const int flags = ImGuiTableFlags_ScrollX | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV |
                      ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("##exercise", k + 2, flags, ImVec2(width, needed - ImGui::GetTextLineHeightWithSpacing()))) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn("T");
    for (int i = 0; i < k; ++i) ImGui::TableSetupColumn(("p" + std::to_string(i)).c_str());
    ImGui::TableSetupColumn("H, nats");
    ImGui::TableHeadersRow();
    for (const double t : kExerciseTemperatures) {
        const SoftmaxResult result = softmax(logits, t);
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::Text("%g", t);
        for (int i = 0; i < k; ++i) {
            ImGui::TableSetColumnIndex(i + 1);
            ImGui::TextUnformatted(step_number(result.probabilities[i]).c_str());
        }
        ImGui::TableSetColumnIndex(k + 1);
        ImGui::TextUnformatted(step_number(result.entropy).c_str());
    }
    ImGui::EndTable();
}

void draw_steps(SoftmaxSettings& settings, const SoftmaxStepTable& table, const Eigen::VectorXd& logits, ImVec2 size) {
    const float top = ImGui::GetCursorPosY();
    ImGui::BeginGroup();
    ImGui::TextUnformatted("How p is computed");
    help_marker("Softmax step by step, as core's softmax_steps computes it (and `actviz softmax --steps` prints it). "
                "Left: the stable way: subtract the largest z/T, exponentiate (every e^(·) ≤ 1), sum, divide. Right: "
                "the naive e^(z/T) / Σ e^(z/T), which a double cannot hold once z/T passes 709.78 (e^z = inf, "
                "p = inf/inf = NaN) or falls below −745 (e^z = 0, p = 0/0 = NaN). Hover a header for its formula. "
                "Type logits in the z column; the table scrolls sideways when the page is narrow.");
    const int k = static_cast<int>(table.rows.size()) - 1;
    const float why_lines = 3 * ImGui::GetTextLineHeightWithSpacing();
    const float room = size.y - ImGui::GetTextLineHeightWithSpacing() - why_lines - ImGui::GetStyle().ItemSpacing.y;
    const float height = std::max(std::min(step_table_height(k, 2), room), ImGui::GetFrameHeight() * 3);
    draw_step_table(settings, table, ImVec2(size.x, height));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + size.x);
    if (table.naive_fails) {
        const bool underflow = table.rows.back()[kNaiveExpColumn].text == "0";
        ImGui::TextColored(kWarningColour, "Naive: Σ e^(z/T) = %s, and %s = NaN.", underflow ? "0" : "inf",
                           underflow ? "0/0" : "inf/inf");
    }
    ImGui::TextDisabled("Why subtract the max: softmax(z − c) = softmax(z) for any c; with c = max every exponent is "
                        "≤ 0, so nothing overflows and Σ ≥ 1.");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    draw_exercise_table(logits, size.x, size.y - (ImGui::GetCursorPosY() - top));
    ImGui::EndGroup();
}

// [SECTION] Temperature charts: each p and the entropy against T -------------------------------

// A vertical line at the slider's T over the whole chart, with a dot where each curve crosses it.
void mark_temperature(double t, const std::vector<double>& values, const std::vector<ImU32>& colours, double y_min,
                      double y_max, bool labelled) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 top = plot::data_to_pixels(t, y_max), bottom = plot::data_to_pixels(t, y_min);
    draw->AddLine(top, bottom, kMarkerColour, 1.5f);
    for (size_t i = 0; i < values.size(); ++i) {
        const ImVec2 at = plot::data_to_pixels(t, values[i]);
        draw->AddCircleFilled(at, 4.0f, colours[i]);
        draw->AddCircle(at, 4.5f, IM_COL32(20, 20, 20, 220), 0, 1.0f);
    }
    if (labelled) {
        char label[32];
        std::snprintf(label, sizeof label, "T = %.3g", t);
        draw->AddText(ImVec2(top.x + 4, top.y + 2), kMarkerColour, label);
    }
}

// The two charts stack with one T axis between them: only the lower one names it.
void setup_temperature_axis(const char* label) {
    plot::setup_axis(plot::AxisId::X, label, plot::Scale::Log10);
    plot::setup_axis_limits(plot::AxisId::X, kSweepMinTemperature, kSweepMaxTemperature, plot::Cond::Always);
}

void draw_temperature_chart(const TemperatureSweep& sweep, double t, ImVec2 size) {
    const int k = static_cast<int>(sweep.probabilities.rows());
    const int n = static_cast<int>(sweep.temperatures.size());
    if (!plot::begin_plot("##temperature", size, "each p against the temperature T", plot::PlotFlags_NoLegend)) return;
    setup_temperature_axis("");
    plot::setup_axis(plot::AxisId::Y, "p");
    plot::setup_axis_limits(plot::AxisId::Y, 0.0, 1.0, plot::Cond::Always);
    std::vector<double> values, row(static_cast<size_t>(n));
    std::vector<ImU32> colours;
    for (int i = 0; i < k; ++i) {
        for (int j = 0; j < n; ++j) row[static_cast<size_t>(j)] = sweep.probabilities(i, j);
        const std::string label = "p" + std::to_string(i);
        plot::plot_line(label.c_str(), sweep.temperatures.data(), row.data(), n, {plot::series_colour(i), 2.0f});
        if (sweep.marked >= 0) {
            values.push_back(sweep.probabilities(i, sweep.marked));
            colours.push_back(plot::series_colour(i));
        }
    }
    if (sweep.marked >= 0) mark_temperature(t, values, colours, 0.0, 1.0, true);
    plot::end_plot();
}

void draw_entropy_chart(const TemperatureSweep& sweep, double t, ImVec2 size) {
    const int n = static_cast<int>(sweep.temperatures.size());
    const double max_entropy = std::log(static_cast<double>(sweep.probabilities.rows()));
    // No title: the axis names it, and the chart keeps its height for the curve.
    if (!plot::begin_plot("##entropy", size, nullptr, plot::PlotFlags_NoLegend)) return;
    setup_temperature_axis("T");
    plot::setup_axis(plot::AxisId::Y, "entropy H(T), nats");
    plot::setup_axis_limits(plot::AxisId::Y, 0.0, max_entropy * 1.1, plot::Cond::Always);
    const double ends[2] = {kSweepMinTemperature, kSweepMaxTemperature}, level[2] = {max_entropy, max_entropy};
    plot::plot_line("log K", ends, level, 2, {IM_COL32(200, 200, 200, 160), 1.0f, true});
    plot::plot_line("H", sweep.temperatures.data(), sweep.entropy.data(), n, {IM_COL32(235, 235, 235, 255), 2.0f});
    if (sweep.marked >= 0) {
        mark_temperature(t, {sweep.entropy[static_cast<size_t>(sweep.marked)]}, {IM_COL32(235, 235, 235, 255)}, 0.0,
                         max_entropy * 1.1, false);
    }
    plot::end_plot();
}

}  // namespace

// [SECTION] The page ----------------------------------------------------------------------------

void draw_softmax_panel(SoftmaxPanel& panel, PanelContext&) {
    SoftmaxSettings& settings = panel.settings;
    SoftmaxLive& live = panel.live;
    const float font = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(font * 14);
    setting_slider(kTemperature, settings);
    help_marker("Softmax divides the logits by T before exponentiating. Small T sharpens the distribution "
                "towards the argmax (one-hot); large T flattens it towards uniform. Knowledge distillation and "
                "sampling from language models turn this knob. The charts at the bottom right show every T from "
                "0.01 to 100 at once (the textbook's exercise: T = 0.1, 0.5, 1, 2, 10), the slider's T marked.");
    ImGui::SameLine();
    if (ImGui::SmallButton("T = 1")) settings.temperature = 1.0f;
    ImGui::SameLine(0, font * 1.5f);
    if (ImGui::GetContentRegionAvail().x < examples_width()) ImGui::NewLine();  // a narrow tile: on their own line
    draw_examples(settings);

    // Everything below is core's, computed from this frame's settings; `live` keeps what was drawn.
    const Eigen::VectorXd logits = Eigen::Map<const Eigen::VectorXd>(settings.logits.data(),
                                                                   static_cast<Eigen::Index>(settings.logits.size()));
    const double temperature = settings.temperature;
    const SoftmaxResult result = softmax(logits, temperature);
    live.steps = softmax_steps(logits, temperature);
    live.table = softmax_step_table(live.steps);
    live.sweep = temperature_sweep_marked(logits, temperature);

    const float line = ImGui::GetTextLineHeightWithSpacing();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float top_height = std::max(std::floor((avail.y - 2 * line) * 0.4f), font * 8);
    draw_logits_editor(settings, top_height - 2 * ImGui::GetFrameHeightWithSpacing());
    ImGui::SameLine();
    const float rest = ImGui::GetContentRegionAvail().x;
    draw_probabilities(result, ImVec2(std::floor(rest * 0.55f), top_height));
    ImGui::SameLine();
    draw_jacobian(result, settings.temperature, ImVec2(-1, top_height));
    draw_limits_readout(result, settings.temperature);

    const float bottom_height = std::max(ImGui::GetContentRegionAvail().y - line - 4, font * 8);
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float steps_width = std::floor((avail.x - spacing) * 0.5f);
    draw_steps(settings, live.table, logits, ImVec2(steps_width, bottom_height));
    ImGui::SameLine();
    ImGui::BeginGroup();
    const float chart_gap = ImGui::GetStyle().ItemSpacing.y;
    const float probability_height = std::floor((bottom_height - chart_gap) * 0.56f);
    draw_temperature_chart(live.sweep, temperature, ImVec2(-1, probability_height));
    draw_entropy_chart(live.sweep, temperature, ImVec2(-1, bottom_height - probability_height - chart_gap));
    ImGui::EndGroup();
    draw_two_class_relation(settings, result);
}

}  // namespace actviz::app
