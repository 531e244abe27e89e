#pragma once
// Everything the frame loop and the panels share. Each panel keeps its own settings struct here;
// widgets edit those settings directly, core computes from them, the frame draws the result.

#include <array>
#include <cstddef>
#include <string>

#include "app/activation_link.hpp"
#include "app/activations_panel_state.hpp"
#include "app/activations_settings.hpp"
#include "app/bakeoff_session.hpp"
#include "app/bakeoff_settings.hpp"
#include "app/classifier_session.hpp"
#include "app/classifier_settings.hpp"
#include "app/fonts.hpp"
#include "app/frame_stats.hpp"
#include "app/gradflow_runner.hpp"
#include "app/gradflow_settings.hpp"
#include "app/session_ui_state.hpp"
#include "core/memory_budget.hpp"

namespace actviz::app {

enum class Panel { Activations, Softmax, GradientFlow, Classifier, Bakeoff, Count };
inline constexpr int kPanelCount = static_cast<int>(Panel::Count);

struct AppState {
    std::array<bool, kPanelCount> panel_visible{true, true, true, true, true};
    bool panel_fills_window = false;  // this frame: one panel over the whole work area, drawn without a background
    int maximised_panel = 0;  // the panel shown alone over the work area (its page), or -1: all tiled

    ActivationsPanelState activations;
    SoftmaxSettings softmax;
    GradflowSettings gradflow;
    GradflowRunner gradflow_runner;
    ClassifierSettings classifier;
    ClassifierSession classifier_session;
    SessionUiState session;  // File menu: the session's file, recent files, dialogs
    std::size_t memory_budget = kDefaultMemoryBudget;  // bytes; heavier configurations are refused (--memory-budget)
    BakeoffSettings bakeoff;
    BakeoffSession bakeoff_session;
    ActivationLink activation_link;  // View > Link activations

    bool quit_requested = false;
    bool screenshot_requested = false;  // File > Screenshot or F12: saved after this frame renders
    int panel_screenshot_requested = -1;  // File > Screenshot of one panel: that panel's index
    std::array<std::array<float, 4>, kPanelCount> panel_rects{};  // x, y, width, height drawn last frame (0 width: hidden)
    bool show_about = false;
    bool show_shortcuts = false;

    std::string status_message;  // last notice for the user (screenshot saved, errors)
    double status_message_time = 0;

    FrameStats frame_stats;
    bool animating = false;  // set by a panel each frame it animates (training): the loop then never idles
    // Idle, the loop sleeps until input or this many seconds: a panel waiting for a worker's results
    // lowers it for the frame, so progress and results show promptly without drawing flat out.
    double wake_within_s = 1.0;
    // Frames start at most this often (0: no limit): a panel whose worker computes sets it for the
    // frame, so drawing on every mouse move does not starve the worker of the cores.
    double min_frame_interval_s = 0;
    double last_build_ms = 0, last_render_ms = 0;  // the previous frame: building the UI; rendering + swap
    double last_work_ms = 0;  // the previous frame's building and rendering without the wait in SwapBuffers
    std::string gl_description;
    UiFonts fonts;
};

// Shows `message` in the status bar (and the log) for a few seconds.
void notify(AppState& state, std::string message);

}  // namespace actviz::app
