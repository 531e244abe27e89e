#include "cli/subcommands.hpp"

#include <array>
#include <ostream>

#include "cli/command_line.hpp"
#include "cli/commands.hpp"
#include "cli/usage.hpp"
#include "cli/usage_error.hpp"

namespace actviz::cli {
namespace {

int run_help(std::span<const std::string> args, std::ostream& out, std::ostream&) {
    if (args.empty()) {
        out << gui_help_text();
        return 0;
    }
    if (args.size() > 1) throw UsageError("help takes at most one subcommand, got '" + args[1] + "' too");
    const std::string_view usage = usage_of(args[0]);
    if (usage.empty()) throw UsageError("no subcommand '" + args[0] + "' (actviz help lists them)");
    out << usage;
    return 0;
}

bool asks_for_help(std::span<const std::string> args) {
    for (const std::string& arg : args) {
        if (arg == "--help" || arg == "-h") return true;
    }
    return false;
}


constexpr std::array kSubcommands{
    Subcommand{"help", "list the subcommands and flags", true, run_help},
    Subcommand{"list", "the activation catalogue: names and default parameters, as CSV", true, run_list},
    Subcommand{"eval", "an activation and its derivative at given points, as CSV", true, run_eval},
    Subcommand{"softmax", "softmax with temperature: probabilities and entropy, as CSV", true, run_softmax},
    Subcommand{"gradflow", "per-layer gradient norms of a simulated deep network, as CSV", true, run_gradflow},
    Subcommand{"train", "train the 2D classifier headless, history as CSV", true, run_train},
    Subcommand{"bakeoff", "train with several activations in lockstep, as CSV", true, run_bakeoff},
};

}  // namespace

std::span<const Subcommand> subcommands() { return kSubcommands; }

const Subcommand* find_subcommand(std::string_view name) {
    for (const Subcommand& sub : kSubcommands) {
        if (sub.name == name) return &sub;
    }
    return nullptr;
}

int run_subcommand(std::string_view name, std::span<const std::string> args, std::ostream& out,
                   std::ostream& err) {
    const Subcommand* sub = find_subcommand(name);
    if (!sub) {
        err << "actviz: unknown subcommand '" << name << "' (actviz help lists them)\n";
        return 2;
    }
    if (!sub->available) {
        err << "actviz: '" << name << "' is coming in a later version (actviz help lists what is available)\n";
        return 2;
    }
    if (asks_for_help(args) && !usage_of(name).empty()) {
        out << usage_of(name);
        return 0;
    }
    try {
        return sub->run(args, out, err);
    } catch (const UsageError& e) {
        err << "actviz " << name << ": " << e.what() << "\n";
        return 2;
    }
}

}  // namespace actviz::cli
