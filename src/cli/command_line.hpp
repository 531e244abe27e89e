#pragma once
// The shape of actviz's command line:
//   actviz [--frames N] [--screenshot PATH] [--size WxH] [SESSION]   the visualiser (SESSION: a file
//                                                            path, as the desktop entry passes it)
//   actviz --help | --version
//   actviz <subcommand> [flags]                              headless tools on the same core

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "settings/launch_options.hpp"

namespace actviz::cli {

enum class Action { RunGui, ShowHelp, ShowVersion, RunSubcommand };

struct CommandLine {
    Action action = Action::RunGui;
    settings::LaunchOptions gui;
    std::string subcommand;                // when action == RunSubcommand
    std::vector<std::string> arguments;    // the subcommand's own arguments
};

// Throws UsageError for an unknown flag, a missing or bad value, an unknown subcommand, or two session files.
CommandLine parse_command_line(std::span<const std::string> args);

std::string gui_help_text();
std::string version_text();

}  // namespace actviz::cli
