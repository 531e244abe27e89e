#include "settings/panels.hpp"

#include <algorithm>

#include "settings/bakeoff_settings.hpp"
#include "settings/classifier_settings.hpp"
#include "settings/gradflow_settings.hpp"
#include "settings/softmax_settings.hpp"

namespace actviz::settings {

std::optional<PanelId> find_panel(std::string_view id) {
    for (const PanelName& name : kPanelNames) {
        if (name.id == id) return name.panel;
    }
    return std::nullopt;
}

std::string panel_id_list() {
    std::string text;
    for (const PanelName& name : kPanelNames) text += (text.empty() ? "" : ", ") + std::string(name.id);
    return text;
}

std::vector<std::string_view> preset_ids(PanelId panel) {
    std::vector<std::string_view> ids;
    if (panel == PanelId::Softmax) {
        for (const SoftmaxPreset& preset : softmax_presets()) ids.push_back(preset.id);
    } else if (panel == PanelId::Classifier) {
        for (const ClassifierPreset& preset : classifier_presets()) ids.push_back(preset.id);
    } else if (panel == PanelId::Gradflow) {
        for (const GradflowPreset& preset : gradflow_presets()) ids.push_back(preset.id);
    } else if (panel == PanelId::Bakeoff) {
        for (const BakeoffPreset& preset : bakeoff_presets()) ids.push_back(preset.id);
    }
    return ids;
}

bool has_preset(PanelId panel, std::string_view id) {
    const auto ids = preset_ids(panel);
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace actviz::settings
