// [SECTION] Layout: columns of nodes
// [SECTION] Links
// [SECTION] Nodes and their tooltips
// [SECTION] Editing a weight
// [SECTION] The diagram

#include "app/classifier/classifier_network.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/classifier/classifier_panel.hpp"
#include "app/classifier/classifier_thumbnails.hpp"
#include "app/classifier/classifier_views.hpp"
#include "app/widgets.hpp"
#include "core/features.hpp"
#include "core/strongest_links.hpp"
#include "plot/plot.hpp"

namespace actviz::app {
namespace {

// [SECTION] Layout: columns of nodes -----------------------------------------------------------

struct Column {
    int nodes = 0;
    float x = 0;      // centre
    float top = 0;    // centre of the first node
    float pitch = 0;  // from one node's centre to the next
    float size = 0;   // thumbnail side or dot diameter
    bool thumbnails = false;
    ImVec2 centre(int i) const { return ImVec2(x, top + pitch * static_cast<float>(i)); }
};

// Node layers 0 (inputs) .. H + 1 (outputs) spread across `width`, each column centred in `height`;
// a column's nodes are as large as their share of the height and of the gap between columns allows.
std::vector<Column> lay_out(const Mlp& mlp, ImVec2 origin, float width, float height, float left, float right) {
    const int layers = mlp.hidden_count() + 2;
    std::vector<Column> columns(static_cast<size_t>(layers));
    const float gap = (width - left - right) / static_cast<float>(layers - 1);
    const float largest = ImGui::GetFontSize() * 5;
    for (int l = 0; l < layers; ++l) {
        Column& c = columns[static_cast<size_t>(l)];
        c.nodes = l == 0 ? mlp.input_size() : mlp.units(l - 1);
        const float share = height / static_cast<float>(c.nodes);
        c.size = std::min({share * 0.82f, gap * 0.42f, largest});
        c.thumbnails = c.size >= kMinThumbnailPixels;
        c.pitch = c.thumbnails ? std::min(share, c.size / 0.82f) : share;
        if (!c.thumbnails) c.size = std::clamp(share * 0.7f, 2.0f, 9.0f);
        c.top = origin.y + (height - c.pitch * static_cast<float>(c.nodes)) / 2 + c.pitch / 2;
    }
    // The first and last columns' nodes stay inside the margins whatever their size.
    const float first = origin.x + left + columns.front().size / 2;
    const float last = origin.x + width - right - columns.back().size / 2;
    for (int l = 0; l < layers; ++l) {
        columns[static_cast<size_t>(l)].x = first + (last - first) * static_cast<float>(l) / static_cast<float>(layers - 1);
    }
    return columns;
}

std::string node_name(const Mlp& mlp, int layer, int unit) {
    if (layer == 0) {
        int count = 0;
        const auto names = feature_names(mlp.config().features, count);
        return unit < count ? std::string(names[static_cast<size_t>(unit)]) : "input " + std::to_string(unit);
    }
    if (layer == mlp.hidden_count() + 1) return class_label(unit);
    return "layer " + std::to_string(layer) + ", unit " + std::to_string(unit + 1);
}

ImU32 im_colour(Rgb c, int alpha) { return IM_COL32(c.r, c.g, c.b, alpha); }

float distance_to_segment(ImVec2 p, ImVec2 a, ImVec2 b) {
    const float dx = b.x - a.x, dy = b.y - a.y;
    const float length2 = dx * dx + dy * dy;
    const float t = length2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / length2, 0.0f, 1.0f) : 0.0f;
    const float x = a.x + t * dx - p.x, y = a.y + t * dy - p.y;
    return std::sqrt(x * x + y * y);
}

// [SECTION] Links ------------------------------------------------------------------------------

// Every weight layer's links (its strongest when there are many), weakest first so the strong ones
// are drawn on top; width and opacity by |w| against the layer's largest.
void draw_links(NetworkDiagram& diagram, const Mlp& mlp, const std::vector<Column>& columns, ImDrawList* draw) {
    diagram.links.clear();
    diagram.thinned = false;
    for (int l = 0; l < mlp.layer_count(); ++l) {
        const auto weights = mlp.weight(l);
        const std::vector<Link> links =
            strongest_links(weights, links_drawn(static_cast<int>(weights.cols()), static_cast<int>(weights.rows())));
        diagram.thinned = diagram.thinned || static_cast<Eigen::Index>(links.size()) < weights.size();
        const double largest = weights.cwiseAbs().maxCoeff();
        const Column& from = columns[static_cast<size_t>(l)];
        const Column& to = columns[static_cast<size_t>(l) + 1];
        // The strongest link is 3.5 px wide where nodes are 10 px apart or more, thinner where closer:
        // 64 nodes in a column leave ~5 px, and wide lines there merge into one band.
        const float widest = 3.0f * std::min(1.0f, std::min(from.pitch, to.pitch) / 10.0f);
        for (auto it = links.rbegin(); it != links.rend(); ++it) {
            const float strength = largest > 0 ? static_cast<float>(std::fabs(it->weight) / largest) : 0.0f;
            const ImVec2 a(from.x + from.size / 2 + 1, from.centre(it->from).y);
            const ImVec2 b(to.x - to.size / 2 - 1, to.centre(it->to).y);
            const Rgb colour = it->weight < 0 ? kNegativeColour : kPositiveColour;
            // Opacity grows faster than linearly, so the many middling links recede behind the strong.
            draw->AddLine(a, b, im_colour(colour, static_cast<int>(30 + 210 * strength * std::sqrt(strength))),
                          0.5f + widest * strength);
            diagram.links.push_back({l, it->to, it->from, a, b, it->weight});
        }
    }
}

// The link under the mouse: within 4 px, and where links cross (within a pixel of the nearest) the
// one drawn on top — the strongest — as the eye sees it.
const NetworkDiagram::DrawnLink* link_at(const NetworkDiagram& diagram, ImVec2 mouse) {
    float nearest = 4.0f;
    for (const NetworkDiagram::DrawnLink& link : diagram.links) nearest = std::min(nearest, distance_to_segment(mouse, link.a, link.b));
    const NetworkDiagram::DrawnLink* best = nullptr;
    for (const NetworkDiagram::DrawnLink& link : diagram.links) {
        if (distance_to_segment(mouse, link.a, link.b) <= std::min(nearest + 1.0f, 4.0f)) best = &link;  // later = on top
    }
    return best;
}

// [SECTION] Nodes and their tooltips -----------------------------------------------------------

// What a hidden unit's activity share means, in the app's words (activity.hpp).
std::string unit_state(const Trainer& trainer, int hidden, int unit) {
    const std::vector<Vector>& activity = trainer.unit_activity();
    if (static_cast<size_t>(hidden) >= activity.size() || unit >= activity[static_cast<size_t>(hidden)].size()) return "";
    const double share = activity[static_cast<size_t>(hidden)][unit];
    char text[160];
    if (share > 0) {
        std::snprintf(text, sizeof text, "active for %.1f%% of the training points", 100 * share);
        return text;
    }
    switch (trainer.mlp().inactivity(hidden).kind) {
        case InactivityKind::Dead: return "DEAD: f′ = 0 at every training point — it can never learn again";
        case InactivityKind::Saturated: return "SATURATED: |f′| < 1% of its maximum at every training point";
        case InactivityKind::NegativeSide: return "on its NEGATIVE SIDE (z < 0) at every training point";
    }
    return "";
}

void node_tooltip(const ClassifierLive& live, int layer, int unit) {
    const Trainer& trainer = *live.trainer();
    const Mlp& mlp = trainer.mlp();
    const GridThumbnails& thumbs = live.grid().thumbnails;
    const ThumbnailAtlas& atlas = live.thumbnail_atlas();
    const bool output = layer == mlp.hidden_count() + 1;
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(node_name(mlp, layer, unit).c_str());
    if (layer > 0 && !output) {
        ImGui::SameLine();
        ImGui::TextDisabled("(%s)", std::string(mlp.activation(layer - 1).display).c_str());
    }
    const bool sampled = thumbs.layer_first.size() == static_cast<size_t>(mlp.hidden_count() + 3) &&
                         static_cast<size_t>(thumbs.node(layer, unit)) < atlas.low.size();
    if (sampled) {
        const auto n = static_cast<size_t>(thumbs.node(layer, unit));
        ImGui::Text("%s over the plane: %.4g … %.4g", output ? "probability" : layer == 0 ? "value" : "output a = f(z)",
                    atlas.low[n], atlas.high[n]);
        ImGui::TextDisabled("(on %d × %d samples of the plane's grid)", thumbs.width, thumbs.height);
    }
    if (layer > 0 && !output) {
        const std::string state = unit_state(trainer, layer - 1, unit);
        const bool inactive = state.find("active for") == std::string::npos;
        ImGui::TextColored(inactive ? ImVec4(1.0f, 0.45f, 0.4f, 1) : ImVec4(0.6f, 0.85f, 0.6f, 1), "%s", state.c_str());
        ImGui::TextDisabled("its active region is lit on the decision plane");
    }
    ImGui::EndTooltip();
}

void draw_nodes(const ClassifierPanel& panel, NetworkDiagram& diagram, const std::vector<Column>& columns,
                ImDrawList* draw) {
    const ClassifierLive& live = panel.live;
    const Trainer& trainer = *live.trainer();
    const Mlp& mlp = trainer.mlp();
    const GridThumbnails& thumbs = live.grid().thumbnails;
    const ThumbnailAtlas& atlas = live.thumbnail_atlas();
    const bool have_pictures = !live.thumbnails_texture().empty() && thumbs.layer_first.size() == columns.size() + 1 &&
                               thumbs.layer_first.back() == static_cast<int>(atlas.low.size());
    const std::vector<Vector>& activity = trainer.unit_activity();
    diagram.nodes.clear();
    for (size_t l = 0; l < columns.size(); ++l) {
        const Column& c = columns[l];
        const bool hidden = l > 0 && l + 1 < columns.size();
        const bool output = l + 1 == columns.size();
        for (int i = 0; i < c.nodes; ++i) {
            const ImVec2 centre = c.centre(i);
            const ImVec2 a(centre.x - c.size / 2, centre.y - c.size / 2), b(centre.x + c.size / 2, centre.y + c.size / 2);
            const double share = hidden && l - 1 < activity.size() && i < activity[l - 1].size() ? activity[l - 1][i] : 1.0;
            const bool inactive = hidden && share == 0;
            if (c.thumbnails && have_pictures &&
                thumbs.layer_first[l] + c.nodes == thumbs.layer_first[l + 1]) {
                const auto uv = atlas.uv(thumbs.node(static_cast<int>(l), i));
                draw->AddImage(live.thumbnails_texture().id(), a, b, ImVec2(uv[0], uv[1]), ImVec2(uv[2], uv[3]));
                draw->AddRect(a, b, inactive ? IM_COL32(255, 90, 80, 255) : IM_COL32(150, 150, 160, 200), 0, 0,
                              inactive ? 2.0f : 1.0f);
            } else {
                const ImU32 colour = hidden ? plot::sequential_colour(share)
                                   : output ? class_colour(i)
                                            : IM_COL32(190, 190, 200, 255);
                draw->AddCircleFilled(centre, c.size / 2, colour, 12);
                if (inactive) draw->AddCircle(centre, c.size / 2 + 1, IM_COL32(255, 90, 80, 255), 12, 1.5f);
            }
            diagram.nodes.push_back({static_cast<int>(l), i, centre, c.size, c.thumbnails && have_pictures});
        }
    }
    // Layer names under the columns; feature names and classes beside the first and last.
    const float font = ImGui::GetFontSize();
    for (size_t l = 0; l < columns.size(); ++l) {
        const Column& c = columns[l];
        char label[48];
        if (l == 0)
            std::snprintf(label, sizeof label, "in");
        else if (l + 1 == columns.size())
            std::snprintf(label, sizeof label, "out");
        else
            std::snprintf(label, sizeof label, "L%d", static_cast<int>(l));
        const float bottom = c.centre(c.nodes - 1).y + c.size / 2 + 2;
        draw->AddText(ImVec2(c.x - ImGui::CalcTextSize(label).x / 2, bottom), IM_COL32(170, 170, 180, 255), label);
        if ((l != 0 && l + 1 != columns.size()) || c.pitch < font) continue;
        for (int i = 0; i < c.nodes; ++i) {
            const std::string name = l == 0 ? node_name(mlp, 0, i) : std::to_string(i);
            const ImVec2 size = ImGui::CalcTextSize(name.c_str());
            const ImVec2 at = l == 0 ? ImVec2(c.x - c.size / 2 - size.x - 4, c.centre(i).y - size.y / 2)
                                     : ImVec2(c.x + c.size / 2 + 4, c.centre(i).y - size.y / 2);
            draw->AddText(at, l == 0 ? IM_COL32(200, 200, 210, 255) : class_colour(i), name.c_str());
        }
    }
}

const NetworkDiagram::DrawnNode* node_at(const NetworkDiagram& diagram, ImVec2 mouse) {
    for (const NetworkDiagram::DrawnNode& node : diagram.nodes) {
        const float half = std::max(node.size / 2, 3.0f);
        if (std::fabs(mouse.x - node.centre.x) <= half && std::fabs(mouse.y - node.centre.y) <= half) return &node;
    }
    return nullptr;
}

// [SECTION] Editing a weight -------------------------------------------------------------------

void draw_weight_editor(ClassifierPanel& panel) {
    NetworkDiagram& edit = panel.network;
    if (!ImGui::BeginPopup("##edit_weight")) return;
    const Trainer* trainer = panel.live.trainer();
    const Mlp* mlp = trainer ? &trainer->mlp() : nullptr;
    if (!mlp || edit.edit_layer < 0 || edit.edit_layer >= mlp->layer_count() || edit.edit_to >= mlp->units(edit.edit_layer)) {
        ImGui::CloseCurrentPopup();  // the network changed under the popup
        ImGui::EndPopup();
        return;
    }
    ImGui::Text("weight from %s to %s", node_name(*mlp, edit.edit_layer, edit.edit_from).c_str(),
                node_name(*mlp, edit.edit_layer + 1, edit.edit_to).c_str());
    ImGui::TextDisabled("now %.6g", mlp->weight(edit.edit_layer)(edit.edit_to, edit.edit_from));
    const auto apply = [&](double value) {
        if (!std::isfinite(value) || std::fabs(value) > kMaxEditedWeight) {
            char text[128];
            std::snprintf(text, sizeof text, "%.6g is not allowed: a weight between −%g and %g", value, kMaxEditedWeight,
                          kMaxEditedWeight);
            edit.edit_error = text;
            return;
        }
        if (panel.live.edit_weight(edit.edit_layer, edit.edit_to, edit.edit_from, value)) {
            edit.edit_error.clear();
            ImGui::CloseCurrentPopup();
        }
    };
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    if (ImGui::InputDouble("w", &edit.edit_value, 0, 0, "%.6g", ImGuiInputTextFlags_EnterReturnsTrue)) apply(edit.edit_value);
    ImGui::SameLine();
    if (ImGui::Button("set")) apply(edit.edit_value);
    if (ImGui::Button("0: cut the link")) apply(0.0);
    ImGui::SameLine();
    if (ImGui::Button("−w")) apply(-mlp->weight(edit.edit_layer)(edit.edit_to, edit.edit_from));
    if (!edit.edit_error.empty()) ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1), "%s", edit.edit_error.c_str());
    ImGui::TextDisabled("Enter sets it · Escape leaves it · Ctrl+Z undoes an edit");
    ImGui::EndPopup();
}

}  // namespace

// [SECTION] The diagram -------------------------------------------------------------------------

void draw_network_diagram(ClassifierPanel& panel, ImVec2 size) {
    ClassifierView& view = panel.settings.view;
    view.hovered_layer = view.hovered_unit = -1;
    NetworkDiagram& diagram = panel.network;
    const Trainer* trainer = panel.live.trainer();
    if (!trainer) return;
    const Mlp& mlp = trainer->mlp();
    ImGui::BeginChild("##network", size, false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground);
    std::string shape = std::to_string(mlp.input_size());
    for (int l = 0; l < mlp.layer_count(); ++l) shape += " → " + std::to_string(mlp.units(l));
    fitted_text(shape + " · links: width |w|, blue w > 0, orange w < 0" + (diagram.thinned ? " · each layer's strongest" : ""),
                true, help_marker_width());
    ImGui::SameLine();
    help_marker("The network as TensorFlow Playground draws it: each node shows its own output over the plane (orange "
                "negative, blue positive; a hidden layer on one scale, so its units compare; an output its class's "
                "probability). A red frame or ring: a unit inactive (dead, saturated or on its negative side) at every "
                "training point. Too small for a picture, a node is a dot coloured by the share of training points "
                "that activate it, as the unit grid.\n\nHover a node for its range over the plane and its state; its "
                "active region lights up on the decision plane. Hover a link for its weight; click it to set the "
                "weight by hand (0 cuts it) — the history records the change like a step, and Ctrl+Z undoes it.");
    const float font = ImGui::GetFontSize();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 canvas(ImGui::GetContentRegionAvail().x, std::max(ImGui::GetContentRegionAvail().y, font * 4));
    ImGui::InvisibleButton("##canvas", canvas);
    const bool hovered = ImGui::IsItemHovered();
    const bool clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->PushClipRect(origin, ImVec2(origin.x + canvas.x, origin.y + canvas.y), true);
    int widest_name = 0;
    {
        int count = 0;
        const auto names = feature_names(mlp.config().features, count);
        for (int i = 0; i < count; ++i) {
            widest_name = std::max(widest_name, static_cast<int>(ImGui::CalcTextSize(std::string(names[static_cast<size_t>(i)]).c_str()).x));
        }
    }
    const float height = canvas.y - ImGui::GetTextLineHeight() - 4;  // the layer names below
    const float left = static_cast<float>(widest_name) + font * 0.6f, right = font * 1.4f;
    const std::vector<Column> columns = lay_out(mlp, origin, canvas.x, height, left, right);
    draw_links(diagram, mlp, columns, draw);
    draw_nodes(panel, diagram, columns, draw);
    float largest = 0;
    for (const Column& c : columns) largest = c.thumbnails ? std::max(largest, c.size) : largest;
    // At least 16 samples a side, so a range is known for the dots too; at most 48 (the pictures are small).
    diagram.thumbnail_samples = static_cast<int>(std::clamp(largest, 16.0f, 48.0f));

    const ImVec2 mouse = ImGui::GetIO().MousePos;
    if (hovered) {
        if (const NetworkDiagram::DrawnNode* node = node_at(diagram, mouse)) {
            const ImVec2 half(node->size / 2 + 2, node->size / 2 + 2);
            draw->AddRect(ImVec2(node->centre.x - half.x, node->centre.y - half.y),
                          ImVec2(node->centre.x + half.x, node->centre.y + half.y), IM_COL32(255, 255, 255, 255), 0, 0, 2);
            if (node->layer > 0 && node->layer <= mlp.hidden_count()) {
                view.hovered_layer = node->layer - 1;
                view.hovered_unit = node->unit;
            }
            node_tooltip(panel.live, node->layer, node->unit);
        } else if (const NetworkDiagram::DrawnLink* link = link_at(diagram, mouse)) {
            draw->AddLine(link->a, link->b, IM_COL32(255, 255, 255, 255), 2.5f);
            ImGui::SetTooltip("w = %.6g\nfrom %s to %s\nclick to set it by hand", link->weight,
                              node_name(mlp, link->layer, link->from).c_str(),
                              node_name(mlp, link->layer + 1, link->to).c_str());
            if (clicked) {
                diagram.edit_layer = link->layer;
                diagram.edit_to = link->to;
                diagram.edit_from = link->from;
                diagram.edit_value = link->weight;
                diagram.edit_error.clear();
                ImGui::OpenPopup("##edit_weight");
            }
        }
    }
    draw->PopClipRect();
    draw_weight_editor(panel);
    ImGui::EndChild();
}

}  // namespace actviz::app
