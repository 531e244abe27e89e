#pragma once
// Entry points of the headless subcommands (one file each: cmd_<name>.cpp). They throw
// UsageError for bad input; run_subcommand turns it into one line on stderr and exit status 2.

#include <iosfwd>
#include <span>
#include <string>

namespace actviz::cli {

// train and bakeoff: the exit status of a run that diverged (its output up to then is written).
inline constexpr int kDivergedStatus = 3;

int run_list(std::span<const std::string> args, std::ostream& out, std::ostream& err);
int run_eval(std::span<const std::string> args, std::ostream& out, std::ostream& err);
int run_softmax(std::span<const std::string> args, std::ostream& out, std::ostream& err);
int run_gradflow(std::span<const std::string> args, std::ostream& out, std::ostream& err);
int run_train(std::span<const std::string> args, std::ostream& out, std::ostream& err);
int run_bakeoff(std::span<const std::string> args, std::ostream& out, std::ostream& err);

}  // namespace actviz::cli
