#pragma once
// The Classifier's planes as pixels: the decision regions and their contours, the inactive-unit
// counts, one unit's active region, the network diagram's node pictures and the linear regions, all
// from one GridEvaluator pass over a network. A pure function of the network and the request, so the
// same computation runs on the UI thread while training is paused and on a worker thread (over a copy
// of the weights, plane_worker.hpp) while it plays. No GL here: ClassifierLive uploads the pixels.

#include <cstdint>
#include <vector>

#include "app/classifier/classifier_image.hpp"
#include "app/classifier/classifier_thumbnails.hpp"
#include "core/grid.hpp"
#include "core/linear_regions.hpp"
#include "core/mlp.hpp"

namespace actviz::app {

// What the planes show.
struct PlaneRequest {
    GridView view;
    int dead_layer = -1;  // −1: every hidden layer
    int unit_layer = -1;  // ≥ 0 with unit ≥ 0: that unit's active region
    int unit = -1;
    int thumbnail_samples = 0;    // > 0: every node's picture for the network diagram, about this many samples a side
    bool linear_regions = false;  // the plane coloured by activation pattern, the regions counted
    bool operator==(const PlaneRequest& other) const;
};

// The colours the pictures are painted in (the panel's theme).
struct PlaneColours {
    std::vector<Rgb> palette;  // a colour per class
    Rgb background;
    std::vector<std::uint32_t> count_ramp;  // inactive counts: none → front, all → back
    std::uint32_t unit_on = 0, unit_off = 0;
};

struct PlanePictures {
    PlaneRequest request;  // what they were asked for (request.view: the grid computed)
    GridResult grid;       // probabilities, counts, thumbnails and patterns behind the pictures
    std::vector<Segment> contours;
    // RGBA pixels, row 0 at the top; each empty when its picture was not asked for (or is meaningless:
    // no hidden layer has no counts). regions, counts, unit and linear are grid.width × grid.height;
    // thumbnails is atlas.width() × atlas.height().
    std::vector<std::uint32_t> regions, counts, unit, thumbnails, linear;
    ThumbnailAtlas atlas;
    LinearRegions linear_regions;
    int pattern_units = 0;  // the piecewise-linear units the patterns are of
    bool unit_shown = false;
    double boundary_ms = 0;  // the pass, the regions' colours and the contours (and the linear regions)
    double colours_ms = 0;   // the counts', unit's and thumbnails' colours
};

// Computes every picture `request` asks of `mlp` into `out`, reusing its buffers.
void compute_planes(const Mlp& mlp, const PlaneRequest& request, const PlaneColours& colours, GridEvaluator& evaluator,
                    PlanePictures& out);

}  // namespace actviz::app
