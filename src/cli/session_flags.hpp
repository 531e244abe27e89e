#pragma once
// `--session FILE` for the headless subcommands: a saved session's panel settings become the
// subcommand's flags, and flags given explicitly on the command line win. Turning the settings
// into flags (rather than into a config directly) means a session goes through exactly the same
// parsing and validation as typed flags, and what it stands for can be printed and retyped.

#include <span>
#include <string>
#include <vector>

#include "cli/flags.hpp"

namespace actviz::cli {

// If `args` hold --session FILE: the flags the session implies for `subcommand` ("gradflow",
// "train"), those not given in `args`, followed by `args` without --session (and gradflow's
// --curve N, which picks one of the panel's curves, 1 by default). Without --session: `args`.
// Throws UsageError when the file cannot be read or is not a valid session.
std::vector<std::string> expand_session_flags(const std::string& subcommand, std::span<const std::string> args,
                                              std::span<const FlagSpec> known);

}  // namespace actviz::cli
