#pragma once
// Weight initialisation schemes, with torch.nn.init's formulas. A weight matrix is out × in
// (PyTorch's nn.Linear layout: z = W·a + b), so fan_in = columns and fan_out = rows.
//   xavier_uniform  U(−a, a),  a = gain·√(6 / (fan_in + fan_out))          (Glorot & Bengio 2010)
//   xavier_normal   N(0, σ²),  σ = gain·√(2 / (fan_in + fan_out))
//   he_uniform      U(−a, a),  a = gain·√2·√(3 / fan_in)    kaiming_uniform_(nonlinearity="relu")
//   he_normal       N(0, σ²),  σ = gain·√2 / √fan_in         kaiming_normal_(nonlinearity="relu")
//   lecun_normal    N(0, σ²),  σ = gain / √fan_in            kaiming_normal_(nonlinearity="linear");
//                                                             plain, not truncated as in JAX/Keras
//   orthogonal      gain·Q, Q from the QR of a Gaussian matrix with R's diagonal made positive
//                   (orthogonal_: orthonormal rows or columns, whichever are fewer)
//   normal          N(0, σ²),  σ = gain·std, std chosen by the user
// He's √2 is built in (the ReLU gain); `gain` multiplies every scheme's scale on top of that.

#include <optional>
#include <string>
#include <span>
#include <string_view>

#include <Eigen/Core>

#include "core/rng.hpp"

namespace actviz {

enum class InitScheme { XavierUniform, XavierNormal, HeUniform, HeNormal, LecunNormal, Orthogonal, Normal };

// Every scheme's stable lower-case name (CLI, sessions), in enum order.
std::span<const std::string_view> init_scheme_names();
std::string_view init_scheme_name(InitScheme scheme);
std::optional<InitScheme> find_init_scheme(std::string_view name);
// Why a gain, a std (read by Normal only) or an initial bias is out of range (gain and std in
// (0, max_gain], |bias| ≤ max_bias), or nullopt: the gradient-flow simulator and the classifier
// validate their initialisation alike.
std::optional<std::string> init_settings_error(InitScheme init, double gain, double normal_std, double bias,
                                               double max_gain, double max_bias);

// Fills `weights` (out × in, at least 1 × 1) with draws from `rng`, row by row. `normal_std` is
// only read by InitScheme::Normal. Callers validate gain and std (finite, > 0).
void initialise_weights(Eigen::Ref<Eigen::MatrixXd> weights, InitScheme scheme, double gain, double normal_std,
                        Rng& rng);

}  // namespace actviz
