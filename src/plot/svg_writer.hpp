#pragma once
// A chart as an SVG file ("Save chart as SVG…"): the shapes the chart drew (chart_scene.hpp) as
// SVG elements a browser, Inkscape or rsvg-convert opens: lines as <polyline> (dashed with
// stroke-dasharray), markers as <circle>, bars, cells and spans as <rect>, bands as <polygon>,
// text as <text> in the app's font, pictures as embedded PNG. One <g id> per part of the chart
// (axes, items, legend, colour-bar), so an editor can select them apart; the items are clipped to
// the data area, and lines are cut at its edges so no point lies outside the picture.

#include <string>

#include "plot/chart_scene.hpp"

namespace actviz::plot {

std::string chart_svg(const ChartScene& scene);

}  // namespace actviz::plot
