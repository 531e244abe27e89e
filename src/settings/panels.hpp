#pragma once
// The panels: their stable ids (--panel, the session's "page" and "panel_visible" keys), their
// titles, and which of them have presets (--preset). The app's registry (app/panel_registry.hpp)
// adds what each panel draws and saves, row for row in this order; the command line and the
// session reader use this table alone.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace actviz::settings {

enum class PanelId { Activations, Softmax, Gradflow, Classifier, Bakeoff };
inline constexpr int kPanelCount = 5;

struct PanelName {
    PanelId panel;
    std::string_view id;     // "gradflow"
    std::string_view title;  // "Gradient flow"
};

// In the app's layout order.
inline constexpr std::array<PanelName, kPanelCount> kPanelNames{{
    {PanelId::Activations, "activations", "Activations"},
    {PanelId::Softmax, "softmax", "Softmax"},
    {PanelId::Gradflow, "gradflow", "Gradient flow"},
    {PanelId::Classifier, "classifier", "Classifier"},
    {PanelId::Bakeoff, "bakeoff", "Bake-off"},
}};

constexpr int panel_index(PanelId panel) { return static_cast<int>(panel); }
constexpr const PanelName& panel_name(PanelId panel) { return kPanelNames[static_cast<std::size_t>(panel)]; }
// Rows in enum order: a panel added to the enum without its row fails here.
constexpr bool panel_names_in_order() {
    for (int i = 0; i < kPanelCount; ++i) {
        if (static_cast<int>(kPanelNames[static_cast<std::size_t>(i)].panel) != i || kPanelNames[static_cast<std::size_t>(i)].id.empty()) return false;
    }
    return true;
}
static_assert(panel_names_in_order(), "one row per PanelId, in enum order");

std::optional<PanelId> find_panel(std::string_view id);
std::string panel_id_list();  // "activations, softmax, gradflow, classifier, bakeoff"

// The ids of a panel's presets for --preset (empty: the panel has none), and whether `id` is one.
std::vector<std::string_view> preset_ids(PanelId panel);
bool has_preset(PanelId panel, std::string_view id);

}  // namespace actviz::settings
