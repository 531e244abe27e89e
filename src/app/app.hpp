#pragma once

#include "settings/launch_options.hpp"

namespace actviz::app {

// Opens the window and runs the visualiser until the user quits or `options.frames` have been
// drawn. Returns the process exit status: 0, or 1 when no window can be opened or the requested
// screenshot cannot be written (the reason is printed as one line on stderr).
int run(const settings::LaunchOptions& options);

}  // namespace actviz::app
