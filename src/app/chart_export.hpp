#pragma once
// What every chart's context menu saves (plot::ChartExport): its data as CSV, the chart as SVG,
// the chart as PNG at 1× (its pixels, read from the framebuffer the frame after the menu closed,
// hover held off) and at 2× (its SVG rasterised by rsvg-convert at twice the size: crisp text
// and lines, rather than the 1× pixels scaled up). The file chooser asks where, proposing a name
// from the chart's title; every file is written whole or not at all (files::write_file_atomically);
// the status bar names the full path written, or says in one line why nothing was.

#include "app/app_state.hpp"

namespace actviz::app {

// Routes every chart's exports to files and the status bar (until uninstalled; `state` must outlive it).
void install_chart_export(AppState& state);
// Stops a rasterising still under way, removes its temporary SVG, and unroutes the charts.
void uninstall_chart_export(AppState& state);

// Before each frame is built: true when a chart is photographed in it (charts then take no hover).
bool chart_grab_in_next_frame(const AppState& state);
// After each frame renders, before the swap: the chart waiting to be photographed, read now, then
// the chooser asks where its PNG goes. Framebuffer size in pixels (it may be scaled from the UI's).
void grab_chart_after_render(AppState& state, int fb_width, int fb_height);
// Once a frame: a 2× PNG whose rsvg-convert has finished is written (or its failure said).
void poll_chart_rasterising(AppState& state);

}  // namespace actviz::app
