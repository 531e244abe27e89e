// actviz softmax --logits L1,L2,... [--temperature T]
// → CSV index,logit,probability,log_probability, then a last line entropy,<nats>.

#include <array>
#include <ostream>

#include "cli/commands.hpp"
#include "cli/flags.hpp"
#include "cli/parse_value.hpp"
#include "cli/setting_flags.hpp"
#include "cli/usage_error.hpp"
#include "core/softmax.hpp"
#include "settings/activations_settings.hpp"

namespace actviz::cli {

int run_softmax(std::span<const std::string> args, std::ostream& out, std::ostream&) {
    constexpr std::array kSpecs{FlagSpec{"logits"}, FlagSpec{"temperature"}};
    const Flags flags(args, kSpecs);
    if (!flags.positionals().empty()) throw UsageError("unexpected argument '" + flags.positionals()[0] + "'");
    if (!flags.has("logits")) throw UsageError("--logits is missing, e.g. --logits 2,1,0.1");
    const std::vector<double> logits = parse_real_list("--logits", *flags.value("logits"), 100'000);
    // The Softmax panel's range (a number as typed: double, though the panel keeps a float).
    const double temperature = setting_flag(flags, settings::kTemperature).value_or(1.0);
    const Eigen::VectorXd z = Eigen::Map<const Eigen::VectorXd>(logits.data(), static_cast<Eigen::Index>(logits.size()));
    const SoftmaxResult result = softmax(z, temperature);
    out << "index,logit,probability,log_probability\n";
    for (Eigen::Index i = 0; i < z.size(); ++i) {
        out << i << ',' << format_number(z[i]) << ',' << format_number(result.probabilities[i]) << ','
            << format_number(result.log_probabilities[i]) << '\n';
    }
    out << "entropy," << format_number(result.entropy) << '\n';
    return 0;
}

}  // namespace actviz::cli
