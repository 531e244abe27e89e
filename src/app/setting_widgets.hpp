#pragma once
// The slider of a setting described once (settings/setting.hpp): its label, drag span, scale and
// format from the description; typed values held to the description's range.

#include <imgui.h>

#include "app/widgets.hpp"
#include "settings/setting.hpp"

namespace actviz::app {

template <typename Owner, typename T>
bool setting_slider(const settings::Setting<Owner, T>& setting, Owner& owner, const char* label = nullptr) {
    const int flags = setting.scale == settings::Scale::Log ? ImGuiSliderFlags_Logarithmic : 0;
    return range_slider(label ? label : setting.label, &setting.of(owner), setting.min, setting.max, setting.slider_min,
                        setting.slider_max, setting.format, flags);
}

template <typename Owner>
bool setting_checkbox(const settings::Switch<Owner>& setting, Owner& owner) {
    return ImGui::Checkbox(setting.label, &setting.of(owner));
}

}  // namespace actviz::app
