#pragma once
// Help > Choosing an activation: the textbook's decision guide (settings/activation_guide.hpp),
// every piece of advice a click away from the panel and preset that shows it.

#include "app/app_state.hpp"
#include "settings/activation_guide.hpp"

namespace actviz::app {

void draw_guide_window(AppState& state);
// Shows the guide's link's panel with its preset applied (and playing), as --panel and --preset do.
void open_guide_link(AppState& state, const settings::GuideLink& link);

}  // namespace actviz::app
