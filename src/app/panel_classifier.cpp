// The Classifier panel: a small MLP trained on 2D data while you watch. Controls on the left; on the
// right the toolbar, the decision plane (large), the dead-unit plane and the unit grid, and the
// history charts along the bottom. The parts live in classifier_{controls,views,charts}.cpp; the
// trainer and the pictures in ClassifierSession.

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "app/classifier_views.hpp"
#include "app/panels.hpp"
#include "app/widgets.hpp"

namespace actviz::app {
namespace {

void draw_dead_layer_choice(AppState& state) {
    const Trainer* trainer = state.classifier_session.trainer();
    const int layers = trainer ? trainer->mlp().hidden_count() : 0;
    int& layer = state.classifier.view.dead_layer;
    if (layer >= layers) layer = -1;
    char current[32];
    if (layer < 0)
        std::snprintf(current, sizeof current, "all layers");
    else
        std::snprintf(current, sizeof current, "layer %d", layer + 1);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    if (ImGui::BeginCombo("counted", current)) {
        if (ImGui::Selectable("all layers", layer < 0)) layer = -1;
        for (int h = 0; h < layers; ++h) {
            char name[32];
            std::snprintf(name, sizeof name, "layer %d", h + 1);
            if (ImGui::Selectable(name, layer == h)) layer = h;
        }
        ImGui::EndCombo();
    }
    help_marker("The plane below counts, at each point, the hidden units whose derivative is zero there (dead "
                "mode) or below 1% of its maximum (saturation mode, for activations without a hard zero). "
                "Hover a unit in the grid to see its own active region.");
    ImGui::SameLine();
    ImGui::Checkbox("log loss", &state.classifier.view.log_loss);
    ImGui::SameLine();
    ImGui::Checkbox("log ‖∂L/∂W‖", &state.classifier.view.log_grad);
}

}  // namespace

void draw_classifier_panel(AppState& state) {
    ClassifierSession& session = state.classifier_session;
    const double other_work_ms = session.close_previous_frame(state.last_build_ms, state.last_render_ms);
    session.sync(state.classifier, state.memory_budget);
    session.train_frame(state.classifier, other_work_ms);
    if (state.classifier.run.playing) state.animating = true;

    const float font = ImGui::GetFontSize();
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGui::BeginChild("controls", ImVec2(font * 17.5f, 0), true);
    draw_classifier_controls(state);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("results", ImVec2(0, 0), false, ImGuiWindowFlags_NoBackground);
    draw_classifier_toolbar(state);
    if (!session.trainer()) {
        ImGui::EndChild();
        return;
    }
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    // The decision plane as a square taking ~60% of the height; the dead-unit views beside it; the
    // charts below.
    const float top = std::floor(std::max(avail.y * 0.62f, font * 12));
    const float side = std::floor(std::min(top, avail.x * 0.52f));
    draw_boundary_plane(state, ImVec2(side, top));
    ImGui::SameLine();
    ImGui::BeginGroup();
    const float right = avail.x - side - style.ItemSpacing.x;
    draw_dead_layer_choice(state);
    const int layers = session.trainer()->mlp().hidden_count();
    const float grid_height = std::min(top * 0.45f, font * (1.6f + 1.6f * static_cast<float>(std::max(layers, 1))));
    const float plane = std::floor(std::min(right, top - grid_height - ImGui::GetFrameHeightWithSpacing() -
                                                       style.ItemSpacing.y));
    draw_dead_plane(state, ImVec2(plane, plane));
    draw_unit_grid(state, ImVec2(right, grid_height));
    ImGui::EndGroup();
    draw_classifier_charts(state, ImVec2(avail.x, std::max(ImGui::GetContentRegionAvail().y, font * 6)));
    ImGui::EndChild();
}

}  // namespace actviz::app
