#pragma once
// How the window starts: what the command line sets before the app runs (the launcher parses
// argv into this, the app reads it).

#include <cstddef>
#include <string>

namespace actviz::settings {

struct LaunchOptions {
    int frames = 0;               // render this many frames, then exit 0; 0 = run until the user quits
    std::string screenshot_path;  // after the last frame, write a PNG of the whole window here
    int width = 1600;             // initial window size in screen coordinates
    int height = 960;
    bool size_given = false;      // --size: wins over the size remembered with the last session
    std::string panel;            // a panel id to show maximised at start (kPanelNames); empty = all
    std::string preset;           // a preset of that panel to apply at start (and play); empty = none
    std::string session_path;     // a session file to open at start; empty = the last session (unless fresh)
    std::string data_path;        // a CSV of points to import at start (after the session and the preset)
    bool fresh = false;           // start from the defaults: do not restore the last session
    std::string stats_log;          // --stats-log FILE: frames, worst frame and memory once a second
    std::string save_session_path;  // with --frames: after the last frame, save the session here
    std::size_t memory_budget = std::size_t{2} << 30;  // bytes a computation may allocate (--memory-budget)
    int zoom = 100;           // --zoom: percent on fonts and spacing (View > Zoom), 75-200
    bool zoom_given = false;  // --zoom given: it wins over the zoom remembered from the last run
};

}  // namespace actviz::settings
