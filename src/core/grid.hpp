#pragma once
// One batched forward pass of an Mlp over every pixel of a W × H grid of the input plane: what the
// Classifier panel's decision boundary and dead-ReLU map draw each frame. Computed in float32 (twice
// the SIMD width of double; tests hold it to 1e-4 of the double forward pass), tile by tile so the
// activations stay in cache, into buffers reused from frame to frame.
//
// Pixel order is image order: index p = j·W + i, row j = 0 at the TOP (y_max), column i = 0 at
// the left (x_min); each pixel is sampled at its centre.

#include <cstdint>
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
};

struct GridResult {
    int width = 0, height = 0, classes = 0;
    std::vector<float> probabilities;           // pixels × classes, pixel-major: [p·K + k], softmax of the logits
    std::vector<std::uint8_t> predicted;        // per pixel: argmax class (ties to the lower class)
    std::vector<float> confidence;              // per pixel: the largest probability, 1/K..1
    std::vector<std::uint16_t> inactive_count;  // per pixel: hidden units with f′ in their inactive region
                                                // (activity.hpp: dead or saturated, per layer's rule)
    std::vector<std::uint8_t> unit_active;      // per pixel: 1 where the chosen unit is active
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
    };

    int threads_;
    std::vector<MatrixF> weights_;         // per layer: units_l × units_{l−1}, float copies of W_l
    std::vector<Eigen::VectorXf> biases_;  // per layer: units_l
    Eigen::VectorXf xs_, ys_;              // width / height: pixel-centre coordinates
    std::vector<Scratch> scratch_;
};

}  // namespace actviz
