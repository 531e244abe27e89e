#pragma once
// A session: everything needed to put the screen back as it was — every panel's settings, the page
// shown, and the classifier's live state (its points, including hand-added and erased ones, its
// weights, optimiser moments, batch order and training history).
//
// This library turns a Session into JSON text and back (session_json.hpp), checks every value
// against the ranges the UI allows, and saves files atomically (session_file.hpp). It sees the
// settings and the core (plus nlohmann-json): no ImGui, no GL, so the CLI and the fuzzers use it too.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "settings/activations_settings.hpp"
#include "settings/softmax_settings.hpp"
#include "settings/bakeoff_settings.hpp"
#include "settings/classifier_settings.hpp"
#include "settings/gradflow_settings.hpp"
#include "core/custom_activation.hpp"
#include "core/dataset.hpp"
#include "core/trainer.hpp"

namespace actviz::session {

// The schema version written by this build. Files of older versions are upgraded one step at a
// time on load (session_upgrade.hpp); newer ones are refused.
inline constexpr int kSessionVersion = 3;  // 2: the Bake-off panel is saved too; 3: typed activations
// Larger files are refused before they are read: a session of the largest network and dataset the
// UI allows is a few MB, so anything this big is not ours.
inline constexpr std::size_t kMaxSessionBytes = std::size_t{64} << 20;
// Typed activations one session may define (each is compiled when the file is opened).
inline constexpr std::size_t kMaxSessionCustomActivations = 32;

// The classifier's state beyond its settings.
struct ClassifierState {
    Dataset data;  // as trained on, after any hand editing
    TrainerState trainer;
};

// Where the window was and how large, in screen coordinates: kept in the last session only
// (last.json, on quit), restored at the next start; a session saved with File > Save has none, so a
// lesson file opens the same way on every screen.
struct WindowGeometry {
    int x = 0, y = 0;           // the top-left corner of the window's content area
    int width = 0, height = 0;  // its size when not maximised
    bool maximised = false;
};
inline constexpr int kMaxWindowCoordinate = 100000;  // beyond any desktop: a larger value is not ours
inline constexpr int kMinWindowSize = 64, kMaxWindowSize = 16384;

struct Session {
    // The activations the user typed as formulas (core/custom_activation.hpp), defined before the
    // panels' settings are read, so the panels name them like built-ins.
    std::vector<CustomActivationSpec> custom_activations;
    // Not saved: what reading them defined, provisionally (core/custom_activation.hpp); whoever adopts
    // the session publishes them, so a session that is not adopted changes no list.
    std::vector<const Activation*> defined_activations;
    std::string page = "activations";          // the panel id shown alone (settings::kPanelNames), or "all": tiled
    std::map<std::string, bool> panel_visible;  // by panel id; absent = visible
    bool link_activations = false;  // one activation drives the Activations, Gradient flow and Classifier panels
    settings::ActivationsSettings activations;
    settings::SoftmaxSettings softmax;
    settings::GradflowSettings gradflow;
    settings::ClassifierSettings classifier;
    settings::BakeoffSettings bakeoff;
    std::optional<ClassifierState> classifier_state;  // absent: the classifier starts from its settings
    std::optional<WindowGeometry> window;  // "window": in last.json only (an optional key: schema unchanged)
};

}  // namespace actviz::session
