// actviz softmax --logits L1,L2,... [--temperature T] [--steps]
// → CSV index,logit,probability,log_probability, then a last line entropy,<nats>; with --steps the
// textbook's step-by-step table instead (core/softmax_steps.hpp), a sum row, then the entropy line.

#include <array>
#include <cmath>
#include <ostream>

#include "cli/commands.hpp"
#include "cli/flags.hpp"
#include "cli/parse_value.hpp"
#include "cli/setting_flags.hpp"
#include "cli/usage_error.hpp"
#include "core/softmax.hpp"
#include "core/softmax_steps.hpp"
#include "settings/softmax_settings.hpp"

namespace actviz::cli {
namespace {

// NaN as "nan" whatever its sign bit (inf/inf gives a negative NaN on x86, which %g prints "-nan").
std::string cell(double value) { return std::isnan(value) ? "nan" : format_number(value); }

void print_steps(const SoftmaxSteps& steps, double entropy, std::ostream& out) {
    out << "index,logit,shifted,exp_shifted,probability,naive_exp,naive_probability\n";
    for (Eigen::Index i = 0; i < steps.logits.size(); ++i) {
        out << i << ',' << cell(steps.logits[i]) << ',' << cell(steps.shifted[i]) << ',' << cell(steps.exps[i]) << ','
            << cell(steps.probabilities[i]) << ',' << cell(steps.naive_exps[i]) << ','
            << cell(steps.naive_probabilities[i]) << '\n';
    }
    out << "sum,,," << cell(steps.exp_sum) << ',' << cell(steps.probabilities.sum()) << ',' << cell(steps.naive_sum)
        << ',' << cell(steps.naive_probabilities.sum()) << '\n';
    out << "entropy," << cell(entropy) << '\n';
}

}  // namespace

int run_softmax(std::span<const std::string> args, std::ostream& out, std::ostream&) {
    // --steps chooses what is printed, not what is computed: a flag of this command, not a setting.
    constexpr std::array kSpecs{FlagSpec{settings::kLogits.flag}, FlagSpec{"temperature"}, FlagSpec{"steps", false}};
    const Flags flags(args, kSpecs);
    if (!flags.positionals().empty()) throw UsageError("unexpected argument '" + flags.positionals()[0] + "'");
    if (!flags.has("logits")) throw UsageError("--logits is missing, e.g. --logits 2,1,0.1");
    // The Softmax panel's ranges: 2 to 10 logits within ±10⁴, T from 0.01 to 100 (a number as typed:
    // double, though the panel keeps a float).
    const std::vector<double> logits = *setting_flag(flags, settings::kLogits);
    const double temperature = setting_flag(flags, settings::kTemperature).value_or(1.0);
    const Eigen::VectorXd z = Eigen::Map<const Eigen::VectorXd>(logits.data(), static_cast<Eigen::Index>(logits.size()));
    const SoftmaxResult result = softmax(z, temperature);
    if (flags.has("steps")) {
        print_steps(softmax_steps(z, temperature), result.entropy, out);
        return 0;
    }
    out << "index,logit,probability,log_probability\n";
    for (Eigen::Index i = 0; i < z.size(); ++i) {
        out << i << ',' << format_number(z[i]) << ',' << format_number(result.probabilities[i]) << ','
            << format_number(result.log_probabilities[i]) << '\n';
    }
    out << "entropy," << format_number(result.entropy) << '\n';
    return 0;
}

}  // namespace actviz::cli
