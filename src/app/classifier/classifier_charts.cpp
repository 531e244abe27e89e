// The Classifier panel's history charts: loss, accuracy, dead (or saturated) fraction per layer and
// gradient norm per layer against the optimiser step, from the Trainer's history.

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "app/classifier/classifier_views.hpp"
#include "app/widgets.hpp"
#include "plot/plot.hpp"

namespace actviz::app {
namespace {

// At most this many points per line: the history grows by one record per frame.
constexpr size_t kMaxPoints = 1200;

// Every stride-th record (and always the last) of the history.
std::vector<const HistoryRecord*> sampled(const std::vector<HistoryRecord>& history) {
    std::vector<const HistoryRecord*> out;
    if (history.empty()) return out;
    const size_t stride = std::max<size_t>(1, (history.size() + kMaxPoints - 1) / kMaxPoints);
    for (size_t i = 0; i < history.size(); i += stride) out.push_back(&history[i]);
    if (out.back() != &history.back()) out.push_back(&history.back());
    return out;
}

struct Series {
    std::vector<double> steps, values;
};

template <typename Get>
Series series_of(const std::vector<const HistoryRecord*>& records, Get get) {
    Series s;
    s.steps.reserve(records.size());
    s.values.reserve(records.size());
    for (const HistoryRecord* r : records) {
        s.steps.push_back(static_cast<double>(r->step));
        s.values.push_back(get(*r));
    }
    return s;
}

void line(const char* label, const Series& s, ImU32 colour, bool dashed = false) {
    plot::plot_line(label, s.steps.data(), s.values.data(), static_cast<int>(s.steps.size()), {colour, 1.8f, dashed});
}

void setup_steps(const std::vector<const HistoryRecord*>& records) {
    plot::setup_axis(plot::AxisId::X, "step");
    const double last = records.empty() ? 1.0 : std::max(1.0, static_cast<double>(records.back()->step));
    plot::setup_axis_limits(plot::AxisId::X, 0, last, plot::Cond::Always);
}

// A colour per hidden or weight layer, input side blue to output side red.
ImU32 layer_colour(int layer, int count) {
    return plot::diverging_colour(count <= 1 ? -1.0 : -1.0 + 2.0 * layer / (count - 1));
}

void loss_chart(const std::vector<const HistoryRecord*>& records, bool log, ImVec2 size) {
    if (!plot::begin_plot("##loss", size, "cross-entropy loss", plot::PlotFlags_WholeX)) return;
    setup_steps(records);
    plot::setup_axis(plot::AxisId::Y, "", log ? plot::Scale::Log10 : plot::Scale::Linear);
    line("train", series_of(records, [](const HistoryRecord& r) { return r.train_loss; }), plot::series_colour(0));
    if (!records.empty() && records.back()->test_loss) {
        line("test", series_of(records, [](const HistoryRecord& r) { return r.test_loss.value_or(NAN); }),
             plot::series_colour(1), true);
    }
    plot::end_plot();
}

void accuracy_chart(const std::vector<const HistoryRecord*>& records, ImVec2 size) {
    if (!plot::begin_plot("##accuracy", size, "accuracy", plot::PlotFlags_WholeX)) return;
    setup_steps(records);
    plot::setup_axis(plot::AxisId::Y, "");
    plot::setup_axis_limits(plot::AxisId::Y, 0, 1.02, plot::Cond::Always);
    line("train", series_of(records, [](const HistoryRecord& r) { return r.train_accuracy; }), plot::series_colour(0));
    if (!records.empty() && records.back()->test_accuracy) {
        line("test", series_of(records, [](const HistoryRecord& r) { return r.test_accuracy.value_or(NAN); }),
             plot::series_colour(1), true);
    }
    plot::end_plot();
}

void dead_chart(const Trainer& trainer, const std::vector<const HistoryRecord*>& records, ImVec2 size) {
    char title[64];
    std::snprintf(title, sizeof title, "%s units per layer", inactivity_word(trainer));
    if (!plot::begin_plot("##dead", size, title, plot::PlotFlags_WholeX)) return;
    setup_steps(records);
    plot::setup_axis(plot::AxisId::Y, "");
    plot::setup_axis_limits(plot::AxisId::Y, 0, 1.02, plot::Cond::Always);
    const int layers = trainer.mlp().hidden_count();
    for (int h = 0; h < layers; ++h) {
        char label[16];
        std::snprintf(label, sizeof label, "L%d", h + 1);
        line(label, series_of(records, [h](const HistoryRecord& r) {
                 return static_cast<size_t>(h) < r.layer_dead_fraction.size() ? r.layer_dead_fraction[h] : NAN;
             }),
             layer_colour(h, layers));
    }
    plot::end_plot();
}

void gradient_chart(const Trainer& trainer, const std::vector<const HistoryRecord*>& records, bool log, ImVec2 size) {
    if (!plot::begin_plot("##grad", size, "‖∂L/∂W‖ per layer", plot::PlotFlags_WholeX)) return;
    setup_steps(records);
    plot::setup_axis(plot::AxisId::Y, "", log ? plot::Scale::Log10 : plot::Scale::Linear);
    const int layers = trainer.mlp().layer_count();
    for (int l = 0; l < layers; ++l) {
        char label[16];
        if (l + 1 == layers)
            std::snprintf(label, sizeof label, "out");
        else
            std::snprintf(label, sizeof label, "L%d", l + 1);
        line(label, series_of(records, [l](const HistoryRecord& r) {
                 return static_cast<size_t>(l) < r.layer_grad_norm.size() ? r.layer_grad_norm[l] : NAN;
             }),
             layer_colour(l, layers));
    }
    plot::end_plot();
}

}  // namespace

void draw_classifier_charts(ClassifierPanel& panel, ImVec2 size) {
    const Trainer* trainer = panel.live.trainer();
    if (!trainer) return;
    ClassifierView& view = panel.settings.view;
    const std::vector<const HistoryRecord*> records = sampled(trainer->history());
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float width = std::floor((size.x - 3 * spacing) / 4);
    const ImVec2 cell(width, size.y);
    ImGui::BeginGroup();
    loss_chart(records, view.log_loss, cell);
    ImGui::SameLine();
    accuracy_chart(records, cell);
    ImGui::SameLine();
    dead_chart(*trainer, records, cell);
    ImGui::SameLine();
    gradient_chart(*trainer, records, view.log_grad, cell);
    ImGui::EndGroup();
}

}  // namespace actviz::app
