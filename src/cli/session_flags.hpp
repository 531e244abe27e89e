#pragma once
// `--session FILE` for the headless subcommands: a saved session's panel settings become the
// subcommand's flags, and flags given explicitly on the command line win. Turning the settings
// into flags (rather than into a config directly) means a session goes through exactly the same
// parsing and validation as typed flags, and what it stands for can be printed and retyped.
//
// The one thing flags cannot carry is the Classifier panel's points once the user added or erased
// some by hand: for train the session's points travel beside the flags, and are used unless a flag
// given explicitly asks for other data (as the panel regenerates its points when the dataset or
// the seed changes, dropping the hand edits).

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cli/flags.hpp"
#include "core/dataset.hpp"

namespace actviz::cli {

// Flags given explicitly with --session that make train regenerate the dataset instead of taking
// the session's points: those of the panel's dataset group, and the seed, which the panel also
// draws its points with.
inline constexpr std::string_view kDatasetFlagNames[] = {"dataset", "classes", "points", "noise", "test-ratio", "seed",
                                                         "data"};

struct SessionArgs {
    std::vector<std::string> args;  // the flags to parse
    // train with a session that holds the classifier's points (hand edits included) and no flag of
    // kDatasetFlagNames given: exactly those points, split into train and test as the panel had them.
    // The same for a panel trained on imported points (File > Import data): train takes them when
    // the session has no classifier state, bakeoff takes its contest's. Imported points imply no
    // --dataset, --classes, --points or --noise.
    std::optional<Dataset> data;
};

// If `args` hold --session FILE: the flags the session implies for `subcommand` ("gradflow",
// "train", "bakeoff"), those not given in `args`, followed by `args` without --session (and gradflow's
// --curve N, which picks one of the panel's curves, 1 by default), and for train the session's
// points as described above. Without --session: `args` and no data.
// Throws UsageError when the file cannot be read or is not a valid session.
SessionArgs expand_session_flags(const std::string& subcommand, std::span<const std::string> args,
                                 std::span<const FlagSpec> known);

}  // namespace actviz::cli
