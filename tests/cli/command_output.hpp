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
inline CommandOutput run(std::string_view name, const std::vector<std::string>& args) { return run_command(name, args); }

// The text's last non-empty line, without its newline.
inline std::string last_line(const std::string& text) {
    const auto end = text.find_last_not_of('\n');
    if (end == std::string::npos) return "";
    const auto start = text.rfind('\n', end);
    const auto first = start == std::string::npos ? 0 : start + 1;
    return text.substr(first, end - first + 1);
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

// The same for CSV with quoted text fields (RFC 4180: "a, b" is one field, "" inside is a quote).
inline std::vector<std::vector<std::string>> csv_quoted_rows(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        std::vector<std::string> fields(1);
        bool quoted = false;
        for (std::size_t i = 0; i < line.size(); ++i) {
            const char c = line[i];
            if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') fields.back() += line[++i];
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) fields.emplace_back();
            else fields.back() += c;
        }
        rows.push_back(fields);
    }
    return rows;
}

}  // namespace actviz::cli
