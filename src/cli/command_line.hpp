#pragma once
// The shape of actviz's command line:
//   actviz [--frames N] [--screenshot PATH] [--size WxH]   the visualiser
//   actviz --help | --version
//   actviz <subcommand> [flags]                              headless tools on the same core

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace actviz::cli {

// Options of the visualiser, with their defaults.
struct GuiOptions {
    int frames = 0;               // render this many frames, then exit 0; 0 = run until the user quits
    std::string screenshot_path;  // after the last frame, write a PNG of the whole window here
    int width = 1600;             // initial window size in screen coordinates
    int height = 960;
    std::string panel;            // a panel id to show maximised at start (see kPanelIds); empty = all
    std::string preset;           // a preset of that panel to apply at start (and play); empty = none
    std::string session_path;     // a session file to open at start; empty = the last session (unless fresh)
    bool fresh = false;           // start from the defaults: do not restore the last session
    std::string stats_log;          // --stats-log FILE: frames, worst frame and memory once a second
    std::string save_session_path;  // with --frames: after the last frame, save the session here
    std::size_t memory_budget = std::size_t{2} << 30;  // bytes a computation may allocate (--memory-budget)
};

// The panels' ids for --panel, in the app's panel order.
inline constexpr std::string_view kPanelIds[] = {"activations", "softmax", "gradflow", "classifier", "bakeoff"};

enum class Action { RunGui, ShowHelp, ShowVersion, RunSubcommand };

struct CommandLine {
    Action action = Action::RunGui;
    GuiOptions gui;
    std::string subcommand;                // when action == RunSubcommand
    std::vector<std::string> arguments;    // the subcommand's own arguments
};

// Throws UsageError for an unknown flag, a missing or bad value, or an unknown subcommand.
CommandLine parse_command_line(std::span<const std::string> args);

std::string gui_help_text();
std::string version_text();

}  // namespace actviz::cli
