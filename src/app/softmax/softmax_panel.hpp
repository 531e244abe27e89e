#pragma once
// The Softmax panel: logits and temperature; everything shown is computed each frame by core.

#include "app/panel_context.hpp"
#include "app/softmax/softmax_step_table.hpp"
#include "core/softmax_steps.hpp"
#include "core/softmax_temperature_sweep.hpp"
#include "settings/softmax_settings.hpp"

namespace actviz::app {

// What the page drew in its last frame, from the settings of that frame (tests read it).
struct SoftmaxLive {
    SoftmaxSteps steps;       // the step table's numbers: core's softmax_steps(z, T)
    SoftmaxStepTable table;   // the same as the table's cells print them
    TemperatureSweep sweep;   // the temperature chart: core's sweep over 0.01–100, marked at the slider's T
};

struct SoftmaxPanel {
    SoftmaxSettings settings;
    SoftmaxLive live;
};

void draw_softmax_panel(SoftmaxPanel& panel, PanelContext& context);

}  // namespace actviz::app
