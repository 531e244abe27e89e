#pragma once
// Linear regions of a piecewise-linear network (issue 14, item 6). A unit whose activation is
// piecewise linear (ReLU: two pieces split at 0; ReLU6, hardtanh: three) is on one of its pieces at
// each input; the list of pieces of every such unit is the point's activation pattern. Where the
// pattern is constant the network is one affine map, so the distinct patterns over the plane are its
// linear regions ("two ReLU lines split the plane into four regions" — for any depth).
//
// The grid evaluator (grid.hpp) writes each pixel's pattern as bits in its one forward pass
// (GridRequest::activation_patterns); label_linear_regions numbers the distinct patterns. A region
// narrower than a grid cell is missed, so the count is of the regions the grid sees.

#include <cstdint>
#include <span>
#include <vector>

#include "core/activation.hpp"

namespace actviz {

class Mlp;

// Whether f is affine between its kinks (Activation::kinks): ReLU, leaky ReLU, PReLU, RReLU (eval),
// ReLU6, hardtanh, hardsigmoid, softshrink, hardshrink, threshold, step, identity. ELU, GELU, tanh,
// hardswish, … are curved somewhere and have no linear regions.
bool piecewise_linear(const Activation& activation);

// Where each hidden unit's piece sits in a pattern: `bits` per unit of layer h (0 for a layer that is
// not piecewise linear, or has no kink), the kinks in increasing order (float, as the grid computes
// z), and the first bit of each layer.
struct PatternLayout {
    std::vector<int> bits;                      // per hidden layer: bits per unit (0: not counted)
    std::vector<std::vector<float>> kinks;      // per hidden layer: its kinks, increasing
    std::vector<int> first_bit;                 // per hidden layer: where its units' bits start
    int total_bits = 0;
    int words = 0;                              // 64-bit words per pattern (0: no counted unit)
    int units = 0;                              // hidden units counted
    int layers = 0;                             // hidden layers counted
};
PatternLayout pattern_layout(const Mlp& mlp);

// The piece of a unit at pre-activation z: how many of its kinks lie below z (a z exactly at a kink
// takes the piece on its left, as ReLU's z = 0 is "off").
inline int piece_of(float z, std::span<const float> kinks) {
    int piece = 0;
    for (float kink : kinks) piece += z > kink;
    return piece;
}

struct LinearRegions {
    int count = 0;                     // distinct patterns over the grid
    std::vector<std::int32_t> region;  // per pixel: 0..count−1 in order of first appearance (image order)
    std::vector<std::uint64_t> key;    // per region: a hash of its pattern — the same pattern keeps its
                                       // colour from frame to frame while other regions come and go
};

// Numbers the distinct patterns among `pixels` patterns of `words` words each (`patterns`:
// pixels × words, pixel-major). Exact: patterns with equal hashes are compared word by word.
// words = 0: one region (no counted unit: the whole plane is one piece).
void label_linear_regions(std::span<const std::uint64_t> patterns, int words, std::size_t pixels,
                          LinearRegions& out);

}  // namespace actviz
