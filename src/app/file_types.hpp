#pragma once
// The file types actviz opens and writes, as every chooser offers them (the in-app browser's type
// box, zenity's and kdialog's filters). "All files" is always added after them.

#include <vector>

#include "files/file_filter.hpp"

namespace actviz::app {

// Sessions: *.actviz.json is what the desktop associates with actviz once it is installed; any
// .json opens as well (File > Open reads the content, not the name).
inline std::vector<files::FileFilter> session_file_types() { return {{"Sessions", {".actviz.json", ".json"}}}; }
inline std::vector<files::FileFilter> points_file_types() { return {{"Points (CSV)", {".csv"}}}; }
inline std::vector<files::FileFilter> csv_file_types() { return {{"CSV", {".csv"}}}; }
inline std::vector<files::FileFilter> png_file_types() { return {{"PNG images", {".png"}}}; }
inline std::vector<files::FileFilter> json_file_types() { return {{"JSON", {".json"}}}; }

}  // namespace actviz::app
