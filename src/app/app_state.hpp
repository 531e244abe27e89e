#pragma once
// Everything the frame loop owns: one struct per panel (its settings and live state, in the
// panel's folder), the activation link, the layout, the File menu's session state and the shell's
// own bits. Panels see only their own struct and a PanelContext (panel_context.hpp).

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/activations/activations_panel.hpp"
#include "app/bakeoff/bakeoff_panel.hpp"
#include "app/chart_export_state.hpp"
#include "app/classifier/classifier_panel.hpp"
#include "app/gradflow/gradflow_panel.hpp"
#include "app/hinge_window.hpp"
#include "app/key_latch.hpp"
#include "app/panel_context.hpp"
#include "app/data_ui_state.hpp"
#include "app/file_chooser_state.hpp"
#include "app/file_job.hpp"
#include "app/formula_window.hpp"
#include "app/session_ui_state.hpp"
#include "app/softmax/softmax_panel.hpp"
#include "app/write_queue.hpp"
#include "app/zoom.hpp"
#include "core/memory_budget.hpp"
#include "core/points_csv.hpp"
#include "session/session.hpp"
#include "session/session_json.hpp"
#include "settings/panels.hpp"

namespace actviz::app {

// What a save off the UI thread gives back: why it failed, or how much of the history it kept,
// and the fingerprint of the state it wrote (captured when the save began).
struct SavedSession {
    std::optional<std::string> error;
    int kept_every = 1;
    std::uint64_t fingerprint = 0;
};

// What an export off the UI thread gives back: why it failed, or nullopt; and what to say beside it.
struct ExportedPoints {
    std::optional<std::string> error;
    std::string note;
};

struct AppState {
    // Screenshots and exports being made and written beside the frame. First, so it is destroyed
    // last: the panels' workers stop before it drains (the shell finishes it before that anyway).
    WriteQueue writes;
    ActivationsPanel activations;
    SoftmaxPanel softmax;
    GradflowPanel gradflow;
    ClassifierPanel classifier;
    BakeoffPanel bakeoff;
    ActivationLink activation_link;  // View > Link activations

    // Layout, by panel index (settings::kPanelNames order).
    std::array<bool, kPanelCount> panel_visible = [] {
        std::array<bool, kPanelCount> all{};
        all.fill(true);
        return all;
    }();
    bool panel_fills_window = false;  // this frame: one panel over the whole work area, drawn without a background
    int maximised_panel = 0;  // the panel shown alone over the work area (its page), or -1: all tiled
    std::array<std::array<float, 4>, kPanelCount> panel_rects{};  // x, y, width, height drawn last frame (0 width: hidden)

    // Where the window is (the frame loop keeps it current; its size and place before it was
    // maximised, when it is): kept in last.json on quit. At start, what the last session restored.
    std::optional<session::WindowGeometry> window;

    SessionUiState session;  // File menu: the session's file, recent files, dialogs
    FileJob<session::ParseResult> opening;  // File > Open under way, off the UI thread
    FileJob<SavedSession> saving;           // File > Save under way, off the UI thread
    DataUiState data;                       // File > Import data / Export data: the path box, the rescale option
    FileJob<PointsCsvResult> importing;     // an import (menu or drop) under way, off the UI thread
    FileJob<ExportedPoints> exporting;      // an export under way
    std::vector<std::string> dropped_paths;  // files dropped on the window since the last frame
    std::size_t memory_budget = kDefaultMemoryBudget;  // bytes; heavier configurations are refused (--memory-budget)

    bool quit_requested = false;
    FileChooserState chooser;  // where every "which file?" is asked (file_chooser.hpp)

    bool screenshot_requested = false;  // F12: saved after this frame renders, named by the time
    // File > Screenshot… and Screenshot of one panel, once a file was chosen: taken after the next
    // frame renders (the chooser is gone from it by then).
    struct ScreenshotRequest {
        std::string path;
        int panel = -1;  // a panel's index, or −1: the whole window
    };
    std::optional<ScreenshotRequest> screenshot_to;
    ChartExportState chart_export;  // a chart's PNG under way (chart_export.hpp)
    bool show_about = false;
    bool show_shortcuts = false;
    bool show_guide = false;  // Help > Choosing an activation
    HingeLesson hinges;       // Help > ReLU networks are piecewise linear
    FormulaEditor formula_editor;  // Activations > Type a formula…

    StatusLine status;
    FrameTimes times;
    FrameRequests requests;  // this frame's, from the panels
    std::string gl_description;
    UiFonts fonts;
    KeyLatch key_latch;  // quick key taps between two frames, held down for one (key_latch.hpp)
    UiScale ui_scale;  // the display's content scale × View > Zoom: what fonts and spacing are built for
};

// Shows `message` in the status bar (and the log) for a few seconds.
void notify(AppState& state, std::string message);

// The context the panels draw with this frame.
PanelContext panel_context(AppState& state);
LinkedPanels linked_panels(AppState& state);

// Shows panel `index` alone (its page), or all tiled for −1.
void show_page(AppState& state, int index);
// Whether panel `index` is drawn: visible, and either every panel is tiled or it is the page shown.
bool panel_on_screen(const AppState& state, int index);

}  // namespace actviz::app
