#include "app/guide_window.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "app/panel_registry.hpp"
#include "app/widgets.hpp"
#include "core/double_softmax.hpp"

namespace actviz::app {
namespace {

// The pitfall's numbers for one example: a network that is confidently wrong (class 2 over class 0).
void draw_double_softmax_example() {
    const Eigen::VectorXd z = (Eigen::VectorXd(3) << -2.0, 0.0, 4.0).finished();
    const CrossEntropyGradients g = cross_entropy_gradients(z, 0);
    ImGui::TextDisabled("logits z = (−2, 0, 4), true class 0:");
    if (ImGui::BeginTable("##double", 5, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoHostExtendX)) {
        for (const char* header : {"", "loss", "∂L/∂z₀", "∂L/∂z₁", "∂L/∂z₂"}) ImGui::TableSetupColumn(header);
        ImGui::TableHeadersRow();
        const auto row = [](const char* name, double loss, const Eigen::VectorXd& gradient) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(name);
            ImGui::TableNextColumn();
            ImGui::Text("%.4f", loss);
            for (int j = 0; j < 3; ++j) {
                ImGui::TableNextColumn();
                ImGui::Text("%+.4f", gradient(j));
            }
        };
        row("one softmax (in the loss)", g.loss, g.gradient);
        row("two (network + loss)", g.doubled_loss, g.doubled_gradient);
        ImGui::EndTable();
    }
    ImGui::TextWrapped("The doubled gradient is %.0f× smaller here, and however right the network becomes the doubled "
                       "loss cannot fall below log(1 + 2/e) ≈ 0.551.",
                       g.gradient.norm() / g.doubled_gradient.norm());
}

}  // namespace

void open_guide_link(AppState& state, const settings::GuideLink& link) {
    const auto index = static_cast<std::size_t>(panel_index(link.panel));
    show_page(state, static_cast<int>(index));
    if (!link.preset.empty() && kPanelRegistry[index].apply_preset) kPanelRegistry[index].apply_preset(state, link.preset);
}

void draw_guide_window(AppState& state) {
    if (!state.show_guide) return;
    next_window_centred(40, 36);
    if (ImGui::Begin("Choosing an activation", &state.show_guide, ImGuiWindowFlags_NoCollapse)) {
        ImGui::TextWrapped("The textbook's decision guide. Each button opens the panel and preset that show why.");
        for (const settings::GuideSection& section : settings::activation_guide()) {
            ImGui::Spacing();
            ImGui::TextDisabled("%s", std::string(section.title).c_str());
            ImGui::Separator();
            for (const settings::GuideEntry& entry : section.entries) {
                ImGui::PushID(entry.situation.data());
                ImGui::TextColored(ImVec4(0.95f, 0.8f, 0.45f, 1), "%s", std::string(entry.situation).c_str());
                ImGui::Indent();
                ImGui::TextWrapped("%s", std::string(entry.advice).c_str());
                for (std::size_t i = 0; i < entry.links.size(); ++i) {
                    const settings::GuideLink& link = entry.links[i];
                    // Side by side while they fit the window's width, else on the next line.
                    const std::string label = "▸ " + std::string(link.label);
                    const float button = ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
                    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
                    if (i > 0 && ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + button <= right) ImGui::SameLine();
                    ImGui::PushID(static_cast<int>(i));
                    if (ImGui::SmallButton(label.c_str())) open_guide_link(state, link);
                    ImGui::PopID();
                }
                if (entry.situation == std::string_view("A softmax before a loss that applies its own")) draw_double_softmax_example();
                ImGui::Unindent();
                ImGui::PopID();
            }
        }
    }
    ImGui::End();
}

}  // namespace actviz::app
