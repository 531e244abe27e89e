#include "core/gradflow_density.hpp"

#include <bit>
#include <cmath>
#include <cstring>
#include <type_traits>

namespace actviz {

double gradflow_density_half_width(const Activation& activation, const ParameterValues& p) {
    return z_histogram_half_width(activation, p, 0);
}

int binary_exponent(double value) { return std::ilogb(value); }

namespace {

// The exponent straight from the bits: ilogb per entry would cost more than the pass's own work
// on a layer. Denormals (biased exponent 0) and the rare non-finite entries take the slow path.
inline int exponent_bits(double v) { return static_cast<int>((std::bit_cast<std::uint64_t>(v) >> 52) & 0x7ff); }
inline int exponent_bits(float v) { return static_cast<int>((std::bit_cast<std::uint32_t>(v) >> 23) & 0xff); }
template <typename T>
constexpr int kExponentBias = std::is_same_v<T, double> ? 1023 : 127;
template <typename T>
constexpr int kExponentAllOnes = std::is_same_v<T, double> ? 0x7ff : 0xff;

}  // namespace

template <typename T>
void count_magnitudes(const T* values, std::int64_t count, int first_exponent, std::int64_t* by_exponent,
                      std::int64_t& zero, std::int64_t& nonfinite) {
    for (std::int64_t i = 0; i < count; ++i) {
        const T v = values[i];
        const int biased = exponent_bits(v);
        if (biased == kExponentAllOnes<T>) {
            ++nonfinite;
        } else if (biased != 0) {
            ++by_exponent[biased - kExponentBias<T> - first_exponent];
        } else if (v == T(0)) {
            ++zero;
        } else {
            ++by_exponent[std::ilogb(v) - first_exponent];  // a denormal
        }
    }
}

template void count_magnitudes<float>(const float*, std::int64_t, int, std::int64_t*, std::int64_t&, std::int64_t&);
template void count_magnitudes<double>(const double*, std::int64_t, int, std::int64_t*, std::int64_t&, std::int64_t&);

}  // namespace actviz
