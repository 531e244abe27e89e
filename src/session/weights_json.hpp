#pragma once
// A trained classifier's weights as JSON a person or a script can read (File > Export weights,
// actviz train --weights FILE): per layer its shape, activation, W (out × in, row by row, as
// PyTorch's nn.Linear stores it) and b, plus the input features in order. Doubles are written in
// the shortest form that reads back bit-identical.

#include <string>

#include "core/mlp.hpp"

namespace actviz::session {

std::string weights_to_json(const Mlp& mlp);

}  // namespace actviz::session
