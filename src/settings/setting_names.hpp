#pragma once
// The stable names the session file uses for the settings' enums (never their numeric values, so
// reordering an enum never changes what a saved file means).

#include <array>
#include <string_view>

namespace actviz::settings {

inline constexpr std::array<std::string_view, 3> kCurveChoiceNames{"function", "derivative", "both"};
inline constexpr std::array<std::string_view, 3> kQuantityNames{"weight_grad", "activation_grad", "mean_abs_dz"};
inline constexpr std::array<std::string_view, 2> kDensityValueNames{"inputs", "gradients"};  // DensityValue
inline constexpr std::array<std::string_view, 3> kMouseToolNames{"pan", "add", "erase"};

}  // namespace actviz::settings
