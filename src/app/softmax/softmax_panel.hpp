#pragma once
// The Softmax panel: logits and temperature; everything shown is computed each frame.

#include "app/panel_context.hpp"
#include "settings/softmax_settings.hpp"

namespace actviz::app {

struct SoftmaxPanel {
    SoftmaxSettings settings;
};

void draw_softmax_panel(SoftmaxPanel& panel, PanelContext& context);

}  // namespace actviz::app
