#pragma once
// --memory-budget SIZE, shared by the subcommands that allocate in proportion to their flags.

#include <cstddef>

#include "cli/flags.hpp"

namespace actviz::cli {

inline constexpr FlagSpec kMemoryBudgetFlag{"memory-budget"};

// The flag's value (e.g. 2GiB, 512MiB, 1.5G; at least 16 MiB), or the 2 GiB default.
std::size_t memory_budget_from_flags(const Flags& flags);

}  // namespace actviz::cli
