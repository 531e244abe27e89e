#pragma once
// What File > Import data and Export data remember between frames: whether imported points are
// rescaled into the plane (also for dropped files) and the error dialog. The path is asked by the
// file chooser (file_chooser.hpp).

#include <array>
#include <string>

namespace actviz::app {

enum class DataDialog { None, Error };

struct DataUiState {
    DataDialog dialog = DataDialog::None;
    bool dialog_opening = false;          // OpenPopup is due this frame
    bool rescale = false;                 // move and scale imported points into the plane
    std::string error;                    // the Error dialog's message
};

}  // namespace actviz::app
