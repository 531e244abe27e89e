#include "cli/flags.hpp"

#include <cstdio>
#include <limits>

#include "cli/parse_value.hpp"
#include "cli/usage_error.hpp"

namespace actviz::cli {

Flags::Flags(std::span<const std::string> args, std::span<const FlagSpec> known) {
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        if (!arg.starts_with("--")) {
            positionals_.emplace_back(arg);
            continue;
        }
        const auto eq = arg.find('=');
        const std::string name(arg.substr(2, eq == std::string_view::npos ? std::string_view::npos : eq - 2));
        const FlagSpec* spec = nullptr;
        for (const FlagSpec& candidate : known) {
            if (candidate.name == name) spec = &candidate;
        }
        if (!spec) throw UsageError("unknown flag '--" + name + "'");
        if (values_.count(name)) throw UsageError("--" + name + " is given twice");
        std::string value;
        if (spec->takes_value) {
            if (eq != std::string_view::npos) value = arg.substr(eq + 1);
            else if (i + 1 < args.size()) value = args[++i];
            else throw UsageError("--" + name + " needs a value");
        } else if (eq != std::string_view::npos) {
            throw UsageError("--" + name + " takes no value");
        }
        values_[name] = value;
        given_.push_back(name);
    }
}

std::optional<std::string_view> Flags::value(std::string_view name) const {
    const auto found = values_.find(std::string(name));
    if (found == values_.end()) return std::nullopt;
    return found->second;
}

std::vector<double> parse_real_list(std::string_view flag, std::string_view text, size_t max_count) {
    constexpr double kMax = std::numeric_limits<double>::max();
    return parse_real_list(flag, text, 1, max_count, -kMax, kMax);
}

std::vector<double> parse_real_list(std::string_view flag, std::string_view text, size_t min_count, size_t max_count,
                                    double min, double max) {
    std::vector<double> values;
    const std::string name(flag);
    if (text.empty()) throw UsageError(name + " needs at least one number, e.g. " + name + " 1,2.5,-3");
    constexpr double kMax = std::numeric_limits<double>::max();
    const bool bounded = min > -kMax || max < kMax;
    const std::string count_range = min_count == max_count ? std::to_string(max_count)
                                                           : std::to_string(min_count) + " to " + std::to_string(max_count);
    size_t start = 0;
    while (start <= text.size()) {
        const size_t comma = text.find(',', start);
        const std::string_view item = text.substr(start, comma == std::string_view::npos ? text.size() - start : comma - start);
        if (values.size() == max_count) {
            throw UsageError(min_count > 1 ? name + " takes " + count_range + " numbers, got more"
                                           : name + " takes at most " + std::to_string(max_count) + " numbers");
        }
        try {
            values.push_back(parse_real(flag, item, min, max));
        } catch (const UsageError&) {
            if (!bounded) throw UsageError(name + " expects finite numbers separated by commas, got '" + std::string(item) + "'");
            char range[96];
            std::snprintf(range, sizeof range, "numbers from %g to %g", min, max);
            throw UsageError(name + " expects " + range + " separated by commas, got '" + std::string(item) + "'");
        }
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    if (values.size() < min_count) {
        throw UsageError(name + " takes " + count_range + " numbers, got " + std::to_string(values.size()));
    }
    return values;
}

std::string format_number(double value) {
    char text[40];
    std::snprintf(text, sizeof text, "%.17g", value);
    return text;
}


}  // namespace actviz::cli
