#pragma once
// What `actviz <subcommand> --help` and `actviz help <subcommand>` print: the flags, their ranges and
// defaults, and the CSV columns, so a script can be written without reading the source.

#include <string_view>

namespace actviz::cli {

// Empty when the subcommand has no usage text.
std::string_view usage_of(std::string_view subcommand);

}  // namespace actviz::cli
