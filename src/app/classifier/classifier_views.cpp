// [SECTION] Colours
// [SECTION] Decision plane: regions, contours, data, mouse editing
// [SECTION] Dead-unit plane
// [SECTION] Unit grid

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <vector>

#include "app/classifier/classifier_views.hpp"
#include "app/widgets.hpp"
#include "plot/plot.hpp"

namespace actviz::app {

// [SECTION] Colours ----------------------------------------------------------------------------

ImU32 class_colour(int k) { return plot::series_colour(k); }

std::string class_label(int k) { return "class " + std::to_string(k); }

const char* inactivity_word(const Trainer& trainer) {
    const Mlp& mlp = trainer.mlp();
    for (int h = 0; h < mlp.hidden_count(); ++h) {
        if (mlp.inactivity(h).kind == InactivityKind::Saturated) return "saturated";
        if (mlp.inactivity(h).kind == InactivityKind::NegativeSide) return "negative-side";
    }
    return "dead";
}

namespace {

Rgb rgb_of(ImU32 colour) {
    return {static_cast<std::uint8_t>((colour >> IM_COL32_R_SHIFT) & 0xFF),
            static_cast<std::uint8_t>((colour >> IM_COL32_G_SHIFT) & 0xFF),
            static_cast<std::uint8_t>((colour >> IM_COL32_B_SHIFT) & 0xFF)};
}

std::uint32_t rgba_of(ImU32 colour) {
    const Rgb c = rgb_of(colour);
    return pack_rgba(c.r, c.g, c.b, static_cast<std::uint8_t>((colour >> IM_COL32_A_SHIFT) & 0xFF));
}

constexpr Rgb kPlaneBackground{22, 24, 29};

const std::array<Rgb, kMaxClasses>& class_palette() {
    static const std::array<Rgb, kMaxClasses> palette = [] {
        std::array<Rgb, kMaxClasses> p{};
        for (int k = 0; k < kMaxClasses; ++k) p[static_cast<size_t>(k)] = rgb_of(class_colour(k));
        return p;
    }();
    return palette;
}

}  // namespace

std::span<const Rgb> class_rgb_palette() { return class_palette(); }
Rgb plane_background() { return kPlaneBackground; }

namespace {

// Inactive counts: dark (all active) to a warm red (all inactive), readable under the data points.
const std::array<std::uint32_t, 256>& count_ramp() {
    static const std::array<std::uint32_t, 256> ramp = [] {
        std::array<std::uint32_t, 256> r{};
        for (int i = 0; i < 256; ++i) r[static_cast<size_t>(i)] = rgba_of(plot::sequential_colour(i / 255.0));
        return r;
    }();
    return ramp;
}

// [SECTION] Decision plane: regions, contours, data, mouse editing -----------------------------

// The grid follows the plot's visible data area, at about one sample per screen pixel, between
// 200 and 256 samples per side (twice TF Playground's 100 at the least; the cost grows with the square).
GridView view_of_plot() {
    GridView view;
    view.x_min = plot::axis_min(plot::AxisId::X);
    view.x_max = plot::axis_max(plot::AxisId::X);
    view.y_min = plot::axis_min(plot::AxisId::Y);
    view.y_max = plot::axis_max(plot::AxisId::Y);
    const float width = plot::plot_width_pixels();
    const float height = std::fabs(plot::data_to_pixels(view.x_min, view.y_min).y -
                                   plot::data_to_pixels(view.x_min, view.y_max).y);
    view.width = std::clamp(static_cast<int>(std::lround(width)), 200, 256);
    view.height = std::clamp(static_cast<int>(std::lround(view.width * height / std::max(width, 1.0f))), 200, 256);
    return view;
}

void draw_contours(const ClassifierLive& session) {
    const std::vector<Segment>& segments = session.contours();
    const GridView& v = session.plane_view();
    std::vector<double> xs(segments.size() * 2), ys(segments.size() * 2);
    const double dx = (v.x_max - v.x_min) / v.width, dy = (v.y_max - v.y_min) / v.height;
    for (size_t i = 0; i < segments.size(); ++i) {
        const Segment& s = segments[i];
        xs[2 * i] = v.x_min + (s.x0 + 0.5) * dx, ys[2 * i] = v.y_max - (s.y0 + 0.5) * dy;
        xs[2 * i + 1] = v.x_min + (s.x1 + 0.5) * dx, ys[2 * i + 1] = v.y_max - (s.y1 + 0.5) * dy;
    }
    plot::plot_segments("decision boundary", xs.data(), ys.data(), static_cast<int>(xs.size()),
                        {IM_COL32(245, 245, 245, 220), 1.6f, false});
}

struct PointColumns {
    std::vector<double> xs, ys;
    void clear() { xs.clear(), ys.clear(); }
    void add(const Point& p) { xs.push_back(p.x), ys.push_back(p.y); }
    int size() const { return static_cast<int>(xs.size()); }
};

void draw_points(const ClassifierPanel& panel) {
    const ClassifierLive& session = panel.live;
    const Dataset& data = session.trainer()->data();
    const std::vector<int>& train_predicted = session.train_predicted();
    const std::vector<int>& test_predicted = session.test_predicted();
    PointColumns columns, wrong;
    // Outlines first, so every point stands out from the region colours below it.
    for (const Point& p : data.train) columns.add(p);
    plot::set_next_item_export_name("");  // a dark rim under the points: no data of its own
    plot::plot_scatter("##outline", columns.xs.data(), columns.ys.data(), columns.size(), IM_COL32(12, 12, 16, 230),
                       4.6f, true);
    for (int k = 0; k < data.classes; ++k) {
        columns.clear();
        for (const Point& p : data.train) {
            if (p.label == k) columns.add(p);
        }
        plot::plot_scatter(class_label(k).c_str(), columns.xs.data(), columns.ys.data(), columns.size(), class_colour(k), 3.4f, true);
    }
    if (panel.settings.view.show_test) {
        for (int k = 0; k < data.classes; ++k) {
            columns.clear();
            for (const Point& p : data.test) {
                if (p.label == k) columns.add(p);
            }
            plot::set_next_item_export_name((class_label(k) + " (test)").c_str());  // one series per class, as for train
            plot::plot_scatter(k == 0 ? "test (hollow)" : "##test", columns.xs.data(), columns.ys.data(),
                               columns.size(), class_colour(k), 3.8f, false);
        }
    }
    for (size_t i = 0; i < data.train.size() && i < train_predicted.size(); ++i) {
        if (train_predicted[i] != data.train[i].label) wrong.add(data.train[i]);
    }
    if (panel.settings.view.show_test) {
        for (size_t i = 0; i < data.test.size() && i < test_predicted.size(); ++i) {
            if (test_predicted[i] != data.test[i].label) wrong.add(data.test[i]);
        }
    }
    char label[48];
    std::snprintf(label, sizeof label, "misclassified (%d)###wrong", wrong.size());
    plot::set_next_item_export_name("misclassified");  // the count is in the legend, the rows say it
    plot::plot_scatter(label, wrong.xs.data(), wrong.ys.data(), wrong.size(), IM_COL32(255, 255, 255, 255), 6.5f,
                       false);
}

// Hover: the class probabilities under the mouse, and what a click will do.
void draw_hover(ClassifierPanel& panel, const GridView& view) {
    double x = 0, y = 0;
    if (!plot::mouse_position(&x, &y)) return;
    ClassifierView& settings = panel.settings.view;
    const double radius = 0.04 * (view.x_max - view.x_min);
    if (settings.tool == MouseTool::Erase) {
        const ImVec2 centre = plot::data_to_pixels(x, y);
        const float pixels = std::fabs(plot::data_to_pixels(x + radius, y).x - centre.x);
        ImGui::GetWindowDrawList()->AddCircle(centre, pixels, IM_COL32(255, 255, 255, 200), 32, 1.5f);
    }
    if (ImGui::IsMouseDown(ImGuiMouseButton_Left)) return;  // panning
    const GridResult& grid = panel.live.grid();
    const int column = static_cast<int>(std::floor((x - view.x_min) / (view.x_max - view.x_min) * view.width));
    const int row = static_cast<int>(std::floor((view.y_max - y) / (view.y_max - view.y_min) * view.height));
    ImGui::BeginTooltip();
    ImGui::Text("x = %.3f, y = %.3f", x, y);
    if (column >= 0 && column < grid.width && row >= 0 && row < grid.height && !grid.probabilities.empty()) {
        const size_t p = static_cast<size_t>(row) * grid.width + column;
        for (int k = 0; k < grid.classes; ++k) {
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(class_colour(k)), "%s: %.3f", class_label(k).c_str(),
                               grid.probabilities[p * grid.classes + k]);
        }
    }
    if (settings.tool == MouseTool::Add) ImGui::TextDisabled("click: add a %s point", class_label(settings.paint_class).c_str());
    if (settings.tool == MouseTool::Erase) ImGui::TextDisabled("click: erase the points in the circle");
    ImGui::EndTooltip();
    double cx = 0, cy = 0;
    if (!plot::is_plot_clicked(&cx, &cy)) return;
    ClassifierLive& session = panel.live;
    if (settings.tool == MouseTool::Add) {
        const int classes = session.trainer()->data().classes;
        session.add_point(Point{cx, cy, std::clamp(settings.paint_class, 0, classes - 1)}, settings.add_to_test);
    } else if (settings.tool == MouseTool::Erase) {
        session.erase_near(cx, cy, radius);
    }
}

// The number of linear regions over the plane, in a box at its top left (or why there are none).
void draw_region_count(const ClassifierLive& session) {
    const GridView& v = session.plane_view();
    char text[160];
    if (session.pattern_units() == 0) {
        std::snprintf(text, sizeof text, "no piecewise-linear units: %s is curved, no linear regions",
                      std::string(session.trainer()->mlp().activation(0).display).c_str());
    } else {
        std::snprintf(text, sizeof text, "%d linear regions (%d units' patterns, %d × %d grid)",
                      session.linear_regions().count, session.pattern_units(), v.width, v.height);
    }
    if (session.trainer()->mlp().hidden_count() == 0) std::snprintf(text, sizeof text, "no hidden layer: one linear region");
    const ImVec2 corner = plot::data_to_pixels(v.x_min, v.y_max);
    const ImVec2 size = ImGui::CalcTextSize(text);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 a(corner.x + 6, corner.y + 6);
    draw->AddRectFilled(a, ImVec2(a.x + size.x + 10, a.y + size.y + 6), IM_COL32(10, 10, 14, 210), 3);
    draw->AddText(ImVec2(a.x + 5, a.y + 3), IM_COL32(240, 240, 240, 255), text);
}

}  // namespace

void draw_boundary_plane(ClassifierPanel& panel, ImVec2 size) {
    ClassifierLive& session = panel.live;
    if (!session.trainer()) return;
    // While clicks add or erase points, the legend lets them through: a click in its corner adds a point.
    const bool editing = panel.settings.view.tool != MouseTool::Pan;
    if (!plot::begin_plot("##boundary", size, "decision regions (brightness = confidence)",
                          plot::PlotFlags_NoReadout | (editing ? plot::PlotFlags_LegendClickThrough : 0))) {
        return;
    }
    plot::setup_axis(plot::AxisId::X, "x");
    plot::setup_axis(plot::AxisId::Y, "y");
    plot::setup_axis_limits(plot::AxisId::X, -kPlaneExtent, kPlaneExtent);
    plot::setup_axis_limits(plot::AxisId::Y, -kPlaneExtent, kPlaneExtent);
    const ClassifierView& view = panel.settings.view;
    PlaneRequest request;
    request.view = view_of_plot();
    request.dead_layer = view.dead_layer;
    request.unit_layer = view.hovered_layer;
    request.unit = view.hovered_unit;
    request.thumbnail_samples = view.network ? panel.network.thumbnail_samples : 0;
    request.linear_regions = view.linear_regions;
    PlaneColours colours;
    const auto& palette = class_palette();
    colours.palette.assign(palette.begin(), palette.end());
    colours.background = kPlaneBackground;
    const auto& ramp = count_ramp();
    colours.count_ramp.assign(ramp.begin(), ramp.end());
    // The network view lights a hovered unit's active region on this plane: the rest is dimmed.
    colours.unit_on = view.network ? pack_rgba(0, 0, 0, 0) : pack_rgba(250, 214, 90);
    colours.unit_off = view.network ? pack_rgba(8, 8, 12, 190) : pack_rgba(40, 36, 60);
    session.update_planes(request, colours, panel.settings.run.frame_budget_ms);
    const GridView& v = session.plane_view();
    const bool regions = session.has_linear_regions() && session.pattern_units() > 0;
    plot::plot_image("##regions", (regions ? session.linear_regions_texture() : session.regions_texture()).id(), v.x_min,
                     v.y_min, v.x_max, v.y_max);
    if (view.network && session.has_unit_plane()) {
        plot::plot_image("##unit", session.unit_texture().id(), v.x_min, v.y_min, v.x_max, v.y_max);
    }
    if (view.show_contours) draw_contours(session);
    if (session.has_linear_regions()) draw_region_count(session);
    draw_points(panel);
    draw_hover(panel, v);
    plot::end_plot();
}

// [SECTION] Dead-unit plane --------------------------------------------------------------------

void draw_dead_plane(ClassifierPanel& panel, ImVec2 size) {
    const ClassifierLive& session = panel.live;
    const Trainer* trainer = session.trainer();
    if (!trainer) return;
    const Mlp& mlp = trainer->mlp();
    const ClassifierView& view = panel.settings.view;
    char title[128];
    const bool unit = session.has_unit_plane();
    int scale_units = 0;  // what the colours count up to (the counts' ramp ends there)
    if (unit) {
        std::snprintf(title, sizeof title, "layer %d, unit %d: active region (yellow)", view.hovered_layer + 1,
                      view.hovered_unit + 1);
    } else if (view.dead_layer >= 0 && view.dead_layer < mlp.hidden_count()) {
        scale_units = mlp.units(view.dead_layer);
        std::snprintf(title, sizeof title, "inactive units of layer %d (of %d)", view.dead_layer + 1, scale_units);
    } else {
        int units = 0;
        for (int h = 0; h < mlp.hidden_count(); ++h) units += mlp.units(h);
        scale_units = units;
        std::snprintf(title, sizeof title, "inactive units at each point (of %d)", units);
    }
    if (!plot::begin_plot("##deadplane", size, title,
                          plot::PlotFlags_NoInteraction | plot::PlotFlags_NoLegend | plot::PlotFlags_NoReadout)) {
        return;
    }
    const GridView& v = session.plane_view();
    plot::setup_axis(plot::AxisId::X, "x");
    plot::setup_axis(plot::AxisId::Y, "y");
    plot::setup_axis_limits(plot::AxisId::X, v.x_min, v.x_max, plot::Cond::Always);
    plot::setup_axis_limits(plot::AxisId::Y, v.y_min, v.y_max, plot::Cond::Always);
    if (!unit && scale_units > 0)
        plot::setup_colour_bar("hidden units inactive at a point", 0, scale_units, plot::ColourMap::Sequential);
    if (mlp.hidden_count() == 0) {
        const ImVec2 at = plot::data_to_pixels(v.x_min, v.y_max);
        ImGui::GetWindowDrawList()->AddText(ImVec2(at.x + 8, at.y + 8), IM_COL32(200, 200, 200, 255),
                                            "no hidden layer: nothing can die");
        plot::end_plot();
        return;
    }
    const gfx::Texture& texture = unit ? session.unit_texture() : session.counts_texture();
    plot::plot_image("##counts", texture.id(), v.x_min, v.y_min, v.x_max, v.y_max);
    // The training data as small grey dots: where the statistic is taken.
    std::vector<double> xs, ys;
    for (const Point& p : trainer->data().train) xs.push_back(p.x), ys.push_back(p.y);
    plot::set_next_item_export_name("training points");
    plot::plot_scatter("##data", xs.data(), ys.data(), static_cast<int>(xs.size()), IM_COL32(235, 235, 235, 150),
                       1.4f, true);
    double x = 0, y = 0;
    if (plot::mouse_position(&x, &y) && !unit) {
        const GridResult& grid = session.grid();
        const int column = static_cast<int>(std::floor((x - v.x_min) / (v.x_max - v.x_min) * v.width));
        const int row = static_cast<int>(std::floor((v.y_max - y) / (v.y_max - v.y_min) * v.height));
        if (column >= 0 && column < grid.width && row >= 0 && row < grid.height && !grid.inactive_count.empty()) {
            ImGui::SetTooltip("x = %.3f, y = %.3f\n%d hidden units inactive here", x, y,
                              grid.inactive_count[static_cast<size_t>(row) * grid.width + column]);
        }
    }
    plot::end_plot();
}

// [SECTION] Unit grid --------------------------------------------------------------------------

namespace {

}  // namespace

ImU32 severity_colour(Severity severity) {
    switch (severity) {
        case Severity::Healthy: return IM_COL32(120, 210, 120, 255);
        case Severity::Concerning: return IM_COL32(240, 200, 80, 255);
        case Severity::Serious: return IM_COL32(245, 150, 60, 255);
        case Severity::Critical: break;
    }
    return IM_COL32(240, 90, 80, 255);
}

void draw_unit_grid(ClassifierPanel& panel, ImVec2 size) {
    ClassifierView& view = panel.settings.view;
    view.hovered_layer = view.hovered_unit = -1;
    const Trainer* trainer = panel.live.trainer();
    if (!trainer) return;
    const Mlp& mlp = trainer->mlp();
    const std::vector<Vector>& activity = trainer->unit_activity();
    const int layers = std::min(mlp.hidden_count(), static_cast<int>(activity.size()));
    // Scrolls when the layers' rows do not fit (a short window, a large zoom): rows never overlap.
    ImGui::BeginChild("##units", size, false, ImGuiWindowFlags_NoBackground);
    const char* word = inactivity_word(*trainer);
    const float strip_width = ImGui::GetFontSize() * 8;  // the cells' colour scale, at the header's end
    fitted_text(std::string("hidden units, coloured by the share of training points that activate them; × = ") + word, true,
                help_marker_width() + strip_width + ImGui::GetStyle().ItemSpacing.x);
    help_marker("Per layer, the share of its units inactive at every training point — dead (f′ = 0), on their "
                "negative side (leaky ReLU, PReLU) or saturated (|f′| < 1% of its maximum) — then the worst fault found: "
                "concerning from 10% of its units inactive, serious above 30%, critical above 50%; vanishing ∇ / "
                "exploding ∇ when its ‖∂L/∂W‖ is below 1e-3 / above 1e3 × the output layer's; starving when it "
                "gets under a tenth of the output layer's while the loss is no better than chance (guessing the "
                "class shares); stalled when, no better than chance, every gradient has fallen under 1% of its "
                "start. Healthy: none of these. "
                "Hover a unit to see where on the plane it is active.");
    ImGui::SameLine();
    plot::colour_bar_strip("share of the training points at which the unit is active", 0, 1, plot::ColourMap::Sequential,
                           strip_width);
    if (layers == 0) {
        ImGui::TextDisabled("no hidden layer");
        ImGui::EndChild();
        return;
    }
    int widest = 1;
    for (int h = 0; h < layers; ++h) widest = std::max(widest, mlp.units(h));
    const float font = ImGui::GetFontSize();
    const float label_width = font * 3.0f;
    const float verdict_width = ImGui::CalcTextSize("100% saturated · vanishing ∇").x + font * 0.8f;  // the longest
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float cell = std::clamp(std::min((avail.x - label_width - verdict_width) / widest,
                                           (avail.y - 2) / layers),
                                  4.0f, font * 1.3f);
    const float row = std::max(cell, ImGui::GetTextLineHeight());  // cells are centred in rows tall enough for the text
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const std::vector<LayerVerdict> verdicts =
        judge_layers(trainer->history().back(), trainer->history().front(),
                     chance_loss(trainer->data().train, trainer->data().classes), word);
    for (int h = 0; h < layers; ++h) {
        const ImVec2 row_origin = ImGui::GetCursorScreenPos();
        const ImVec2 origin(row_origin.x, row_origin.y + (row - cell) / 2);
        const Vector& share = activity[static_cast<size_t>(h)];
        int dead = 0;
        for (Eigen::Index u = 0; u < share.size(); ++u) dead += share[u] == 0;
        char label[16];
        std::snprintf(label, sizeof label, "L%d", h + 1);
        draw->AddText(ImVec2(origin.x, origin.y + (cell - font) / 2), IM_COL32(200, 200, 200, 255), label);
        for (Eigen::Index u = 0; u < share.size(); ++u) {
            const ImVec2 a(origin.x + label_width + static_cast<float>(u) * cell, origin.y);
            const ImVec2 b(a.x + cell - 1, a.y + cell - 1);
            draw->AddRectFilled(a, b, plot::sequential_colour(share[u]));
            if (share[u] == 0) {
                draw->AddLine(ImVec2(a.x + 2, a.y + 2), ImVec2(b.x - 2, b.y - 2), IM_COL32(255, 90, 80, 255), 1.5f);
                draw->AddLine(ImVec2(b.x - 2, a.y + 2), ImVec2(a.x + 2, b.y - 2), IM_COL32(255, 90, 80, 255), 1.5f);
            }
            if (ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(a, b, false)) {
                view.hovered_layer = h;
                view.hovered_unit = static_cast<int>(u);
                draw->AddRect(ImVec2(a.x - 1, a.y - 1), ImVec2(b.x + 1, b.y + 1), IM_COL32(255, 255, 255, 255), 0, 0,
                              2.0f);
                ImGui::SetTooltip("layer %d, unit %d: active for %.1f%% of the training points%s\n"
                                  "its active region is shown on the plane",
                                  h + 1, static_cast<int>(u) + 1, 100.0 * share[u],
                                  share[u] == 0 ? (std::string(" (") + word + ")").c_str() : "");
            }
        }
        const double fraction = share.size() > 0 ? static_cast<double>(dead) / static_cast<double>(share.size()) : 0;
        const LayerVerdict verdict = static_cast<size_t>(h) < verdicts.size() ? verdicts[static_cast<size_t>(h)]
                                                                               : LayerVerdict{Severity::Healthy, "healthy"};
        char text[64];
        std::snprintf(text, sizeof text, "%3.0f%% %s · %s", 100 * fraction, word, verdict.word.c_str());
        draw->AddText(ImVec2(origin.x + label_width + widest * cell + font * 0.6f, origin.y + (cell - font) / 2),
                      severity_colour(verdict.severity), text);
        ImGui::Dummy(ImVec2(label_width + widest * cell + verdict_width, row));
    }
    ImGui::EndChild();
}

}  // namespace actviz::app
