// The Classifier panel: a small MLP trained on 2D data while you watch. Controls on the left; on the
// right the toolbar, the decision plane (large), the dead-unit plane and the unit grid, and the
// history charts along the bottom. The parts live in classifier_{controls,views,charts}.cpp; the
// trainer and the pictures in ClassifierLive.

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "app/classifier/classifier_unit_curves.hpp"
#include "app/sidebar.hpp"
#include "app/classifier/classifier_views.hpp"
#include "app/classifier/classifier_panel.hpp"
#include "app/widgets.hpp"
#include "core/linear_collapse.hpp"

namespace actviz::app {
namespace {

// What the place beside the plane shows, in one combo (the row must fit at 1024 px): the plane shaded
// by inactive units, or the units on their curves (z histograms behind f and f′), each for every
// layer or one; or the network as a network (which takes the unit grid's place too).
void draw_dead_layer_choice(ClassifierPanel& panel) {
    const Trainer* trainer = panel.live.trainer();
    const int layers = trainer ? trainer->mlp().hidden_count() : 0;
    ClassifierView& view = panel.settings.view;
    int& layer = view.dead_layer;
    if (layer >= layers) layer = -1;
    const auto name = [](bool curves, int h) {
        char text[48];
        if (h < 0)
            std::snprintf(text, sizeof text, "%s all layers", curves ? "z on f:" : "plane:");
        else
            std::snprintf(text, sizeof text, "%s layer %d", curves ? "z on f:" : "plane:", h + 1);
        return std::string(text);
    };
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.5f);
    const std::string shown = view.network ? std::string("network") : name(view.unit_curves, layer);
    if (ImGui::BeginCombo("shown##deadview", shown.c_str())) {
        for (bool curves : {false, true}) {
            for (int h = -1; h < layers; ++h) {
                if (ImGui::Selectable(name(curves, h).c_str(), !view.network && view.unit_curves == curves && layer == h)) {
                    view.unit_curves = curves;
                    view.network = false;
                    layer = h;
                }
            }
            ImGui::Separator();
        }
        if (ImGui::Selectable("network", view.network)) view.network = true;
        ImGui::EndCombo();
    }
    help_marker("plane: the plane below counts, at each point, the hidden units inactive there: f′ = 0 (ReLU "
                "and others with a hard zero), z < 0 (leaky ReLU, PReLU: their negative side, where a ReLU would be "
                "dead) or |f′| below 1% of its maximum (saturated: tanh, sigmoid, GELU, …). Hover a unit in the grid "
                "to see its own active region.\n\n"
                "z on f: the units on their curves — the layer's pre-activations z at every training point as a "
                "histogram behind its activation f and f′ (dashed), with the dead (f′ = 0) and saturated zones "
                "shaded and the share of the mass in each printed; one large chart for a layer, one small chart "
                "each for all layers. Hover a unit in the grid to see its own z.\n\n"
                "network: the network as a network — every node's output over the plane, links by weight; hover a "
                "node to light its active region on the plane, click a link to set its weight (Ctrl+Z undoes).");
    const auto checkbox_width = [](const char* label) {
        return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label).x;
    };
    same_line_if_fits(checkbox_width("log loss"));
    ImGui::Checkbox("log loss", &panel.settings.view.log_loss);
    same_line_if_fits(checkbox_width("log ‖∂L/∂W‖"));
    ImGui::Checkbox("log ‖∂L/∂W‖", &panel.settings.view.log_grad);
}

// What is wrong with the network now, in one line over the unit grid (core/training_verdict.hpp):
// a starving or stalled network is never called healthy because its units are alive.
void draw_network_verdict(const ClassifierPanel& panel, ImVec2 size) {
    const Trainer& trainer = *panel.live.trainer();
    const NetworkVerdict verdict =
        judge_network(trainer.history().back(), trainer.history().front(),
                      chance_loss(trainer.data().train, trainer.data().classes), inactivity_word(trainer));
    const std::string text = "network: " + verdict.text;
    // Wrapped to `size` when it has room for two lines, else one line ending in "…"; what does not
    // fit is clipped and the tooltip has it whole.
    ImGui::BeginChild("##verdict", size, false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground);
    ImGui::PushStyleColor(ImGuiCol_Text, severity_colour(verdict.severity));
    if (size.y >= 2 * ImGui::GetTextLineHeight()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(text.c_str());
        ImGui::PopTextWrapPos();
    } else {
        fitted_text(text);
    }
    ImGui::PopStyleColor();
    ImGui::EndChild();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text.c_str());
}

}  // namespace

void draw_classifier_panel(ClassifierPanel& panel, PanelContext& context) {
    ClassifierLive& session = panel.live;
    const double other_work_ms = session.close_previous_frame(context.times.last_build_ms, context.times.last_render_ms);
    session.sync(panel.settings, context.memory_budget, ImGui::IsAnyItemActive(), ClassifierLive::DearRebuild::BesideTheFrame);
    session.train_frame(panel.settings, other_work_ms);
    session.settle(panel.settings.run.frame_budget_ms);  // paused: last frame's edits recorded before any readout is drawn
    if (session.rebuilding()) {
        // Nothing moves while the new network is made: frames often enough to take it in soon,
        // not in a stream that would take the cores from its worker.
        context.requests.wake_within_s = std::min(context.requests.wake_within_s, 0.05);
    } else if (panel.settings.run.playing || session.work_outstanding()) {
        // A record or planes on their way beside the frame (paused, dear) are taken in by a later frame: keep drawing.
        context.requests.animating = true;
    }

    const float font = ImGui::GetFontSize();
    const ImGuiStyle& style = ImGui::GetStyle();
    if (begin_sidebar("controls", panel.sidebar, 17.5f)) {
        draw_classifier_controls(panel, context);
        end_sidebar(panel.sidebar);
    }
    ImGui::BeginChild("results", ImVec2(0, 0), false, ImGuiWindowFlags_NoBackground);
    draw_classifier_toolbar(panel, context.fonts);
    if (!session.trainer()) {
        ImGui::EndChild();
        return;
    }
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    // The decision plane as a square taking ~60% of the height; the dead-unit views beside it; the
    // charts below.
    const float top = std::floor(std::max(avail.y * 0.62f, font * 12));
    const float side = std::floor(std::min(top, avail.x * 0.52f));
    draw_boundary_plane(panel, ImVec2(side, top));
    ImGui::SameLine();
    ImGui::BeginGroup();
    const float right = avail.x - side - style.ItemSpacing.x;
    draw_dead_layer_choice(panel);
    const int layers = session.trainer()->mlp().hidden_count();
    // Two lines when the window is tall enough, one (clipped, whole in its tooltip) when it is not.
    const float verdict_height = ImGui::GetTextLineHeight() * (top > font * 22 ? 2 : 1) + style.ItemSpacing.y;
    const float grid_height = std::min(top * 0.45f, font * (1.6f + 1.6f * static_cast<float>(std::max(layers, 1))));
    const float plane = std::floor(std::min(right, top - grid_height - ImGui::GetFrameHeightWithSpacing() -
                                                       verdict_height - style.ItemSpacing.y));
    if (panel.settings.view.network) {
        // The diagram shows every unit with its state: it takes the unit grid's place as well.
        const float diagram = std::floor(top - ImGui::GetFrameHeightWithSpacing() - verdict_height - style.ItemSpacing.y);
        draw_network_diagram(panel, ImVec2(right, diagram));
        draw_network_verdict(panel, ImVec2(right, verdict_height));
        ImGui::EndGroup();
        draw_classifier_charts(panel, ImVec2(avail.x, std::max(ImGui::GetContentRegionAvail().y, font * 6)));
        ImGui::EndChild();
        return;
    }
    // Identity layers cannot die or saturate: their place shows the one layer they collapse to.
    if (layers > 0 && all_hidden_layers_linear(session.trainer()->mlp())) {
        draw_collapsed_map(*session.trainer(), panel.linear_twin, ImVec2(right, plane));
    } else {
        panel.linear_twin.clear();  // its copy of the data is not kept for nothing
        if (panel.settings.view.unit_curves)
            draw_unit_curves(panel, ImVec2(right, plane));
        else
            draw_dead_plane(panel, ImVec2(plane, plane));
    }
    draw_network_verdict(panel, ImVec2(right, verdict_height));
    draw_unit_grid(panel, ImVec2(right, grid_height));
    ImGui::EndGroup();
    draw_classifier_charts(panel, ImVec2(avail.x, std::max(ImGui::GetContentRegionAvail().y, font * 6)));
    ImGui::EndChild();
}

void handle_classifier_keys(ClassifierPanel& panel) {
    // ImGui 1.86's GLFW backend keeps key state under GLFW's key codes.
    if (ImGui::IsKeyPressed(GLFW_KEY_SPACE, false)) panel.settings.run.playing = !panel.settings.run.playing;
    if (ImGui::IsKeyPressed(GLFW_KEY_S, false)) panel.live.single_step();
    if (ImGui::IsKeyPressed(GLFW_KEY_R, false)) {
        panel.live.reset(ClassifierLive::DearRebuild::BesideTheFrame, panel.settings.run.frame_budget_ms);
    }
}

void handle_classifier_undo(ClassifierPanel& panel) {
    if (ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_Z, false)) panel.live.undo_weight_edit();
}

}  // namespace actviz::app
