#pragma once
// The Classifier panel's parts, one file each: controls (classifier_controls.cpp), the two planes
// and the unit grid (classifier_views.cpp), the history charts (classifier_charts.cpp). The panel
// (classifier_panel.cpp) lays them out.

#include <imgui.h>

#include <string>

#include <span>

#include "app/classifier/classifier_panel.hpp"
#include "app/classifier/classifier_image.hpp"
#include "core/training_verdict.hpp"

namespace actviz::app {

// Left column: presets with their lesson, data, network and training settings, mouse editing, timings.
void draw_classifier_controls(ClassifierPanel& panel, PanelContext& context);
// The control groups, shared with the Bake-off panel (which chooses the activations itself).
// `trained`: the network on screen, whose points may differ from the settings' (edited by hand).
void draw_classifier_data(ClassifierSettings& settings, const Trainer* trained = nullptr);
// `link`: to draw the activation choice with its "link" toggle (the Classifier); null: no
// activation choice (the Bake-off picks several itself).
void draw_classifier_network(ClassifierSettings& settings, HiddenLayersEdit& hidden, LinkContext* link);
void draw_classifier_training(ClassifierSettings& settings, int train_points);
// Play/pause, step, reset, steps per frame; the step count and accuracy; the divergence banner.
void draw_classifier_toolbar(ClassifierPanel& panel, const UiFonts& fonts);

// Decision regions with contours and the data (the plane the user pans and zooms; clicks edit the
// data). Evaluates the grid for this frame's view, so it comes before the other views.
void draw_boundary_plane(ClassifierPanel& panel, ImVec2 size);
// The same plane shaded by inactive hidden units, or the hovered unit's active region.
void draw_dead_plane(ClassifierPanel& panel, ImVec2 size);
// Every hidden unit as a cell coloured by its activity; per-layer dead share. Sets the hovered unit.
void draw_unit_grid(ClassifierPanel& panel, ImVec2 size);

// Loss, accuracy, dead fraction and gradient norm against step, side by side in `size`.
void draw_classifier_charts(ClassifierPanel& panel, ImVec2 size);

// Colours shared by the views: class k's colour, and the statistic's name ("dead" or "saturated").
ImU32 class_colour(int k);
// What the legend, tooltips and mouse tools call the points labelled k: "class 0" .. "class K−1",
// numbered as the data (Point::label), the Softmax page (p0, z0), the CLI and PyTorch number them.
std::string class_label(int k);
// The same as pixels for classifier_image.hpp: class colours, and the plane's background.
std::span<const Rgb> class_rgb_palette();
Rgb plane_background();
const char* inactivity_word(const Trainer& trainer);
// A verdict's colour: green (healthy) through yellow and orange to red (critical).
ImU32 severity_colour(Severity severity);

}  // namespace actviz::app
