#pragma once
// What File > Import data and Export data remember between frames: which dialog is up, the path
// being typed and whether imported points are rescaled into the plane (also for dropped files).

#include <array>
#include <string>

namespace actviz::app {

enum class DataDialog { None, Import, Export, Error };

struct DataUiState {
    DataDialog dialog = DataDialog::None;
    bool dialog_opening = false;          // OpenPopup is due this frame
    std::array<char, 1024> path_input{};  // the Import / Export text box
    bool rescale = false;                 // move and scale imported points into the plane
    std::string error;                    // the Error dialog's message
};

}  // namespace actviz::app
