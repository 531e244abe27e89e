// [SECTION] Logits editor
// [SECTION] Probabilities, entropy and the limits of T
// [SECTION] Jacobian heatmap and the two-class ↔ sigmoid relation

#include <imgui.h>

#include <algorithm>
#include <cmath>
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

constexpr int kMinClasses = 2, kMaxClasses = 10;
constexpr float kLogitRange = static_cast<float>(kLogits.slider_max);  // the bars; typed values: the step table (next commit)

// [SECTION] Logits editor ----------------------------------------------------------------------

void draw_logits_editor(SoftmaxSettings& settings, float height) {
    const float font = ImGui::GetFontSize();
    std::vector<double>& logits = settings.logits;
    ImGui::BeginGroup();
    ImGui::TextUnformatted("Logits z");
    help_marker("Drag a slider to change one logit (Ctrl+click to type it). The probabilities, entropy and "
                "Jacobian follow in the same frame.");
    ImGui::BeginDisabled(static_cast<int>(logits.size()) >= kMaxClasses);
    if (ImGui::SmallButton("+ class")) logits.push_back(0.0);
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(static_cast<int>(logits.size()) <= kMinClasses);
    if (ImGui::SmallButton("− class")) logits.pop_back();
    ImGui::EndDisabled();
    for (size_t i = 0; i < logits.size(); ++i) {
        if (i > 0) ImGui::SameLine();
        ImGui::PushID(static_cast<int>(i));
        float value = static_cast<float>(logits[i]);
        ImGui::PushStyleColor(ImGuiCol_SliderGrab, plot::series_colour(static_cast<int>(i)));
        if (checked_vslider("##z", font * 2.2f, height, &value, -kLogitRange, kLogitRange, "%.1f")) {
            logits[i] = value;
        }
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("z%zu = %.3f", i, logits[i]);
        ImGui::PopID();
    }
    ImGui::EndGroup();
}

// Integer ticks 0..k−1; `top_down` puts 0 at the top (matrix rows).
void set_class_ticks(plot::AxisId axis, int k, bool top_down) {
    static const char* const kNames[] = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
    double values[kMaxClasses];
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
    ImGui::Text("entropy H = %.4f nats  (max log K = %.4f)", result.entropy, max_entropy);
    ImGui::Text("max probability = %.4f", max_p);
    const bool one_hot = max_p > 0.999;
    const bool uniform = result.probabilities.maxCoeff() - result.probabilities.minCoeff() < 0.01;
    if (one_hot) {
        ImGui::TextColored(ImVec4(0.5f, 0.85f, 1.0f, 1.0f), "T = %.3g: argmax reached (one-hot, H ≈ 0)", temperature);
    } else if (uniform) {
        ImGui::TextColored(ImVec4(0.5f, 0.85f, 1.0f, 1.0f), "T = %.3g: uniform reached (p ≈ 1/K, H ≈ log K)",
                           temperature);
    } else {
        ImGui::TextDisabled("T → 0 tends to argmax, T → ∞ to uniform");
    }
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

}  // namespace

void draw_softmax_panel(SoftmaxPanel& panel, PanelContext&) {
    SoftmaxSettings& settings = panel.settings;
    const float font = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(font * 14);
    setting_slider(kTemperature, settings);
    help_marker("Softmax divides the logits by T before exponentiating. Small T sharpens the distribution "
                "towards the argmax (one-hot); large T flattens it towards uniform. Knowledge distillation and "
                "sampling from language models turn this knob.");
    ImGui::SameLine();
    if (ImGui::SmallButton("T = 1")) settings.temperature = 1.0f;

    const Eigen::VectorXd logits = Eigen::Map<const Eigen::VectorXd>(settings.logits.data(),
                                                                   static_cast<Eigen::Index>(settings.logits.size()));
    const SoftmaxResult result = softmax(logits, settings.temperature);

    const float text_lines = 4 * ImGui::GetTextLineHeightWithSpacing();
    const float chart_height = std::max(ImGui::GetContentRegionAvail().y - text_lines - 4, font * 8);
    draw_logits_editor(settings, chart_height - 2 * ImGui::GetFrameHeightWithSpacing());
    ImGui::SameLine();
    const float rest = ImGui::GetContentRegionAvail().x;
    draw_probabilities(result, ImVec2(std::floor(rest * 0.55f), chart_height));
    ImGui::SameLine();
    draw_jacobian(result, settings.temperature, ImVec2(-1, chart_height));
    draw_limits_readout(result, settings.temperature);
    draw_two_class_relation(settings, result);
}

}  // namespace actviz::app
