#pragma once
// Looking presets up by id, for any panel's preset list (a vector of structs with an `id`).

#include <string>
#include <string_view>
#include <vector>

namespace actviz::settings {

template <typename Preset>
const Preset* find_preset(const std::vector<Preset>& presets, std::string_view id) {
    for (const Preset& preset : presets) {
        if (preset.id == id) return &preset;
    }
    return nullptr;
}

// "xor-hidden-layer, spiral-tanh, ..." for messages.
template <typename Preset>
std::string preset_id_list(const std::vector<Preset>& presets) {
    std::string ids;
    for (const Preset& preset : presets) ids += (ids.empty() ? "" : ", ") + std::string(preset.id);
    return ids;
}

}  // namespace actviz::settings
