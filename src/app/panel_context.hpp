#pragma once
// What a panel's draw function may use besides its own state: the memory budget, the fonts, the
// last frame's timing, the status line, the activation link, and requests back to the frame loop.
// A panel never sees another panel's state (the link is the one shared choice; opening a bake-off
// contestant in the Classifier is a request the shell carries out).

#include <cstddef>
#include <deque>
#include <string>

#include "app/fonts.hpp"
#include "app/frame_stats.hpp"
#include "app/vocabulary.hpp"
#include "core/trainer.hpp"
#include "settings/activation_link.hpp"

namespace actviz::app {

// What a panel asks of the frame loop for this frame (reset before each frame).
struct FrameRequests {
    bool animating = false;  // a panel animates (training): the loop then never idles
    // Idle, the loop sleeps until input or this many seconds: a panel waiting for a worker's results
    // lowers it, so progress and results show promptly without drawing flat out.
    double wake_within_s = 1.0;
    // Frames start at most this often (0: no limit): a panel whose worker computes sets it, so
    // drawing on every mouse move does not starve the worker of the cores.
    double min_frame_interval_s = 0;
    int open_contestant_in_classifier = -1;  // Bake-off: this activation's seed-0 contestant, or −1
    // Open the formula editor: −1 for a new activation, a custom activation's catalogue index to
    // change it, −2 (the default) not at all.
    int edit_formula = -2;
};

// The previous frame's timing.
struct FrameTimes {
    FrameStats stats;
    double last_build_ms = 0, last_render_ms = 0;  // building the UI; rendering + swap
    double last_work_ms = 0;  // building and rendering without the wait in SwapBuffers
    bool idle = false;        // last frame nothing animated: the loop waits for input (fps means nothing then)
};

// The status bar's message (screenshot saved, errors).
struct StatusLine {
    std::string message;
    double time = 0;  // ImGui::GetTime() when it was set
    // The last messages, oldest first (the status bar's tooltip): one replaced within the same frame
    // (an SVG saved as a 2× PNG's rasterising ends) is still there to read.
    static constexpr std::size_t kRecent = 8;
    std::deque<std::string> recent;
};
// Shows `message` in the status bar (and the log) for a few seconds.
void notify(StatusLine& status, std::string message);

// The activation link and the three panels' settings it reads and writes.
struct LinkContext {
    ActivationLink& link;
    LinkedPanels panels;
};

struct PanelContext {
    std::size_t memory_budget;  // bytes; heavier configurations are refused
    const UiFonts& fonts;
    const FrameTimes& times;
    FrameRequests& requests;
    StatusLine& status;
    LinkContext link;
    // The Classifier's network, read-only, for the Activations page's overlay "where the Classifier's
    // layer k sits" (issue 14 item 4): the one look a panel has at another's live state, and it only
    // reads what that trainer has already counted. Null when the Classifier has no network (its
    // settings are refused; with the overlay on, the app builds it before the page is first opened).
    const Trainer* classifier_trainer = nullptr;
};

}  // namespace actviz::app
