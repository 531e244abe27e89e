#include "app/chart_export.hpp"

#include <imgui.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

#include "app/export.hpp"
#include "app/file_chooser.hpp"
#include "app/file_types.hpp"
#include "files/atomic_file.hpp"
#include "gfx/png_file.hpp"
#include "gfx/screenshot.hpp"
#include "gfx/texture_png.hpp"
#include "plot/plot.hpp"

namespace actviz::app {
namespace {

std::vector<files::FileFilter> svg_file_types() { return {{"SVG images", {".svg"}}}; }

// rsvg-convert drawing `svg_file` at twice its size, beside the window (poll_chart_rasterising).
void start_rsvg_convert(AppState& state, const std::string& svg_file, const std::string& target) {
    std::error_code ignored;
    const std::string what = "Chart PNG (2\xC3\x97) not saved (" + shown_path(target) + "): ";
    auto process = std::make_unique<files::ChildProcess>();
    if (const std::string error = process->start({"rsvg-convert", "--zoom", "2", svg_file}); !error.empty()) {
        std::filesystem::remove(svg_file, ignored);
        notify(state, what + error);
        return;
    }
    state.chart_export.rasterising.push_back({std::move(process), svg_file, target});
}

// The PNG at 2×: where the chooser said, from the SVG the chart was when the user asked. The SVG
// is made and written to a temporary file beside the frame, then rsvg-convert draws it.
void start_rasterising(AppState& state, std::function<std::string()> make_svg, const std::string& target) {
    static int counter = 0;
    std::error_code ignored;
    const std::filesystem::path folder = std::filesystem::temp_directory_path(ignored);
    const std::string svg_file =
        (folder / ("actviz-chart-" + std::to_string(getpid()) + "-" + std::to_string(++counter) + ".svg")).string();
    WriteQueue::Write write;
    write.path = svg_file;
    write.run = [svg_file, make_svg = std::move(make_svg)] { return files::write_file_atomically(svg_file, make_svg()); };
    write.done = [svg_file, target](AppState& s, const std::optional<std::string>& error) {
        if (error) {
            notify(s, "Chart PNG (2\xC3\x97) not saved (" + shown_path(target) + "): cannot write its SVG for rsvg-convert: " + *error);
        } else {
            start_rsvg_convert(s, svg_file, target);
        }
    };
    state.writes.push(std::move(write));
}

void export_chart(AppState& state, const plot::ChartExport& request) {
    using Kind = plot::ChartExport::Kind;
    const std::string& title = request.title;
    if (request.kind != Kind::Png && !request.content) {
        notify(state, "Chart \"" + title + "\" not exported: it was not recorded in this frame; ask again");
        return;
    }
    switch (request.kind) {
        case Kind::Csv:
            ask_and_write(state, "Export chart data: " + title, timestamped_name(title, "csv"), csv_file_types(),
                          request.content, "Chart data");
            break;
        case Kind::Svg:
            ask_and_write(state, "Save chart as SVG: " + title, timestamped_name(title, "svg"), svg_file_types(),
                          request.content, "Chart SVG");
            break;
        case Kind::Png:
            // Read once the menu is gone (next frame), then ask: the picture is the chart as it was asked for.
            state.chart_export.grab = ChartExportState::Grab{request.plot_id, title, ImGui::GetFrameCount()};
            break;
        case Kind::Png2x: {
            FileRequest ask;
            ask.chooser.save = true;
            ask.chooser.title = "Save chart as PNG (2\xC3\x97): " + title;
            ask.chooser.suggested_name = timestamped_name(title + " 2x", "png");
            ask.chooser.filters = png_file_types();
            ask.on_chosen = [make_svg = request.content](AppState& s, const std::string& path) { start_rasterising(s, make_svg, path); };
            ask_for_file(state, std::move(ask));
            break;
        }
    }
}

}  // namespace

void install_chart_export(AppState& state) {
    plot::set_chart_export_handler([&state](const plot::ChartExport& request) { export_chart(state, request); });
    plot::set_image_reader([](ImTextureID texture) { return gfx::read_texture_png(texture); });
}

void uninstall_chart_export(AppState& state) {
    plot::set_chart_export_handler(nullptr);
    plot::set_image_reader(nullptr);
    std::error_code ignored;
    for (ChartExportState::Rasterising& job : state.chart_export.rasterising) {
        job.process->stop();
        std::filesystem::remove(job.svg_file, ignored);
    }
    state.chart_export.rasterising.clear();
}

bool chart_grab_in_next_frame(const AppState& state) { return state.chart_export.grab.has_value(); }

void grab_chart_after_render(AppState& state, int fb_width, int fb_height) {
    if (!state.chart_export.grab || ImGui::GetFrameCount() <= state.chart_export.grab->asked_in_frame) return;
    const ChartExportState::Grab grab = std::move(*state.chart_export.grab);
    state.chart_export.grab.reset();
    ImVec2 min, max;
    if (!plot::chart_rect(grab.plot_id, &min, &max)) {
        notify(state, "Chart PNG not saved: the chart \"" + grab.title + "\" is no longer on screen");
        return;
    }
    // The chart's rectangle in framebuffer pixels (the framebuffer may be scaled from the UI's).
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float sx = display.x > 0 ? fb_width / display.x : 1.0f, sy = display.y > 0 ? fb_height / display.y : 1.0f;
    std::optional<gfx::FramebufferPixels> pixels = gfx::read_framebuffer_region(
        fb_width, fb_height, static_cast<int>(min.x * sx + 0.5f), static_cast<int>(min.y * sy + 0.5f),
        static_cast<int>((max.x - min.x) * sx + 0.5f), static_cast<int>((max.y - min.y) * sy + 0.5f));
    if (!pixels) {
        notify(state, "Chart PNG not saved: the chart \"" + grab.title + "\" lies outside the window");
        return;
    }
    FileRequest ask;
    ask.chooser.save = true;
    ask.chooser.title = "Save chart as PNG: " + grab.title;
    ask.chooser.suggested_name = timestamped_name(grab.title, "png");
    ask.chooser.filters = png_file_types();
    ask.on_chosen = [pixels = std::move(*pixels)](AppState& s, const std::string& path) mutable {
        write_png_beside(s, std::move(pixels), path, "Chart PNG");
    };
    ask_for_file(state, std::move(ask));
}

void poll_chart_rasterising(AppState& state) {
    auto& jobs = state.chart_export.rasterising;
    for (size_t i = 0; i < jobs.size();) {
        ChartExportState::Rasterising& job = jobs[i];
        if (!job.process->poll()) {
            ++i;
            continue;
        }
        const std::string& png = job.process->output();
        const std::string shown = shown_path(job.target);
        const int status = job.process->exit_status();
        if (status == 0 && png.size() > 8 && png.compare(0, 4, "\x89PNG") == 0) {
            WriteQueue::Write write;
            write.path = job.target;
            write.run = [target = job.target, png] { return files::write_file_atomically(target, png); };
            write.done = WriteQueue::say("Chart PNG (2\xC3\x97)", "saved", job.target);
            state.writes.push(std::move(write));
        } else if (status == 127) {
            notify(state, "Chart PNG (2\xC3\x97) not saved: it needs rsvg-convert (Debian: apt install librsvg2-bin); "
                          "PNG at 1\xC3\x97 and SVG need nothing");
        } else {
            notify(state, "Chart PNG (2\xC3\x97) not saved (" + shown + "): rsvg-convert failed (exit " +
                              std::to_string(status) + ")");
        }
        std::error_code ignored;
        std::filesystem::remove(job.svg_file, ignored);
        jobs.erase(jobs.begin() + static_cast<std::ptrdiff_t>(i));
    }
}

}  // namespace actviz::app
