#include "cli/command_line.hpp"

#include <set>
#include <string_view>

#include "cli/parse_value.hpp"
#include "cli/subcommands.hpp"
#include "cli/usage_error.hpp"
#include "core/memory_budget.hpp"
#include "settings/panels.hpp"

#ifndef ACTVIZ_VERSION
#error "ACTVIZ_VERSION must be defined by the build"
#endif

namespace actviz::cli {
namespace {

// Splits "--name=value" into name and value; "--name" alone gives an empty, absent value.
struct Flag {
    std::string_view name;
    std::string_view value;
    bool has_inline_value = false;
};

Flag split_flag(std::string_view arg) {
    const auto eq = arg.find('=');
    if (eq == std::string_view::npos) return {arg, {}, false};
    return {arg.substr(0, eq), arg.substr(eq + 1), true};
}

// A file manager opens a session with `actviz /path/to/lesson.actviz.json` (the .desktop entry's
// Exec=actviz %f): a first word that names a file rather than a subcommand. Subcommand names have
// neither '/' nor '.', so a path is told apart by those, and a mistyped subcommand still says so.
bool looks_like_a_path(std::string_view arg) { return arg.find_first_of("/.") != std::string_view::npos; }

void set_session_path(CommandLine& result, std::string_view path) {
    if (!result.gui.session_path.empty()) {
        throw UsageError("two session files given, '" + result.gui.session_path + "' and '" + std::string(path) +
                         "' (actviz opens one)");
    }
    result.gui.session_path = path;
}

}  // namespace

CommandLine parse_command_line(std::span<const std::string> args) {
    CommandLine result;
    if (!args.empty() && !args[0].starts_with("-") && !looks_like_a_path(args[0])) {
        if (!find_subcommand(args[0])) {
            throw UsageError("unknown subcommand '" + args[0] + "' (actviz help lists them)");
        }
        result.action = Action::RunSubcommand;
        result.subcommand = args[0];
        result.arguments.assign(args.begin() + 1, args.end());
        return result;
    }
    std::set<std::string_view> given;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const Flag flag = split_flag(args[i]);
        // As the subcommands do (flags.cpp): a repeated flag is a mistake, not "the last one wins".
        if (flag.name.starts_with("--") && !given.insert(flag.name).second) {
            throw UsageError(std::string(flag.name) + " is given twice");
        }
        auto value = [&]() -> std::string_view {
            if (flag.has_inline_value) return flag.value;
            if (i + 1 >= args.size()) throw UsageError(std::string(flag.name) + " needs a value");
            return args[++i];
        };
        if (!args[i].empty() && !args[i].starts_with("-")) {
            set_session_path(result, args[i]);  // actviz [flags] FILE, as the desktop entry runs it
        } else if (flag.name == "--help" || flag.name == "-h") {
            result.action = Action::ShowHelp;
        } else if (flag.name == "--version") {
            result.action = Action::ShowVersion;
        } else if (flag.name == "--frames") {
            result.gui.frames = static_cast<int>(parse_integer("--frames", value(), 1, 1'000'000));
        } else if (flag.name == "--screenshot") {
            const std::string_view path = value();
            if (path.empty()) throw UsageError("--screenshot needs a file path, e.g. --screenshot out.png");
            result.gui.screenshot_path = path;
        } else if (flag.name == "--size") {
            const Size2 size = parse_size("--size", value(), 64, 8192);
            result.gui.width = size.width;
            result.gui.height = size.height;
            result.gui.size_given = true;
        } else if (flag.name == "--panel") {
            const std::string_view id = value();
            if (!settings::find_panel(id) && id != "all") {
                throw UsageError("--panel expects one of " + settings::panel_id_list() + " or all, got '" + std::string(id) + "'");
            }
            result.gui.panel = id;
        } else if (flag.name == "--preset") {
            const std::string_view name = value();
            if (name.empty()) throw UsageError("--preset needs a preset name, e.g. --preset spiral-tanh");
            result.gui.preset = name;
        } else if (flag.name == "--session") {
            const std::string_view path = value();
            if (path.empty()) throw UsageError("--session needs a file path, e.g. --session lesson.actviz.json");
            set_session_path(result, path);
        } else if (flag.name == "--data") {
            const std::string_view path = value();
            if (path.empty()) throw UsageError("--data needs a file path, e.g. --data points.csv");
            result.gui.data_path = path;
        } else if (flag.name == "--save-session") {
            const std::string_view path = value();
            if (path.empty()) throw UsageError("--save-session needs a file path");
            result.gui.save_session_path = path;
        } else if (flag.name == "--memory-budget") {
            const std::string_view text = value();
            const auto bytes = parse_memory_size(text);
            if (!bytes || *bytes < kMinMemoryBudget) {
                throw UsageError("--memory-budget expects a size of at least 16MiB such as 512MiB, 2GiB or 1.5G, got '" +
                                 std::string(text) + "'");
            }
            result.gui.memory_budget = *bytes;
        } else if (flag.name == "--stats-log") {
            const std::string_view path = value();
            if (path.empty()) throw UsageError("--stats-log needs a file path");
            result.gui.stats_log = path;
        } else if (flag.name == "--zoom") {
            result.gui.zoom = static_cast<int>(parse_integer("--zoom", value(), 75, 200));
            result.gui.zoom_given = true;
        } else if (flag.name == "--fresh") {
            result.gui.fresh = true;
        } else {
            throw UsageError("unknown flag '" + args[i] + "' (actviz --help lists the flags)");
        }
    }
    if (!result.gui.save_session_path.empty() && result.gui.frames == 0) {
        throw UsageError("--save-session needs --frames N (it saves after the last frame; interactively use File > Save)");
    }
    const auto panel = settings::find_panel(result.gui.panel);
    if (!result.gui.preset.empty() && (!panel || settings::preset_ids(*panel).empty())) {
        std::string panels;  // those that have presets
        for (const settings::PanelName& name : settings::kPanelNames) {
            if (settings::preset_ids(name.panel).empty()) continue;
            panels += (panels.empty() ? "--panel " : " or --panel ") + std::string(name.id);
        }
        throw UsageError("--preset '" + result.gui.preset + "' needs " + panels + " (the panel whose presets it names)");
    }
    return result;
}

std::string gui_help_text() {
    std::string text =
        "actviz " ACTVIZ_VERSION " - see activation functions and gradient flow\n"
        "\n"
        "Usage:\n"
        "  actviz [flags] [SESSION]       open the visualiser (on that session file, as --session does)\n"
        "  actviz <subcommand> [flags]    headless tools on the same core (actviz <subcommand> --help)\n"
        "\n"
        "Flags:\n"
        "  --frames N         render N frames, then exit 0 (default: run until quit)\n"
        "  --screenshot PATH  after the last frame, write a PNG of the whole window to PATH\n"
        "  --size WxH         window size in screen coordinates (default 1600x960)\n"
        "  --panel NAME       start with one panel maximised: activations, softmax, gradflow, classifier, bakeoff;\n"
        "                     all: every panel tiled\n"
        "  --preset NAME      with --panel softmax, gradflow, classifier or bakeoff: apply that preset (and\n"
        "                     start training), e.g. textbook-1000 (softmax), tanh-vanishes (gradflow),\n"
        "                     spiral-tanh (classifier), bakeoff-spiral\n"
        "  --session FILE     open that session (saved with File > Save) at start\n"
        "  --data FILE.csv    import these points at start (as File > Import data; after --session and\n"
        "                     --preset, so a preset's network trains on them)\n"
        "  --fresh            start from the defaults instead of the last session\n"
        "  --save-session F   with --frames: after the last frame, save the session to F\n"
        "  --memory-budget S  refuse computations estimated above S (default 2GiB; e.g. 512MiB, 8G)\n"
        "  --stats-log FILE   once a second: frames, the longest frame and resident memory, as CSV\n"
        "  --zoom PERCENT     fonts and spacing at PERCENT (75 to 200; View > Zoom, remembered otherwise)\n"
        "  --version          print the version and exit\n"
        "  --help             print this help and exit\n"
        "\n"
        "Subcommands:\n";
    for (const Subcommand& sub : subcommands()) {
        text += "  " + std::string(sub.name) + std::string(10 - sub.name.size(), ' ') + std::string(sub.summary) +
                (sub.available ? "" : " (coming)") + "\n";
    }
    text += "\nWithout a display, run under a virtual one: xvfb-run -a actviz --frames 10 --screenshot out.png\n";
    return text;
}

std::string version_text() { return "actviz " ACTVIZ_VERSION "\n"; }

}  // namespace actviz::cli
