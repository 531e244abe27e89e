#include "core/linear_collapse.hpp"

namespace actviz {

bool all_hidden_layers_linear(const Mlp& mlp) {
    for (int h = 0; h < mlp.hidden_count(); ++h) {
        if (mlp.activation(h).name != "identity") return false;
    }
    return true;
}

std::optional<AffineMap> collapsed_affine_map(const Mlp& mlp) {
    if (!all_hidden_layers_linear(mlp)) return std::nullopt;
    // Folded from the input side: after layer l, (W, b) maps a_0 to z_l.
    AffineMap map{mlp.weight(0), mlp.bias(0)};
    for (int l = 1; l < mlp.layer_count(); ++l) {
        map.bias = mlp.weight(l) * map.bias + mlp.bias(l);
        map.weight = mlp.weight(l) * map.weight;
    }
    return map;
}

}  // namespace actviz
