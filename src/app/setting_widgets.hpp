#pragma once
// The slider of a setting described once (settings/setting.hpp): its label, drag span, scale and
// format from the description; typed values held to the description's range.

#include <imgui.h>

#include <cstddef>

#include "app/widgets.hpp"
#include "settings/setting.hpp"

namespace actviz::app {

template <typename Owner, typename T>
bool setting_slider(const settings::Setting<Owner, T>& setting, Owner& owner, const char* label = nullptr) {
    const int flags = setting.scale == settings::Scale::Log ? ImGuiSliderFlags_Logarithmic : 0;
    return range_slider(label ? label : setting.label, &setting.of(owner), setting.min, setting.max, setting.slider_min,
                        setting.slider_max, setting.format, flags);
}

// Element `index` of a described list as a vertical bar: dragged over the description's drag span;
// a typed value beyond it stays (shown at the bar's end) until the bar is dragged.
template <typename Owner>
bool setting_list_vslider(const settings::ListSetting<Owner, double>& setting, Owner& owner, std::size_t index,
                          ImVec2 size, const char* format) {
    return span_vslider("##bar", size.x, size.y, &setting.of(owner)[index], setting.slider_min, setting.slider_max,
                        format);
}

// Element `index` of a described list typed into a text box, held to the description's range.
template <typename Owner>
bool setting_list_input(const settings::ListSetting<Owner, double>& setting, Owner& owner, std::size_t index) {
    return checked_input("##typed", &setting.of(owner)[index], setting.min, setting.max, setting.format);
}

template <typename Owner>
bool setting_checkbox(const settings::Switch<Owner>& setting, Owner& owner) {
    return ImGui::Checkbox(setting.label, &setting.of(owner));
}

}  // namespace actviz::app
