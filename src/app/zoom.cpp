#include "app/zoom.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <iterator>

#include "files/atomic_file.hpp"

namespace actviz::app {

int zoom_in(int percent) {
    for (int step : kZoomSteps)
        if (step > percent) return step;
    return kMaxZoom;
}

int zoom_out(int percent) {
    for (auto step = std::rbegin(kZoomSteps); step != std::rend(kZoomSteps); ++step)
        if (*step < percent) return *step;
    return kMinZoom;
}

std::optional<int> read_remembered_zoom(const std::string& folder) {
    std::ifstream in(folder + "/zoom.txt");
    std::string text;
    if (!std::getline(in, text)) return std::nullopt;
    int percent = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), percent);
    if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    if (percent < kMinZoom || percent > kMaxZoom) return std::nullopt;
    return percent;
}

void remember_zoom(const std::string& folder, int percent) {
    if (!files::make_folders(folder)) return;  // nowhere to keep it: this run still zooms
    files::write_file_atomically(folder + "/zoom.txt", std::to_string(std::clamp(percent, kMinZoom, kMaxZoom)) + "\n");
}

}  // namespace actviz::app
