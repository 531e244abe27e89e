#pragma once
// The panel registry: one row per panel, in settings::kPanelNames order. The frame draws from it,
// the View menu, the page keys (Ctrl+1…), --preset and the session's capture and apply all iterate
// it. Adding a panel: its folder, its settings (settings/), its session section (session/), and one
// row here. A missing row or hook fails to compile (the static_assert below).

#include <array>
#include <string_view>

#include "app/app_state.hpp"
#include "session/session_json.hpp"

namespace actviz::app {

struct PanelEntry {
    PanelId panel;
    void (*draw)(AppState&, PanelContext&);
    // Keys of the panel while it is on screen and nothing else has the keyboard (nullptr: none).
    void (*handle_keys)(AppState&);
    // Applies the preset `id` (one of settings::preset_ids(panel)) and starts it (nullptr: no presets).
    void (*apply_preset)(AppState&, std::string_view id);
    // Screen → session and session → screen: the panel's part of a session file.
    void (*capture)(const AppState&, session::Session&);
    void (*apply)(AppState&, session::LoadedSession&);
};

extern const std::array<PanelEntry, kPanelCount> kPanelRegistry;

constexpr const char* panel_title(int index) { return kPanelNames[static_cast<std::size_t>(index)].title.data(); }

}  // namespace actviz::app
