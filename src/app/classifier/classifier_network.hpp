#pragma once
// The network as a network (issue 14, item 5; TensorFlow Playground's signature view): inputs →
// hidden layers → outputs as nodes, each node its own output over the plane (a thumbnail from the
// planes' pass: grid.hpp's GridThumbnails), links as wide as |w| and coloured by its sign. Hover a
// node for its value range and dead/saturated state (its active region lights up on the decision
// plane); hover a link for its weight, click it to edit the weight (ClassifierLive::edit_weight, a
// change the history records like a step; Ctrl+Z undoes it).
//
// Up to 8 × 64: a layer whose nodes get fewer than kMinThumbnailPixels shows coloured dots (by the
// share of training points that activate the unit, as the unit grid); a weight layer with more links
// than links_drawn() draws only its strongest (core/strongest_links.hpp) and says so: 16 × 16 all
// drawn is already a hairball, its 64 strongest carry the picture; between two layers of 64, 128 of
// the 4,096, drawn thinner where the nodes sit closer.

#include <imgui.h>

#include <string>
#include <vector>

namespace actviz::app {

struct ClassifierPanel;

inline constexpr float kMinThumbnailPixels = 12;
inline constexpr int kMaxLinksPerLayer = 128;
// Links a weight layer from `from` to `to` nodes draws: two per node of the wider side, 64 to 128.
constexpr int links_drawn(int from, int to) {
    const int wanted = 2 * (from > to ? from : to);
    return wanted < 64 ? 64 : wanted > kMaxLinksPerLayer ? kMaxLinksPerLayer : wanted;
}
inline constexpr double kMaxEditedWeight = 1000;  // |w| a hand edit may set (the trainer stays finite)

// What the diagram drew last frame (the GUI test clicks what it finds here) and the edit in progress.
struct NetworkDiagram {
    struct DrawnNode {
        int layer = 0, unit = 0;  // node layer: 0 inputs, 1..H hidden, H + 1 outputs
        ImVec2 centre{};
        float size = 0;           // side of the thumbnail, or the dot's diameter
        bool thumbnail = false;
    };
    struct DrawnLink {
        int layer = 0, to = 0, from = 0;  // weight layer l: W_l(to, from)
        ImVec2 a{}, b{};
        double weight = 0;
    };
    std::vector<DrawnNode> nodes;
    std::vector<DrawnLink> links;
    // Samples per side the thumbnails should have to fill the largest thumbnail drawn (0: none drawn),
    // asked of the next frame's planes.
    int thumbnail_samples = 0;
    bool thinned = false;  // some weight layer drew only its strongest links

    // The link whose weight is being typed (its popup open), and what has been typed.
    int edit_layer = -1, edit_to = -1, edit_from = -1;
    double edit_value = 0;
    std::string edit_error;
};

// The diagram in `size`; sets the panel's hovered unit (the plane shows its active region).
void draw_network_diagram(ClassifierPanel& panel, ImVec2 size);

}  // namespace actviz::app
