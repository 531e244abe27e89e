#include "app/export.hpp"

#include <cctype>
#include <ctime>

#include "app/file_chooser.hpp"
#include "app/file_types.hpp"
#include "plot/plot.hpp"
#include "session/session_file.hpp"
#include "session/weights_json.hpp"

namespace actviz::app {
namespace {

// Letters and digits of a chart title, the rest as single dashes: "‖∂L/∂W‖ per layer" → "L-W-per-layer".
std::string slug(const std::string& text) {
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
        else if (!out.empty() && out.back() != '-') out += '-';
        if (out.size() >= 40) break;
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

void write_export(AppState& state, const std::string& path, const std::string& text, const char* what) {
    if (auto error = files::write_file_atomically(path, text)) {
        notify(state, std::string(what) + " not exported (" + path + "): " + *error);
    } else {
        notify(state, std::string(what) + " exported: " + path);
    }
}

}  // namespace

std::string timestamped_name(const std::string& what, const std::string& extension) {
    const std::time_t now = std::time(nullptr);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", std::localtime(&now));
    const std::string middle = slug(what);
    // Two exports within one second get "-2", "-3" rather than overwriting each other.
    return files::first_free_name("actviz-" + (middle.empty() ? "" : middle + "-") + stamp + "." + extension);
}

// Asks where to write `text` (a save, named by what it holds and when), then writes it.
void ask_and_write(AppState& state, const std::string& title, std::string suggested_name,
                   std::vector<files::FileFilter> types, std::string text, const char* what) {
    FileRequest request;
    request.chooser.save = true;
    request.chooser.title = title;
    request.chooser.suggested_name = std::move(suggested_name);
    request.chooser.filters = std::move(types);
    // Captured now: what the chart or the network shows when the user asked.
    request.on_chosen = [text = std::move(text), what](AppState& s, const std::string& path) { write_export(s, path, text, what); };
    ask_for_file(state, std::move(request));
}

void install_chart_export(AppState& state) {
    plot::set_csv_export_handler([&state](const std::string& title, const std::string& csv) {
        ask_and_write(state, "Export chart data", timestamped_name(title, "csv"), csv_file_types(), csv, "Chart data");
    });
}

void uninstall_chart_export() { plot::set_csv_export_handler(nullptr); }

void export_weights(AppState& state) {
    const Trainer* trainer = state.classifier.live.trainer();
    if (!trainer) {
        notify(state, "No weights to export: open the Classifier panel first");
        return;
    }
    ask_and_write(state, "Export weights as JSON", timestamped_name("weights", "json"), json_file_types(),
                  session::weights_to_json(trainer->mlp()), "Weights");
}

}  // namespace actviz::app
