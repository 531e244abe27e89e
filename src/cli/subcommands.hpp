#pragma once
// The headless subcommands. Each reads its own flags and writes its results to `out`
// (CSV or plain text) and its complaints to `err`; the return value is the exit status.

#include <iosfwd>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace actviz::cli {

struct Subcommand {
    std::string_view name;
    std::string_view summary;
    bool available;  // false: reserved for a coming release
    int (*run)(std::span<const std::string> args, std::ostream& out, std::ostream& err);
};

std::span<const Subcommand> subcommands();
const Subcommand* find_subcommand(std::string_view name);

// Runs a subcommand; usage errors are reported on `err` as one line with exit status 2.
int run_subcommand(std::string_view name, std::span<const std::string> args, std::ostream& out,
                   std::ostream& err);

}  // namespace actviz::cli
