#pragma once
// One batched forward pass of an Mlp over every pixel of a W × H grid of the input plane: what the
// Classifier panel's decision boundary and dead-ReLU map draw each frame. Computed in float32 (twice
// the SIMD width of double; tests hold it to 1e-4 of the double forward pass), tile by tile so the
// activations stay in cache, into buffers reused from frame to frame.
//
// Pixel order is image order: index p = j·W + i, row j = 0 at the TOP (y_max), column i = 0 at
// the left (x_min); each pixel is sampled at its centre.

#include <cstdint>
#include <utility>
#include <vector>

#include "core/mlp.hpp"
#include "core/nn_types.hpp"

namespace actviz {

struct GridView {
    int width = 256, height = 256;  // pixels, ≥ 1
    double x_min = -1.5, x_max = 1.5;
    double y_min = -1.5, y_max = 1.5;

    double x_of(int column) const { return x_min + (column + 0.5) * (x_max - x_min) / width; }
    double y_of(int row) const { return y_max - (row + 0.5) * (y_max - y_min) / height; }
};

struct GridRequest {
    bool probabilities = true;     // fill GridResult::probabilities, predicted and confidence
    bool inactive_counts = false;  // fill GridResult::inactive_count
    int count_layer = -1;          // −1: inactive units of every hidden layer; h: of hidden layer h only
    int unit_layer = -1;           // ≥ 0 with unit ≥ 0: fill GridResult::unit_active for that hidden unit
    int unit = -1;
    // > 0: fill GridResult::thumbnails — every node's value (inputs, hidden units, output classes)
    // at one pixel in `thumbnail_stride` each way, taken from this same pass: the network diagram's
    // node pictures cost a copy, not a pass of their own.
    int thumbnail_stride = 0;
    // Fill GridResult::patterns: each pixel's activation pattern, the piece every piecewise-linear
    // unit is on (linear_regions.hpp), read off z in this same pass.
    bool activation_patterns = false;
};

// Every node of the network sampled on a coarse sub-grid of the plane: sample (k, m) is pixel
// (column k·stride + stride/2, row m·stride + stride/2) of the grid.
struct GridThumbnails {
    int width = 0, height = 0;  // samples per side
    int stride = 0;             // grid pixels from one sample to the next
    // Node layers: 0 = the input features (x, y, x², …), 1..H = hidden layers, H + 1 = the outputs.
    // layer_first[l] is layer l's first node; layer_first.back() is the node count.
    std::vector<int> layer_first;
    // nodes × (width·height), node-major, each node's samples in image order: the feature's value,
    // the hidden unit's output a = f(z), or the output class's softmax probability (0 without
    // GridRequest::probabilities).
    std::vector<float> values;

    int samples() const { return width * height; }
    int node(int layer, int unit) const { return layer_first[static_cast<size_t>(layer)] + unit; }
    const float* of(int layer, int unit) const {
        return values.data() + static_cast<size_t>(node(layer, unit)) * static_cast<size_t>(samples());
    }
};

// Each field is filled only when the request asks for it, and otherwise left empty (a result is
// reused from call to call: nothing of an earlier call stays in it).
struct GridResult {
    int width = 0, height = 0, classes = 0;
    std::vector<float> probabilities;           // pixels × classes, pixel-major: [p·K + k], softmax of the logits
    std::vector<std::uint8_t> predicted;        // per pixel: argmax class (ties to the lower class)
    std::vector<float> confidence;              // per pixel: the largest probability, 1/K..1
    std::vector<std::uint16_t> inactive_count;  // per pixel: hidden units with f′ in their inactive region
                                                // (activity.hpp: dead or saturated, per layer's rule)
    std::vector<std::uint8_t> unit_active;      // per pixel: 1 where the chosen unit is active
    GridThumbnails thumbnails;
    int pattern_words = 0;                      // 64-bit words per pixel's pattern (0: no piecewise-linear unit)
    std::vector<std::uint64_t> patterns;        // pixels × pattern_words: bits laid out by pattern_layout()
};

class GridEvaluator {
   public:
    // `threads`: 0 = every hardware thread (at most 4). Tiles are split between threads in fixed
    // contiguous ranges and computed identically, so the result does not depend on the thread count.
    explicit GridEvaluator(int threads = 0);

    // Fills what `request` asks for (other members are left as they were). Ask for probabilities and
    // inactive counts in one call when both are drawn: one pass through the network serves both.
    // Allocates only when the grid or the network grows.
    void evaluate(const Mlp& mlp, const GridView& view, const GridRequest& request, GridResult& result);

   private:
    static constexpr Eigen::Index kTile = 512;  // pixels per pass through the network

    struct Scratch {                       // one per thread
        std::vector<MatrixF> activations;  // per layer: units_l × kTile; the hidden ones hold a_l, the last logits
        Eigen::VectorXf derivative;        // max units · kTile: f′ of the current hidden layer (units × n)
        MatrixF xy;                        // 2 × kTile: pixel centres
        MatrixF inputs;                    // features × kTile
        std::vector<std::pair<Eigen::Index, int>> samples;  // this tile's thumbnail samples: (column in tile, sample)
    };

    int threads_;
    std::vector<MatrixF> weights_;         // per layer: units_l × units_{l−1}, float copies of W_l
    std::vector<Eigen::VectorXf> biases_;  // per layer: units_l
    Eigen::VectorXf xs_, ys_;              // width / height: pixel-centre coordinates
    std::vector<Scratch> scratch_;
};

}  // namespace actviz
