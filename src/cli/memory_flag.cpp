#include "cli/memory_flag.hpp"

#include <string>

#include "cli/usage_error.hpp"
#include "core/memory_budget.hpp"

namespace actviz::cli {

std::size_t memory_budget_from_flags(const Flags& flags) {
    const auto text = flags.value(kMemoryBudgetFlag.name);
    if (!text) return kDefaultMemoryBudget;
    const auto bytes = parse_memory_size(*text);
    if (!bytes || *bytes < kMinMemoryBudget) {
        throw UsageError("--memory-budget expects a size of at least 16MiB such as 512MiB, 2GiB or 1.5G, got '" +
                         std::string(*text) + "'");
    }
    return *bytes;
}

}  // namespace actviz::cli
