#include "fuzz_entries.hpp"

#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/command_line.hpp"
#include "cli/subcommands.hpp"
#include "cli/usage_error.hpp"
#include "session/session_json.hpp"

namespace actviz::fuzz {
namespace {

// False when `flag` is given (as "--flag V" or "--flag=V") with a value that does not read as a
// whole number ≤ max: the run would be too long to fuzz. Values that are not numbers pass, for
// the subcommand's parser to refuse.
bool at_most(const std::vector<std::string>& arguments, std::string_view flag, long long max) {
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& a = arguments[i];
        if (!a.starts_with(flag)) continue;
        const bool joined = a.size() > flag.size() && a[flag.size()] == '=';
        if (a.size() != flag.size() && !joined) continue;  // another flag with this prefix
        const std::string value = joined ? a.substr(flag.size() + 1) : i + 1 < arguments.size() ? arguments[i + 1] : "";
        char* end = nullptr;
        const long long number = std::strtoll(value.c_str(), &end, 10);
        if (end == value.c_str() || number > max) return false;
    }
    return true;
}

}  // namespace

void session_loader(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    session::ParseResult result = session::from_json_text(text);
    if (!result.loaded) {
        if (result.error.empty()) std::abort();  // a refusal always says why
        return;
    }
    // Accepted: saving it must give a file that loads to the same text.
    const std::string saved = session::to_json_text(result.loaded->session);
    const session::ParseResult again = session::from_json_text(saved);
    if (!again.loaded || session::to_json_text(again.loaded->session) != saved) std::abort();
}

void command_line(const std::uint8_t* data, std::size_t size) {
    std::vector<std::string> args;
    std::string current;
    for (std::size_t i = 0; i < size; ++i) {
        if (data[i] == '\n') {
            args.push_back(current);
            current.clear();
        } else {
            current += static_cast<char>(data[i]);
        }
    }
    if (!current.empty()) args.push_back(current);
    if (args.size() > 64) return;  // nobody types more; keeps each run short
    cli::CommandLine parsed;
    try {
        parsed = cli::parse_command_line(args);
    } catch (const cli::UsageError&) {
        return;
    }
    if (parsed.action != cli::Action::RunSubcommand) return;
    const std::string& name = parsed.subcommand;
    std::vector<std::string> arguments = parsed.arguments;
    if (name == "gradflow" || name == "train" || name == "bakeoff") {
        // Their flags are the hostile-value surface; their cost is kept small: a 16 MiB memory
        // budget bounds the data and the network (for bakeoff: of every contestant together), train
        // runs only with --steps ≤ 100, bakeoff with --steps ≤ 20 and --seeds ≤ 2 (each step is a step
        // of every contestant). Files (--session, --weights) are not touched.
        for (const std::string& a : arguments) {
            if (a.starts_with("--session") || a.starts_with("--weights") || a.starts_with("--memory-budget")) return;
        }
        if (name == "train" && !at_most(arguments, "--steps", 100)) return;
        if (name == "bakeoff" && !(at_most(arguments, "--steps", 20) && at_most(arguments, "--seeds", 2))) return;
        arguments.push_back("--memory-budget");
        arguments.push_back("16MiB");
    } else if (name != "softmax" && name != "eval" && name != "list" && name != "help") {
        return;
    }
    std::ostringstream out, err;
    const int status = cli::run_subcommand(name, arguments, out, err);
    if (status != 0 && err.str().empty()) std::abort();  // a failure always says why
}

}  // namespace actviz::fuzz
