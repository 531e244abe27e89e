#include "app/hinge_window.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "app/widgets.hpp"
#include "plot/plot.hpp"

namespace actviz::app {
namespace {

constexpr int kCurveSamples = 241;  // every 0.025 over [−3, 3]: the kinks land on samples or between two

std::vector<double> sample_xs() {
    std::vector<double> xs(kCurveSamples);
    for (int i = 0; i < kCurveSamples; ++i) xs[i] = -kHingeRange + 2 * kHingeRange * i / (kCurveSamples - 1);
    return xs;
}

void draw_controls(HingeLesson& lesson) {
    int units = static_cast<int>(lesson.net.units.size());
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    if (ImGui::SliderInt("units", &units, 1, kMaxHingeUnits)) {
        lesson.net = spread_hinges(units);
        lesson.steps = 0;
    }
    ImGui::SameLine();
    int target = static_cast<int>(lesson.target);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 13);
    if (ImGui::BeginCombo("target", std::string(kHingeTargetNames[target]).c_str())) {
        for (int t = 0; t < static_cast<int>(std::size(kHingeTargetNames)); ++t) {
            if (ImGui::Selectable(std::string(kHingeTargetNames[t]).c_str(), t == target)) lesson.target = static_cast<HingeTarget>(t);
        }
        ImGui::EndCombo();
    }
    if (ImGui::Button(lesson.fitting ? "Pause fit" : "Fit by gradient descent")) {
        lesson.fitting = !lesson.fitting;
        lesson.note.clear();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
    ImGui::SliderFloat("η", &lesson.learning_rate, 0.001f, 0.1f, "%.3f", ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp);
    ImGui::SameLine();
    if (ImGui::Button("Bump example")) {
        lesson.net = bump_example();
        lesson.target = HingeTarget::Bump;
        lesson.fitting = false;
        lesson.steps = 0;
    }
    help_marker("Each unit computes v·relu(w·x + b): zero on one side of its hinge x = −b/w, a straight line of "
                "slope v·w on the other. The network adds them up (plus an output bias c), so whatever its "
                "weights it draws a piecewise-linear function with at most one kink per unit. Drag a hinge's "
                "handle along x; set its slope in the table. The bump example is the chapters' worked one: "
                "relu(x + 1) − 2 relu(x) + relu(x − 1) = max(0, 1 − |x|). Fit moves every w, b, v and c by "
                "gradient descent on the squared error over [−3, 3] — watch the hinges travel to where the "
                "target bends.");
}

// The chart: target (dashed), each unit's contribution (thin), the sum (thick), and a draggable
// handle at each hinge, on the x axis of the sum.
void draw_chart(HingeLesson& lesson, ImVec2 size) {
    const std::vector<double> xs = sample_xs();
    std::vector<double> target(xs.size()), sum(xs.size());
    double low = 0, high = 1;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        target[i] = hinge_target(lesson.target, xs[i]);
        sum[i] = lesson.net(xs[i]);
        low = std::min({low, target[i], sum[i]});
        high = std::max({high, target[i], sum[i]});
        // The contributions too, over the middle of the range: the bump's −2·relu(x) must be seen to
        // cancel the others, while a hinge far out may still run off the chart's ends.
        if (std::fabs(xs[i]) <= kHingeRange / 2) {
            for (const HingeUnit& unit : lesson.net.units) {
                low = std::min(low, unit.contribution(xs[i]));
                high = std::max(high, unit.contribution(xs[i]));
            }
        }
    }
    low = std::max(low, -10.0), high = std::min(high, 10.0);  // a runaway fit stays on screen as a clipped line
    if (!plot::begin_plot("##hinges", size, "f(x) = c + Σ v·relu(w·x + b)", plot::PlotFlags_NoInteraction)) return;
    plot::setup_axis(plot::AxisId::X, "x");
    plot::setup_axis(plot::AxisId::Y, "f(x)");
    plot::setup_axis_limits(plot::AxisId::X, -kHingeRange, kHingeRange, plot::Cond::Always);
    const double margin = 0.1 * (high - low);
    plot::setup_axis_limits(plot::AxisId::Y, low - margin, high + margin, plot::Cond::Always);
    plot::plot_line("target", xs.data(), target.data(), static_cast<int>(xs.size()), {IM_COL32(200, 200, 200, 200), 1.5f, true});
    std::vector<double> part(xs.size());
    for (std::size_t u = 0; u < lesson.net.units.size(); ++u) {
        for (std::size_t i = 0; i < xs.size(); ++i) part[i] = lesson.net.units[u].contribution(xs[i]);
        const std::string label = "unit " + std::to_string(u + 1);
        plot::plot_line(label.c_str(), xs.data(), part.data(), static_cast<int>(xs.size()), {plot::series_colour(static_cast<int>(u)), 1.2f});
    }
    plot::plot_line("sum", xs.data(), sum.data(), static_cast<int>(xs.size()), {IM_COL32(255, 255, 255, 255), 3.0f});

    // Handles: a ring per hinge on the sum's curve, in its unit's colour; drag along x.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    double mouse_x = 0, mouse_y = 0;
    const bool over = plot::mouse_position(&mouse_x, &mouse_y);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    int nearest = -1;
    float nearest_distance = ImGui::GetFontSize() * 0.8f;
    for (std::size_t u = 0; u < lesson.net.units.size(); ++u) {
        const HingeUnit& unit = lesson.net.units[u];
        if (unit.w == 0) continue;
        const double x = unit.hinge();
        if (std::fabs(x) > kHingeRange) continue;  // off the chart: its unit is live or dead over all of it
        const ImVec2 at = plot::data_to_pixels(x, lesson.net(x));
        const float distance = std::hypot(at.x - mouse.x, at.y - mouse.y);
        if (over && distance < nearest_distance) nearest = static_cast<int>(u), nearest_distance = distance;
        const bool active = lesson.dragged == static_cast<int>(u);
        draw->AddCircleFilled(at, active ? 7.0f : 5.5f, plot::series_colour(static_cast<int>(u)));
        draw->AddCircle(at, active ? 7.0f : 5.5f, IM_COL32(255, 255, 255, 255), 0, 1.5f);
    }
    if (lesson.dragged < 0 && nearest >= 0 && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) lesson.dragged = nearest;
    if (lesson.dragged >= 0 && lesson.dragged < static_cast<int>(lesson.net.units.size())) {
        if (ImGui::IsMouseDown(ImGuiMouseButton_Left) && std::isfinite(mouse_x)) {
            HingeUnit& unit = lesson.net.units[static_cast<std::size_t>(lesson.dragged)];
            unit.b = -unit.w * std::clamp(mouse_x, -kHingeRange, kHingeRange);  // the hinge follows the mouse
        } else {
            lesson.dragged = -1;
        }
    }
    if (nearest >= 0 || lesson.dragged >= 0) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
    plot::end_plot();
}

void draw_unit_table(HingeLesson& lesson) {
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollX |
                                  ImGuiTableFlags_NoHostExtendX;
    if (!ImGui::BeginTable("##units", 5, flags)) return;
    for (const char* header : {"unit", "hinge x = −b/w", "live side", "slope v·w there", "v (output weight)"}) ImGui::TableSetupColumn(header);
    ImGui::TableHeadersRow();
    for (std::size_t u = 0; u < lesson.net.units.size(); ++u) {
        HingeUnit& unit = lesson.net.units[u];
        ImGui::PushID(static_cast<int>(u));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot::series_colour(static_cast<int>(u))), "%zu", u + 1);
        ImGui::TableNextColumn();
        if (unit.w == 0) ImGui::TextUnformatted("none (w = 0)");
        else ImGui::Text("%+.3f", unit.hinge());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(unit.w > 0 ? "x > hinge" : unit.w < 0 ? "x < hinge" : "—");
        ImGui::TableNextColumn();
        ImGui::Text("%+.3f", unit.v * unit.w);
        ImGui::TableNextColumn();
        float v = static_cast<float>(unit.v);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
        if (ImGui::SliderFloat("##v", &v, -3.0f, 3.0f, "%.3f", ImGuiSliderFlags_AlwaysClamp)) unit.v = v;
        ImGui::PopID();
    }
    ImGui::EndTable();
}

}  // namespace

void draw_hinge_window(HingeLesson& lesson, bool& animating) {
    if (!lesson.open) return;
    if (lesson.fitting) {
        for (int s = 0; s < lesson.steps_per_frame; ++s) hinge_fit_step(lesson.net, lesson.target, lesson.learning_rate);
        lesson.steps += lesson.steps_per_frame;
        // A learning rate too large for these weights: stop before the numbers run away.
        if (!std::isfinite(hinge_fit_error(lesson.net, lesson.target))) {
            lesson.fitting = false;
            lesson.net = spread_hinges(static_cast<int>(lesson.net.units.size()));
            lesson.steps = 0;
            lesson.note = "The fit diverged (η too large for these weights): the hinges were spread out again.";
        }
        animating = true;
    }
    const float font = ImGui::GetFontSize();
    next_window_centred(46, 36, 0.95f);
    if (ImGui::Begin("ReLU networks are piecewise linear", &lesson.open, ImGuiWindowFlags_NoCollapse)) {
        draw_controls(lesson);
        if (!lesson.note.empty()) ImGui::TextColored(ImVec4(1.0f, 0.6f, 0.35f, 1.0f), "%s", lesson.note.c_str());
        ImGui::Text("squared error against the target: %.4g   ·   fit steps: %lld", hinge_fit_error(lesson.net, lesson.target),
                    lesson.steps);
        // The unit table's rows hold sliders: a frame's height each, plus the header.
        const float table = (ImGui::GetFrameHeight() + 2 * ImGui::GetStyle().CellPadding.y + 1) *
                                (static_cast<float>(lesson.net.units.size()) + 1) + ImGui::GetStyle().ScrollbarSize;
        draw_chart(lesson, ImVec2(-1, std::max(ImGui::GetContentRegionAvail().y - table, font * 10)));
        draw_unit_table(lesson);
    }
    ImGui::End();
}

}  // namespace actviz::app
