#pragma once
// The data behind one chart as CSV, for "Export data as CSV" in the chart's context menu.
//
// Wide, when every series is a line, markers or bars over (mostly) the same rising x values (the
// usual chart: activations sampled on one grid, losses per step): one row per x, one column per
// series, a cell left empty where a series has no point at that x (ReLU's extra sample at its kink),
//   x,sigmoid,tanh
// Long otherwise (series of different x, heatmaps): one row per point,
//   series,x,y,value
// lines, scatter and bars fill x and y; a heatmap gives one row per cell with x, y at the cell's
// centre and the cell's value. A band gives two series, "name (low)" and "name (high)".
//
// One series per thing a reader would name: markers drawn on a line under the same label (or
// under no label of their own, "##id") with the same points are that line, not a second series;
// another series of the same name but other points is "name (2)". Numbers are written with %.17g
// so they read back to the same double; NaN and ±∞ as nan, inf, -inf.

#include <string>
#include <string_view>
#include <vector>

#include "files/csv_field.hpp"

namespace actviz::plot {

class CsvTable {
   public:
    // The x column's name in the wide form (the chart's x axis label); "x" when empty.
    void set_x_name(std::string name) { x_name_ = std::move(name); }
    // `named`: the series has a name of its own (a legend entry), not only an id: an unnamed one
    // whose points repeat an earlier series' is left out whatever its name.
    void add_points(std::string_view series, const double* xs, const double* ys, int count, bool named = true);
    void add_band(std::string_view series, const double* xs, const double* y_low, const double* y_high, int count);
    void add_grid(std::string_view series, const double* values, int rows, int cols, double x_min, double x_max,
                  double y_min, double y_max);
    bool empty() const { return series_.empty(); }
    bool wide() const;         // the form text() writes
    std::string text() const;  // with the header row

   private:
    struct Series {
        std::string name;
        std::vector<double> xs, ys, values;  // values: a heatmap's cells (xs, ys their centres)
    };
    std::string unique_name(std::string_view name) const;
    // The x values of the wide form, every series' in rising order; empty when the long form it is.
    std::vector<double> shared_xs() const;
    std::vector<Series> series_;
    std::string x_name_;
};

// A series name as a CSV field (files/csv_field.hpp).
using files::csv_field;

}  // namespace actviz::plot
