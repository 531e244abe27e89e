// actviz: the visualiser, or a headless subcommand on the same core. The launcher is the one place
// that knows both the app and the command line: it sits above both layers.

#include <iostream>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "cli/command_line.hpp"
#include "cli/subcommands.hpp"
#include "cli/usage_error.hpp"

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    actviz::cli::CommandLine command;
    try {
        command = actviz::cli::parse_command_line(args);
    } catch (const actviz::cli::UsageError& e) {
        std::cerr << "actviz: " << e.what() << "\n";
        return 2;
    }
    switch (command.action) {
        case actviz::cli::Action::ShowHelp: std::cout << actviz::cli::gui_help_text(); return 0;
        case actviz::cli::Action::ShowVersion: std::cout << actviz::cli::version_text(); return 0;
        case actviz::cli::Action::RunSubcommand:
            return actviz::cli::run_subcommand(command.subcommand, command.arguments, std::cout, std::cerr);
        case actviz::cli::Action::RunGui: break;
    }
    return actviz::app::run(command.gui);
}
