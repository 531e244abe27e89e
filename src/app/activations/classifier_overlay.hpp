#pragma once
// The Activations page's overlay "where the Classifier's layer k sits" (issue 14 item 4): the live
// z histogram of the Classifier's chosen hidden layer (Trainer::z_histograms(), the one the
// Classifier's z-on-f view draws) as bars under the curves, scaled to the chart, so the curves'
// zones and the network's units are seen together.

#include "app/activations/activations_panel.hpp"
#include "core/trainer.hpp"

namespace actviz::app {

// The toggle and the layer chooser, and under them one line saying what the bars are — or why there
// are none (no network in the Classifier, no hidden layer) and when the layer's activation is not a
// curve shown here.
void draw_classifier_overlay_controls(ActivationsPanel& panel, const Trainer* classifier);
// Inside the curves chart, after its setup: the bars (recorded in panel.live.overlay_shown).
void plot_classifier_overlay(ActivationsPanel& panel, const Trainer* classifier);

}  // namespace actviz::app
