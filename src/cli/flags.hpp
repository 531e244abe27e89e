#pragma once
// The flags of one subcommand: "--name value", "--name=value" or a bare "--switch", plus
// positional words. Anything not declared is refused with a UsageError naming it.

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace actviz::cli {

struct FlagSpec {
    std::string_view name;  // without the leading "--"
    bool takes_value = true;
};

class Flags {
public:
    Flags(std::span<const std::string> args, std::span<const FlagSpec> known);

    bool has(std::string_view name) const { return values_.count(std::string(name)) > 0; }
    std::optional<std::string_view> value(std::string_view name) const;
    const std::vector<std::string>& positionals() const { return positionals_; }
    // Flags given, in the order given (for checks such as "this function takes no --alpha").
    const std::vector<std::string>& given() const { return given_; }

private:
    std::map<std::string, std::string> values_;
    std::vector<std::string> positionals_;
    std::vector<std::string> given_;
};

// A comma-separated list of finite numbers; `max_count` items at most.
std::vector<double> parse_real_list(std::string_view flag, std::string_view text, size_t max_count);
// The same with `min_count` to `max_count` items, each within [min, max]; the message names both.
std::vector<double> parse_real_list(std::string_view flag, std::string_view text, size_t min_count, size_t max_count,
                                    double min, double max);

// A number as CSV output prints it: %.17g, so it reads back to the same double.
std::string format_number(double value);

}  // namespace actviz::cli
