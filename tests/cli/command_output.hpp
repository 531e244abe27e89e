#pragma once
// What the command-line tests share: a subcommand run in-process with its exit status and both
// streams, and its CSV output split into rows of fields.

#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/subcommands.hpp"

namespace actviz::cli {

struct CommandOutput {
    int status;
    std::string out, err;
};

inline CommandOutput run_command(std::string_view name, std::span<const std::string> args) {
    std::ostringstream out, err;
    const int status = run_subcommand(name, args, out, err);
    return {status, out.str(), err.str()};
}

// One row per line, fields split at commas; a trailing comma is an empty last field.
inline std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        std::vector<std::string> fields;
        std::istringstream items(line);
        for (std::string field; std::getline(items, field, ',');) fields.push_back(field);
        if (!line.empty() && line.back() == ',') fields.emplace_back();
        rows.push_back(fields);
    }
    return rows;
}

}  // namespace actviz::cli
