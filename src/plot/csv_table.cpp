#include "plot/csv_table.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace actviz::plot {

namespace {

void append_number(std::string& out, double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.17g", value);
    out += text;
}

// The same doubles, NaN included (NaN ≠ NaN would make every series with a gap look unique).
bool same(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

}  // namespace

std::string CsvTable::unique_name(std::string_view name) const {
    auto taken = [&](const std::string& n) {
        return std::any_of(series_.begin(), series_.end(), [&](const Series& s) { return s.name == n; });
    };
    std::string candidate(name);
    for (int k = 2; taken(candidate); ++k) candidate = std::string(name) + " (" + std::to_string(k) + ")";
    return candidate;
}

void CsvTable::add_points(std::string_view series, const double* xs, const double* ys, int count, bool named) {
    if (!xs || !ys || count <= 0) return;
    Series s{std::string(series), std::vector<double>(xs, xs + count), std::vector<double>(ys, ys + count), {}};
    for (const Series& earlier : series_) {
        // Markers on a line: the same points under the same name, or under no name of their own.
        const bool repeated = earlier.values.empty() && same(earlier.xs, s.xs) && same(earlier.ys, s.ys);
        if (repeated && (earlier.name == s.name || !named)) return;
    }
    s.name = unique_name(series);
    series_.push_back(std::move(s));
}

void CsvTable::add_band(std::string_view series, const double* xs, const double* y_low, const double* y_high,
                        int count) {
    add_points(std::string(series) + " (low)", xs, y_low, count);
    add_points(std::string(series) + " (high)", xs, y_high, count);
}

void CsvTable::add_grid(std::string_view series, const double* values, int rows, int cols, double x_min, double x_max,
                        double y_min, double y_max) {
    if (!values || rows <= 0 || cols <= 0) return;
    Series s{unique_name(series), {}, {}, {}};
    const double cell_w = (x_max - x_min) / cols, cell_h = (y_max - y_min) / rows;
    for (int r = 0; r < rows; ++r) {  // row 0 at the top (y_max), as the heatmap draws it
        for (int c = 0; c < cols; ++c) {
            s.xs.push_back(x_min + (c + 0.5) * cell_w);
            s.ys.push_back(y_max - (r + 0.5) * cell_h);
            s.values.push_back(values[static_cast<size_t>(r) * static_cast<size_t>(cols) + static_cast<size_t>(c)]);
        }
    }
    series_.push_back(std::move(s));
}

std::vector<double> CsvTable::shared_xs() const {
    std::vector<double> all;
    size_t longest = 0;
    for (const Series& s : series_) {
        // Each series' x must rise strictly (one row per x) and be a number.
        if (!s.values.empty()) return {};
        for (size_t i = 0; i < s.xs.size(); ++i) {
            if (!std::isfinite(s.xs[i]) || (i > 0 && !(s.xs[i] > s.xs[i - 1]))) return {};
        }
        all.insert(all.end(), s.xs.begin(), s.xs.end());
        longest = std::max(longest, s.xs.size());
    }
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    // Mostly shared: a few x of one series' own (ReLU sampled at its kink) leave cells empty; more
    // would leave a sparse table, which the long form says better.
    if (all.size() > longest + longest / 20) return {};
    return all;
}

bool CsvTable::wide() const { return !series_.empty() && !shared_xs().empty(); }

std::string CsvTable::text() const {
    std::string out;
    if (wide()) {
        out += csv_field(x_name_.empty() ? "x" : x_name_);
        for (const Series& s : series_) out += ',' + csv_field(s.name);
        out += '\n';
        const std::vector<double> xs = shared_xs();
        std::vector<size_t> next(series_.size(), 0);  // each series' next point
        for (double x : xs) {
            append_number(out, x);
            for (size_t k = 0; k < series_.size(); ++k) {
                out += ',';
                const Series& s = series_[k];
                if (next[k] < s.xs.size() && s.xs[next[k]] == x) append_number(out, s.ys[next[k]++]);  // else: no point at this x
            }
            out += '\n';
        }
        return out;
    }
    out = "series,x,y,value\n";
    for (const Series& s : series_) {
        const std::string name = csv_field(s.name);
        for (size_t i = 0; i < s.xs.size(); ++i) {
            out += name;
            out += ',';
            append_number(out, s.xs[i]);
            out += ',';
            append_number(out, s.ys[i]);
            out += ',';
            if (!s.values.empty()) append_number(out, s.values[i]);
            out += '\n';
        }
    }
    return out;
}

}  // namespace actviz::plot
