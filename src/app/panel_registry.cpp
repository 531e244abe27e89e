#include "app/panel_registry.hpp"

#include "session/session_state.hpp"

namespace actviz::app {
namespace {

template <typename Preset, typename Settings>
void apply_named_preset(const Preset* preset, Settings& settings) {
    if (preset) preset->apply(settings);
}

constexpr std::array<PanelEntry, kPanelCount> kRows{{
    {PanelId::Activations,
     [](AppState& s, PanelContext& c) { draw_activations_panel(s.activations, c); },
     nullptr,
     nullptr,
     [](const AppState& s, session::Session& out) { out.activations = s.activations.settings; },
     [](AppState& s, session::LoadedSession& in) {
         s.activations.settings = std::move(in.session.activations);
         s.activations.live.parameter_error.clear();
     }},
    {PanelId::Softmax,
     [](AppState& s, PanelContext& c) { draw_softmax_panel(s.softmax, c); },
     nullptr,
     [](AppState& s, std::string_view id) { apply_named_preset(find_softmax_preset(id), s.softmax.settings); },
     [](const AppState& s, session::Session& out) { out.softmax = s.softmax.settings; },
     [](AppState& s, session::LoadedSession& in) { s.softmax.settings = std::move(in.session.softmax); }},
    {PanelId::Gradflow,
     [](AppState& s, PanelContext& c) { draw_gradflow_panel(s.gradflow, c); },
     nullptr,
     [](AppState& s, std::string_view id) { apply_named_preset(find_gradflow_preset(id), s.gradflow.settings); },
     [](const AppState& s, session::Session& out) { out.gradflow = s.gradflow.settings; },
     [](AppState& s, session::LoadedSession& in) { s.gradflow.settings = std::move(in.session.gradflow); }},
    {PanelId::Classifier,
     [](AppState& s, PanelContext& c) { draw_classifier_panel(s.classifier, c); },
     [](AppState& s) { handle_classifier_keys(s.classifier); },
     [](AppState& s, std::string_view id) { apply_named_preset(find_classifier_preset(id), s.classifier.settings); },
     [](const AppState& s, session::Session& out) {
         out.classifier = s.classifier.settings;
         // A trainer left over from settings changed since would not fit them (nor load).
         if (const Trainer* trainer = s.classifier.live.trainer_built_for(s.classifier.settings)) out.classifier_state = session::capture_state(*trainer);
     },
     [](AppState& s, session::LoadedSession& in) {
         s.classifier.settings = std::move(in.session.classifier);
         s.classifier.live.adopt(s.classifier.settings, std::move(in.trainer));
     }},
    {PanelId::Bakeoff,
     [](AppState& s, PanelContext& c) { draw_bakeoff_panel(s.bakeoff, c); },
     nullptr,
     [](AppState& s, std::string_view id) { apply_named_preset(find_bakeoff_preset(id), s.bakeoff.settings); },
     [](const AppState& s, session::Session& out) { out.bakeoff = s.bakeoff.settings; },
     [](AppState& s, session::LoadedSession& in) { s.bakeoff.settings = std::move(in.session.bakeoff); }},
}};

// Every panel has its row, in kPanelNames order, with the hooks every panel must have; a panel
// with presets (settings::preset_ids) has the hook that applies them — checked where the table is
// used, since preset_ids is not constexpr.
constexpr bool rows_complete() {
    for (int i = 0; i < kPanelCount; ++i) {
        const PanelEntry& row = kRows[static_cast<std::size_t>(i)];
        if (static_cast<int>(row.panel) != i || !row.draw || !row.capture || !row.apply) return false;
    }
    return true;
}
static_assert(rows_complete(), "one registry row per panel, in settings::kPanelNames order, with draw, capture and apply");

}  // namespace

const std::array<PanelEntry, kPanelCount> kPanelRegistry = kRows;

}  // namespace actviz::app
