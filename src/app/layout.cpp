#include "app/layout.hpp"

#include <algorithm>
#include <cmath>

namespace actviz::app {

std::vector<Rect> tile_panels(Rect area, int count) {
    std::vector<Rect> rects;
    if (count <= 0) return rects;
    area.width = std::max(area.width, 0.0f);
    area.height = std::max(area.height, 0.0f);
    if (count == 1) return {area};
    if (count == 2) {
        const float left = std::floor(area.width / 2);
        return {{area.x, area.y, left, area.height}, {area.x + left, area.y, area.width - left, area.height}};
    }
    if (count <= 4) {
        // The first panel (the activation lab) gets the tall left column.
        const float left = std::floor(area.width * 0.5f);
        const float right_x = area.x + left, right_width = area.width - left;
        rects.push_back({area.x, area.y, left, area.height});
        const int stacked = count - 1;
        for (int i = 0; i < stacked; ++i) {
            const float y0 = std::floor(area.height * i / stacked), y1 = std::floor(area.height * (i + 1) / stacked);
            rects.push_back({right_x, area.y + y0, right_width, y1 - y0});
        }
        return rects;
    }
    const int columns = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(count))));
    const int rows = (count + columns - 1) / columns;
    for (int i = 0; i < count; ++i) {
        const int row = i / columns, column = i % columns;
        // The last row may be short: its panels share the whole width.
        const int in_row = row == rows - 1 ? count - row * columns : columns;
        const float x0 = std::floor(area.width * column / in_row), x1 = std::floor(area.width * (column + 1) / in_row);
        const float y0 = std::floor(area.height * row / rows), y1 = std::floor(area.height * (row + 1) / rows);
        rects.push_back({area.x + x0, area.y + y0, x1 - x0, y1 - y0});
    }
    return rects;
}

}  // namespace actviz::app
