#pragma once
// The data behind one chart as CSV, for "Export data as CSV" in the chart's context menu: every
// item the chart drew in one long table, one row per point,
//   series,x,y,value
// lines, scatter and bars fill x and y; a band gives two series, "name (low)" and "name (high)";
// a heatmap gives one row per cell with x, y at the cell's centre and the cell's value. Numbers
// are written with %.17g so they read back to the same double; NaN and ±∞ as nan, inf, -inf.

#include <string>
#include <string_view>

#include "files/csv_field.hpp"

namespace actviz::plot {

class CsvTable {
   public:
    void add_points(std::string_view series, const double* xs, const double* ys, int count);
    void add_band(std::string_view series, const double* xs, const double* y_low, const double* y_high, int count);
    void add_grid(std::string_view series, const double* values, int rows, int cols, double x_min, double x_max,
                  double y_min, double y_max);
    bool empty() const { return rows_ == 0; }
    std::string text() const;  // with the header row

   private:
    void row(std::string_view series, double x, double y, const double* value);
    std::string body_;
    int rows_ = 0;
};

// A series name as a CSV field (files/csv_field.hpp).
using files::csv_field;

}  // namespace actviz::plot
