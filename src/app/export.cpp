#include "app/export.hpp"

#include <ctime>
#include <filesystem>
#include <system_error>

#include "app/file_chooser.hpp"
#include "app/file_types.hpp"
#include "files/atomic_file.hpp"
#include "files/file_name.hpp"
#include "gfx/png_file.hpp"
#include "session/session_file.hpp"
#include "session/weights_json.hpp"

namespace actviz::app {
namespace {

void write_export(AppState& state, const std::string& path, std::function<std::string()> make_text, const char* what) {
    WriteQueue::Write write;
    write.path = path;
    write.run = [path, make_text = std::move(make_text)] { return files::write_file_atomically(path, make_text()); };
    write.done = WriteQueue::say(what, "exported", path);
    state.writes.push(std::move(write));
}

}  // namespace

std::string timestamped_name(const std::string& what, const std::string& extension) {
    const std::time_t now = std::time(nullptr);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", std::localtime(&now));
    const std::string middle = files::readable_file_stem(what);
    // Two exports within one second get "-2", "-3" rather than overwriting each other.
    return files::first_free_name("actviz-" + (middle.empty() ? "" : middle + "-") + stamp + "." + extension);
}

std::string shown_path(const std::string& path) {
    std::error_code error;
    const std::filesystem::path whole = std::filesystem::absolute(path, error);
    return files::printable_path(error ? path : whole.lexically_normal().string());
}

void ask_and_write(AppState& state, const std::string& title, std::string suggested_name,
                   std::vector<files::FileFilter> types, std::function<std::string()> make_text, const char* what) {
    FileRequest request;
    request.chooser.save = true;
    request.chooser.title = title;
    request.chooser.suggested_name = std::move(suggested_name);
    request.chooser.filters = std::move(types);
    // Captured now: what the chart or the network shows when the user asked.
    request.on_chosen = [make_text = std::move(make_text), what](AppState& s, const std::string& path) {
        write_export(s, path, make_text, what);
    };
    ask_for_file(state, std::move(request));
}

void export_weights(AppState& state) {
    const Trainer* trainer = state.classifier.live.trainer();
    if (!trainer) {
        notify(state, "No weights to export: open the Classifier panel first");
        return;
    }
    ask_and_write(state, "Export weights as JSON", timestamped_name("weights", "json"), json_file_types(),
                  [json = session::weights_to_json(trainer->mlp())] { return json; }, "Weights");
}

void write_png_beside(AppState& state, gfx::FramebufferPixels pixels, const std::string& path, const std::string& what) {
    WriteQueue::Write write;
    write.path = path;
    write.run = [path, pixels = std::move(pixels)]() -> std::optional<std::string> {
        std::string error;
        if (gfx::write_png_file(path, pixels.width, pixels.height, pixels.rgb.data(), pixels.width * 3, error)) return std::nullopt;
        return error;
    };
    write.done = WriteQueue::say(what, "saved", path);
    state.writes.push(std::move(write));
}

}  // namespace actviz::app
