// actviz eval NAME [parameter flags] (--x X1,X2,... | --from A --to B --n N)
// → CSV x,f,df: the same numbers the Activations panel plots.

#include <array>
#include <ostream>

#include "cli/activation_flags.hpp"
#include "cli/commands.hpp"
#include "cli/flags.hpp"
#include "cli/parse_value.hpp"
#include "cli/usage_error.hpp"

namespace actviz::cli {
namespace {

constexpr long long kMaxPoints = 10'000'000;

std::vector<double> sample_points(const Flags& flags) {
    const bool list = flags.has("x");
    const bool range = flags.has("from") || flags.has("to") || flags.has("n");
    if (list && range) throw UsageError("give either --x or --from/--to/--n, not both");
    if (list) return parse_real_list("--x", *flags.value("x"), kMaxPoints);
    if (!range) throw UsageError("say where to evaluate: --x X1,X2,... or --from A --to B --n N");
    for (const char* name : {"from", "to", "n"}) {
        if (!flags.has(name)) throw UsageError(std::string("--") + name + " is missing (--from, --to and --n go together)");
    }
    constexpr double kLimit = 1e300;
    const double from = parse_real("--from", *flags.value("from"), -kLimit, kLimit);
    const double to = parse_real("--to", *flags.value("to"), -kLimit, kLimit);
    const long long n = parse_integer("--n", *flags.value("n"), 1, kMaxPoints);
    std::vector<double> xs(static_cast<size_t>(n));
    for (long long i = 0; i < n; ++i) xs[i] = n == 1 ? from : from + (to - from) * static_cast<double>(i) / (n - 1);
    return xs;
}

}  // namespace

int run_eval(std::span<const std::string> args, std::ostream& out, std::ostream&) {
    std::vector<FlagSpec> specs{{"x"}, {"from"}, {"to"}, {"n"}};
    for (const FlagSpec& spec : activation_parameter_flags()) specs.push_back(spec);
    const Flags flags(args, specs);
    if (flags.positionals().size() > 1 || (flags.positionals().empty() && !flags.has("formula"))) {
        throw UsageError(
            "give one activation name, e.g. actviz eval gelu --x 0,1 (actviz list shows them), or --formula 'EXPR'");
    }
    const ActivationChoice choice = activation_from_flags(
        flags.positionals().empty() ? std::nullopt : std::optional<std::string_view>(flags.positionals()[0]), flags);
    const std::vector<double> xs = sample_points(flags);
    out << "x,f,df\n";
    for (double x : xs) {
        out << format_number(x) << ',' << format_number(choice.activation->f(x, choice.parameters)) << ','
            << format_number(choice.activation->df(x, choice.parameters)) << '\n';
    }
    return 0;
}

}  // namespace actviz::cli
