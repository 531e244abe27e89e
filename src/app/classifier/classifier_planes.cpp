#include "app/classifier/classifier_planes.hpp"

#include <algorithm>
#include <chrono>

#include "app/classifier/classifier_timing.hpp"

namespace actviz::app {
namespace {

using Clock = std::chrono::steady_clock;

bool same_view(const GridView& a, const GridView& b) {
    return a.width == b.width && a.height == b.height && a.x_min == b.x_min && a.x_max == b.x_max &&
           a.y_min == b.y_min && a.y_max == b.y_max;
}

}  // namespace

bool PlaneRequest::operator==(const PlaneRequest& other) const {
    return same_view(view, other.view) && dead_layer == other.dead_layer && unit_layer == other.unit_layer &&
           unit == other.unit && thumbnail_samples == other.thumbnail_samples && linear_regions == other.linear_regions;
}

void compute_planes(const Mlp& mlp, const PlaneRequest& request, const PlaneColours& colours, GridEvaluator& evaluator,
                    PlanePictures& out) {
    const auto start = Clock::now();
    const GridView& view = request.view;
    out.request = request;
    GridRequest grid_request;
    grid_request.probabilities = true;
    grid_request.inactive_counts = mlp.hidden_count() > 0;
    grid_request.count_layer = request.dead_layer < mlp.hidden_count() ? request.dead_layer : -1;
    out.unit_shown = request.unit_layer >= 0 && request.unit_layer < mlp.hidden_count() && request.unit >= 0 &&
                     request.unit < mlp.units(request.unit_layer);
    grid_request.unit_layer = out.unit_shown ? request.unit_layer : -1;
    grid_request.unit = out.unit_shown ? request.unit : -1;
    // The diagram's node pictures: one grid pixel in `stride` each way, from this same pass.
    grid_request.thumbnail_stride =
        request.thumbnail_samples > 0 ? std::max(1, std::max(view.width, view.height) / request.thumbnail_samples) : 0;
    grid_request.activation_patterns = request.linear_regions;
    evaluator.evaluate(mlp, view, grid_request, out.grid);
    const GridResult& grid = out.grid;
    colour_regions(grid, colours.palette, colours.background, out.regions);
    decision_contours(grid, out.contours);
    out.pattern_units = 0;
    out.linear.clear();
    // Recycled buffers: nothing of an earlier picture may stay in them.
    out.linear_regions.count = 0;
    out.linear_regions.region.clear();
    out.linear_regions.key.clear();
    if (request.linear_regions) {
        label_linear_regions(grid.patterns, grid.pattern_words,
                             static_cast<size_t>(grid.width) * static_cast<size_t>(grid.height), out.linear_regions);
        out.pattern_units = pattern_layout(mlp).units;
        colour_linear_regions(out.linear_regions, grid.width, grid.height, out.linear);
    }
    out.boundary_ms = milliseconds_since(start);

    const auto colours_start = Clock::now();
    out.counts.clear();
    if (grid_request.inactive_counts) {
        int units = 0;
        for (int h = 0; h < mlp.hidden_count(); ++h) {
            if (grid_request.count_layer < 0 || grid_request.count_layer == h) units += mlp.units(h);
        }
        colour_counts(grid, units, colours.count_ramp, out.counts);
    }
    out.unit.clear();
    if (out.unit_shown) colour_unit(grid, colours.unit_on, colours.unit_off, out.unit);
    out.thumbnails.clear();
    out.atlas = ThumbnailAtlas{};
    if (grid_request.thumbnail_stride > 0) colour_thumbnails(grid.thumbnails, colours.palette, colours.background, out.atlas, out.thumbnails);
    out.colours_ms = milliseconds_since(colours_start);
}

}  // namespace actviz::app
