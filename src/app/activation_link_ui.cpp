#include "app/activation_link_ui.hpp"

#include <imgui.h>

#include "app/widgets.hpp"

namespace actviz::app {
namespace {

constexpr const char* kExplanation =
    "Link activations: one activation (with its parameters) drives the Activations panel (the function "
    "checked last), Gradient flow (curve 1) and the Classifier (its hidden layers). Change it in any of "
    "them and the other two follow. Also under View.";

}  // namespace

void draw_link_checkbox(LinkContext& link, const LinkedChoice& here, const char* label) {
    bool on = link.link.on;
    if (on) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_CheckMark));
    const bool clicked = ImGui::Checkbox(label, &on);
    if (link.link.on) ImGui::PopStyleColor();
    item_tooltip(kExplanation);
    if (clicked) set_linked(link.link, on, here, link.panels);
}

void draw_link_menu_item(AppState& state) {
    bool on = state.activation_link.on;
    if (ImGui::MenuItem("Link activations", nullptr, &on)) {
        set_linked(state.activation_link, on, classifier_choice(state.classifier.settings.hyper), linked_panels(state));
    }
    item_tooltip(kExplanation);
}

}  // namespace actviz::app
