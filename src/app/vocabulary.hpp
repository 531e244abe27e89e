#pragma once
// The app speaks the settings layer's vocabulary: its structs, enums and presets (src/settings/)
// are named without a prefix inside actviz::app.

namespace actviz::settings {}

namespace actviz::app {
using namespace actviz::settings;
}  // namespace actviz::app
