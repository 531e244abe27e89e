#include "plot/csv_table.hpp"

#include <cstdio>

namespace actviz::plot {

namespace {

void append_number(std::string& out, double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.17g", value);
    out += text;
}

}  // namespace

void CsvTable::row(std::string_view series, double x, double y, const double* value) {
    body_ += csv_field(series);
    body_ += ',';
    append_number(body_, x);
    body_ += ',';
    append_number(body_, y);
    body_ += ',';
    if (value) append_number(body_, *value);
    body_ += '\n';
    ++rows_;
}

void CsvTable::add_points(std::string_view series, const double* xs, const double* ys, int count) {
    if (!xs || !ys) return;
    for (int i = 0; i < count; ++i) row(series, xs[i], ys[i], nullptr);
}

void CsvTable::add_band(std::string_view series, const double* xs, const double* y_low, const double* y_high,
                        int count) {
    add_points(std::string(series) + " (low)", xs, y_low, count);
    add_points(std::string(series) + " (high)", xs, y_high, count);
}

void CsvTable::add_grid(std::string_view series, const double* values, int rows, int cols, double x_min, double x_max,
                        double y_min, double y_max) {
    if (!values || rows <= 0 || cols <= 0) return;
    const double cell_w = (x_max - x_min) / cols, cell_h = (y_max - y_min) / rows;
    for (int r = 0; r < rows; ++r) {  // row 0 at the top (y_max), as the heatmap draws it
        for (int c = 0; c < cols; ++c) {
            row(series, x_min + (c + 0.5) * cell_w, y_max - (r + 0.5) * cell_h,
                &values[static_cast<size_t>(r) * static_cast<size_t>(cols) + static_cast<size_t>(c)]);
        }
    }
}

std::string CsvTable::text() const { return "series,x,y,value\n" + body_; }

}  // namespace actviz::plot
