#pragma once
// Stacked linear layers collapse to one. With the identity as every hidden activation the Mlp is
//   logits = W_L(⋯W_2(W_1 a_0 + b_1) + b_2⋯) + b_L = W* a_0 + b*,
//   W* = W_L ⋯ W_2 W_1          (K × F: as many columns as the network has inputs)
//   b* = W_L(⋯(W_2 b_1 + b_2)⋯) + b_L
// so however deep it is, it draws the decision boundaries of a network with no hidden layer: straight
// lines in its input features (x and y, plus x², sin x, … when those are switched on).

#include <optional>

#include "core/mlp.hpp"
#include "core/nn_types.hpp"

namespace actviz {

struct AffineMap {
    Matrix weight;  // W*: classes × inputs, as nn.Linear stores it
    Vector bias;    // b*: classes
};

// True when every hidden layer's activation is the identity (also for a network without hidden layers).
bool all_hidden_layers_linear(const Mlp& mlp);

// The one layer the network equals, or nullopt when some hidden activation is not the identity.
std::optional<AffineMap> collapsed_affine_map(const Mlp& mlp);

}  // namespace actviz
