#pragma once
// Exports beside the session: a chart's data as CSV (its context menu), the classifier's weights
// as JSON (File menu), one panel as PNG (File menu). Files go to the folder actviz was started
// from, named by what they hold and when ("actviz-loss-20260101-120000.csv"); the status bar says
// where, or why not.

#include <string>

#include "app/app_state.hpp"

namespace actviz::app {

// "actviz-<slug of what>-YYYYmmdd-HHMMSS.<extension>" ("what" empty: no slug).
std::string timestamped_name(const std::string& what, const std::string& extension);

// Routes every chart's "Export data as CSV" to a file and the status bar (until the state goes).
void install_chart_export(AppState& state);
void uninstall_chart_export();

void export_weights(AppState& state);

}  // namespace actviz::app
