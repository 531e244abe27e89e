#pragma once
// Which links of a weight layer the network diagram draws: all of them while they are few, the
// strongest by |w| when there are more than a reader can follow (64 × 64 = 4096 lines are a
// hairball; the few hundred largest weights carry the picture).

#include <vector>

#include "core/nn_types.hpp"

namespace actviz {

struct Link {
    int to = 0, from = 0;  // W(to, from): unit `to` of this layer, node `from` of the layer before
    double weight = 0;
};

// The links of W (units × inputs) with the largest |w|, at most `budget` of them, strongest first
// (ties in column-major order, so the choice is reproducible); every link when W has ≤ budget.
std::vector<Link> strongest_links(const Eigen::Ref<const Matrix>& weights, int budget);

}  // namespace actviz
