#pragma once
// Exports beside the session: a chart's data as CSV (its context menu), the classifier's weights
// as JSON (File menu). The file chooser asks where, proposing a name by what the file holds and
// when ("actviz-loss-20260101-120000.csv"); the status bar says where it went, or why not.

#include <string>

#include "app/app_state.hpp"

namespace actviz::app {

// "actviz-<slug of what>-YYYYmmdd-HHMMSS.<extension>" ("what" empty: no slug).
std::string timestamped_name(const std::string& what, const std::string& extension);

// Routes every chart's "Export data as CSV" to a file and the status bar (until the state goes).
void install_chart_export(AppState& state);
void uninstall_chart_export();

// Asks where, then writes the Classifier's weights as they are now.
void export_weights(AppState& state);

}  // namespace actviz::app
