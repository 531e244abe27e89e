#include "files/desktop_chooser.hpp"

#include <unistd.h>

#include <cstdlib>

#include "files/atomic_file.hpp"

namespace actviz::files {
namespace {

// "*.actviz.json *.json" for zenity's and kdialog's filter syntax; "*" for every file.
std::string patterns(const FileFilter& filter) {
    if (filter.suffixes.empty()) return "*";
    std::string text;
    for (const std::string& suffix : filter.suffixes) text += (text.empty() ? "*" : " *") + suffix;
    return text;
}

std::vector<FileFilter> with_all_files(const ChooserRequest& request) {
    std::vector<FileFilter> filters = request.filters;
    filters.push_back(all_files_filter());
    return filters;
}

// Where the chooser starts: the folder, with the proposed name for a save.
std::string start_path(const ChooserRequest& request) {
    std::string folder = request.folder.empty() ? "." : request.folder;
    if (folder.back() != '/') folder += '/';
    return request.save ? folder + request.suggested_name : folder;
}

}  // namespace

std::string_view chooser_name(ChooserKind kind) {
    switch (kind) {
        case ChooserKind::Zenity: return "zenity";
        case ChooserKind::Kdialog: return "kdialog";
        case ChooserKind::Builtin: break;
    }
    return "builtin";
}

bool on_path(std::string_view program, const char* path_variable) {
    if (!path_variable) return false;
    const std::string_view path(path_variable);
    for (std::size_t start = 0; start <= path.size();) {
        const std::size_t colon = std::min(path.find(':', start), path.size());
        const std::string folder(path.substr(start, colon - start));
        const std::string candidate = (folder.empty() ? "." : folder) + "/" + std::string(program);
        if (::access(candidate.c_str(), X_OK) == 0) return true;
        start = colon + 1;
    }
    return false;
}

ChooserEnvironment current_chooser_environment() {
    ChooserEnvironment environment;
    const auto text = [](const char* name) {
        const char* value = std::getenv(name);
        return std::string(value ? value : "");
    };
    environment.setting = text("ACTVIZ_FILE_CHOOSER");
    environment.has_display = !text("DISPLAY").empty() || !text("WAYLAND_DISPLAY").empty();
    environment.kde = text("XDG_CURRENT_DESKTOP").find("KDE") != std::string::npos;
    const char* path = std::getenv("PATH");
    environment.has_zenity = on_path("zenity", path);
    environment.has_kdialog = on_path("kdialog", path);
    return environment;
}

ChooserChoice pick_chooser(const ChooserEnvironment& environment) {
    const std::string& setting = environment.setting;
    ChooserChoice choice;
    if (setting == "builtin") return choice;
    const auto automatic = [&](std::string note) {
        ChooserChoice picked{ChooserKind::Builtin, std::move(note)};
        if (!environment.has_display) return picked;
        if (environment.kde && environment.has_kdialog) picked.kind = ChooserKind::Kdialog;
        else if (environment.has_zenity) picked.kind = ChooserKind::Zenity;
        else if (environment.has_kdialog) picked.kind = ChooserKind::Kdialog;
        return picked;
    };
    if (setting.empty() || setting == "auto") return automatic("");
    if (setting == "zenity" || setting == "kdialog") {
        const bool installed = setting == "zenity" ? environment.has_zenity : environment.has_kdialog;
        if (installed && environment.has_display) {
            return {setting == "zenity" ? ChooserKind::Zenity : ChooserKind::Kdialog, ""};
        }
        return automatic("ACTVIZ_FILE_CHOOSER=" + setting + ": " +
                         (installed ? "no display to show it on" : setting + " is not installed (not on PATH)"));
    }
    if (setting == "portal") {
        return automatic("ACTVIZ_FILE_CHOOSER=portal: this actviz is built without the XDG portal (README: File choosers)");
    }
    return automatic("ACTVIZ_FILE_CHOOSER='" + printable_path(setting) + "' is not one of builtin, zenity, kdialog, portal, auto");
}

std::vector<std::string> chooser_command(ChooserKind kind, const ChooserRequest& request) {
    const std::vector<FileFilter> filters = with_all_files(request);
    if (kind == ChooserKind::Zenity) {
        std::vector<std::string> command = {"zenity", "--file-selection", "--title=" + request.title,
                                            "--filename=" + start_path(request)};
        if (request.save) {
            command.push_back("--save");
            command.push_back("--confirm-overwrite");  // zenity 3.x asks only when told to (4.x always asks)
        }
        for (const FileFilter& filter : filters) command.push_back("--file-filter=" + describe(filter) + " | " + patterns(filter));
        return command;
    }
    if (kind == ChooserKind::Kdialog) {
        // One filter a line, "patterns|description" (kdialog asks itself before replacing a file).
        std::string filter_lines;
        for (const FileFilter& filter : filters) {
            filter_lines += (filter_lines.empty() ? "" : "\n") + patterns(filter) + "|" + describe(filter);
        }
        return {"kdialog", "--title", request.title, request.save ? "--getsavefilename" : "--getopenfilename",
                start_path(request), filter_lines};
    }
    return {};
}

ChooserAnswer parse_chooser_answer(ChooserKind kind, int exit_status, std::string_view output) {
    const std::string program(chooser_name(kind));
    if (exit_status == 1) return {ChooserAnswer::Cancelled, "", ""};  // Cancel, Escape, the close button
    if (exit_status == 127) return {ChooserAnswer::Failed, "", program + " could not be run"};
    if (exit_status != 0) {
        return {ChooserAnswer::Failed, "", program + " ended with status " + std::to_string(exit_status)};
    }
    // One path and a newline. A file name may itself end in spaces: only the line break goes.
    if (!output.empty() && output.back() == '\n') output.remove_suffix(1);
    if (!output.empty() && output.back() == '\r') output.remove_suffix(1);
    if (output.empty()) return {ChooserAnswer::Cancelled, "", ""};
    if (output.find('\n') != std::string_view::npos) {
        return {ChooserAnswer::Failed, "", program + " gave more than one line: " + printable_path(output)};
    }
    if (output.front() != '/') return {ChooserAnswer::Failed, "", program + " gave no absolute path: " + printable_path(output)};
    return {ChooserAnswer::Chosen, std::string(output), ""};
}

}  // namespace actviz::files
