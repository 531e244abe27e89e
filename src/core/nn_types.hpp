#pragma once
// The matrix convention of the 2D classifier (dataset → features → mlp → loss → optimizer → trainer → grid):
// ONE COLUMN = ONE SAMPLE. A batch of n points is a features × n matrix, a layer's pre-activations
// are units × n, logits are classes × n. Weights are out × in (PyTorch's nn.Linear layout,
// z = W·a + b), so a layer is one matrix product over the whole batch.

#include <cstdint>

#include <Eigen/Core>

namespace actviz {

using Matrix = Eigen::MatrixXd;  // column-major; rows = features/units/classes, columns = samples
using Vector = Eigen::VectorXd;
using MatrixF = Eigen::MatrixXf;  // the same in float32, for the decision-boundary grid

// Independent, reproducible streams of one user seed (data, split, weights, batch order): changing
// how much one consumer draws never shifts another's numbers.
enum class SeedStream : std::uint64_t { Data = 1, Split = 2, Weights = 3, BatchOrder = 4 };
std::uint64_t stream_seed(std::uint64_t seed, SeedStream stream, std::uint64_t index = 0);

}  // namespace actviz
