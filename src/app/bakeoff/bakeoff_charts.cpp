// The Bake-off's overlaid charts, one colour per activation (the Activations panel's): train loss
// and test accuracy against step, and the gradient-health picture at the current step — the
// gradient norm of every weight layer and the dead (or saturated) share of every hidden layer.

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "app/activation_colour.hpp"
#include "app/bakeoff/bakeoff_views.hpp"
#include "app/classifier/classifier_views.hpp"
#include "plot/plot.hpp"

namespace actviz::app {
namespace {

// At most this many points per line: the history grows by one record per frame, times 8 lines.
constexpr size_t kMaxPoints = 600;

struct Line {
    std::string label;  // activation name, unique within the plot even for a repeated activation
    ImU32 colour;
    std::vector<double> xs, ys;
};

std::string label_of(const Bakeoff& bakeoff, int a) {
    std::string label(bakeoff.contestant(a, 0).activation_name());
    for (int b = 0; b < a; ++b) {
        if (bakeoff.contestant(b, 0).activation_name() == bakeoff.contestant(a, 0).activation_name()) {
            label += " (" + std::to_string(a + 1) + ")";
            break;
        }
    }
    return label;
}

ImU32 colour_of(const Contestant& c) { return activation_colour(*c.trainer().config().model.activations.front().activation); }

template <typename Get>
std::vector<Line> history_lines(const Bakeoff& bakeoff, Get get) {
    std::vector<Line> lines;
    for (int a = 0; a < bakeoff.activation_count(); ++a) {
        const Contestant& c = bakeoff.contestant(a, 0);
        const std::vector<HistoryRecord>& history = c.trainer().history();
        Line line{label_of(bakeoff, a), colour_of(c), {}, {}};
        const size_t stride = std::max<size_t>(1, (history.size() + kMaxPoints - 1) / kMaxPoints);
        for (size_t i = 0; i < history.size(); i += stride) {
            line.xs.push_back(static_cast<double>(history[i].step));
            line.ys.push_back(get(history[i]));
        }
        if (!history.empty() && (history.size() - 1) % stride != 0) {
            line.xs.push_back(static_cast<double>(history.back().step));
            line.ys.push_back(get(history.back()));
        }
        lines.push_back(std::move(line));
    }
    return lines;
}

double last_step(const Bakeoff& bakeoff) {
    std::int64_t last = 1;
    for (int i = 0; i < bakeoff.size(); ++i) last = std::max(last, bakeoff.contestant(i).trainer().steps());
    return static_cast<double>(last);
}

// The y range of every line, refitted each frame: the values move as the contestants train. On a
// log axis only positive values count (zeros are drawn at the floor by the plot layer).
void fit_y(const std::vector<Line>& lines, bool log) {
    double lo = INFINITY, hi = -INFINITY;
    for (const Line& line : lines) {
        for (double y : line.ys) {
            if (!std::isfinite(y) || (log && y <= 0)) continue;
            lo = std::min(lo, y), hi = std::max(hi, y);
        }
    }
    if (!(lo <= hi)) return;
    if (log) {
        plot::setup_axis_limits(plot::AxisId::Y, lo / 1.5, hi * 1.5, plot::Cond::Always);
    } else {
        const double pad = 0.06 * std::max(hi - lo, 1e-12);
        plot::setup_axis_limits(plot::AxisId::Y, std::min(lo - pad, 0.0), hi + pad, plot::Cond::Always);
    }
}

void draw_lines(const std::vector<Line>& lines, bool markers = false) {
    for (const Line& line : lines) {
        plot::plot_line(line.label.c_str(), line.xs.data(), line.ys.data(), static_cast<int>(line.xs.size()),
                        {line.colour, 1.8f, false});
        if (markers) {
            plot::plot_scatter(line.label.c_str(), line.xs.data(), line.ys.data(), static_cast<int>(line.xs.size()),
                               line.colour, 3.0f);
        }
    }
}

void loss_chart(const Bakeoff& bakeoff, bool log, ImVec2 size) {
    // The legend names the colours (as the thumbnails' captions do); where it would hide curves it
    // folds into a tab above the chart.
    if (!plot::begin_plot("##bakeoff-loss", size, "train loss", plot::PlotFlags_WholeX)) return;
    plot::setup_axis(plot::AxisId::X, "step");
    plot::setup_axis_limits(plot::AxisId::X, 0, last_step(bakeoff), plot::Cond::Always);
    plot::setup_axis(plot::AxisId::Y, "", log ? plot::Scale::Log10 : plot::Scale::Linear);
    const std::vector<Line> lines = history_lines(bakeoff, [](const HistoryRecord& r) { return r.train_loss; });
    fit_y(lines, log);
    draw_lines(lines);
    plot::end_plot();
}

void accuracy_chart(const Bakeoff& bakeoff, ImVec2 size) {
    const bool test = !bakeoff.contestant(0).trainer().data().test.empty();
    if (!plot::begin_plot("##bakeoff-accuracy", size, test ? "test accuracy" : "train accuracy", plot::PlotFlags_WholeX)) {
        return;
    }
    plot::setup_axis(plot::AxisId::X, "step");
    plot::setup_axis_limits(plot::AxisId::X, 0, last_step(bakeoff), plot::Cond::Always);
    plot::setup_axis(plot::AxisId::Y, "");
    plot::setup_axis_limits(plot::AxisId::Y, 0, 1.02, plot::Cond::Always);
    draw_lines(history_lines(bakeoff, [test](const HistoryRecord& r) {
        return test ? r.test_accuracy.value_or(NAN) : r.train_accuracy;
    }));
    plot::end_plot();
}

// Per-layer values of each contestant's last record, against the layer number (1 = input side).
template <typename Get>
void layer_chart(const Bakeoff& bakeoff, const char* id, const char* title, int layers, bool last_is_output, bool log,
                 bool fractions, Get get, ImVec2 size) {
    if (!plot::begin_plot(id, size, title, plot::PlotFlags_WholeX)) return;  // x: layers
    std::vector<double> ticks;
    std::vector<std::string> names;
    for (int l = 0; l < layers; ++l) {
        ticks.push_back(l + 1);
        names.push_back(last_is_output && l + 1 == layers ? "out" : "L" + std::to_string(l + 1));
    }
    std::vector<const char*> labels;
    for (const std::string& name : names) labels.push_back(name.c_str());
    plot::setup_axis(plot::AxisId::X, "layer");
    plot::setup_axis_limits(plot::AxisId::X, 0.6, layers + 0.4, plot::Cond::Always);
    plot::setup_axis_ticks(plot::AxisId::X, ticks.data(), labels.data(), layers);
    plot::setup_axis(plot::AxisId::Y, "", log ? plot::Scale::Log10 : plot::Scale::Linear);
    std::vector<Line> lines;
    for (int a = 0; a < bakeoff.activation_count(); ++a) {
        const Contestant& c = bakeoff.contestant(a, 0);
        const HistoryRecord& last = c.trainer().history().back();
        Line line{label_of(bakeoff, a), colour_of(c), ticks, {}};
        for (int l = 0; l < layers; ++l) line.ys.push_back(get(last, l));
        lines.push_back(std::move(line));
    }
    if (fractions) {
        plot::setup_axis_limits(plot::AxisId::Y, 0, 1.02, plot::Cond::Always);
    } else {
        fit_y(lines, log);
    }
    draw_lines(lines, true);
    plot::end_plot();
}

// The long title when it fits above the chart, else the short one.
const char* fitting_title(const char* long_title, const char* short_title, float width) {
    return ImGui::CalcTextSize(long_title).x < width - ImGui::GetFontSize() ? long_title : short_title;
}

}  // namespace

void draw_bakeoff_charts(BakeoffPanel& panel, ImVec2 size) {
    const Bakeoff* bakeoff = panel.live.bakeoff();
    if (!bakeoff) return;
    const BakeoffSettings& settings = panel.settings;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const ImVec2 cell(std::floor((size.x - 3 * spacing) / 4), size.y);
    const Trainer& first = bakeoff->contestant(0).trainer();
    loss_chart(*bakeoff, settings.log_loss, cell);
    ImGui::SameLine();
    accuracy_chart(*bakeoff, cell);
    ImGui::SameLine();
    layer_chart(
        *bakeoff, "##bakeoff-grad", fitting_title("‖∂L/∂W‖ per layer, now", "‖∂L/∂W‖ now", cell.x), first.mlp().layer_count(), true, settings.log_grad, false,
        [](const HistoryRecord& r, int l) {
            return static_cast<size_t>(l) < r.layer_grad_norm.size() ? r.layer_grad_norm[static_cast<size_t>(l)] : NAN;
        },
        cell);
    ImGui::SameLine();
    const int hidden = first.mlp().hidden_count();
    if (hidden == 0) {
        ImGui::Dummy(cell);
        return;
    }
    layer_chart(
        *bakeoff, "##bakeoff-dead", fitting_title("inactive units per layer, now", "inactive now", cell.x), hidden, false, false, true,
        [](const HistoryRecord& r, int l) {
            return static_cast<size_t>(l) < r.layer_dead_fraction.size() ? r.layer_dead_fraction[static_cast<size_t>(l)]
                                                                          : NAN;
        },
        cell);
}

}  // namespace actviz::app
