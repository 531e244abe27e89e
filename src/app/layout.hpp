#pragma once
// Where the visible panels go: they tile the work area (the window minus the menu and status
// bars) with no gaps and no overlap, and follow it when the window is resized.

#include <vector>

namespace actviz::app {

struct Rect {
    float x = 0, y = 0, width = 0, height = 0;
};

// One rectangle per visible panel, in panel order. 1 panel: the whole area; 2: side by side;
// 3 or 4: the first as a tall left column, the others stacked on the right; 5 or more: a grid.
std::vector<Rect> tile_panels(Rect work_area, int visible_panels);

}  // namespace actviz::app
