#include "core/linear_regions.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_map>

#include "core/mlp.hpp"

namespace actviz {
namespace {

constexpr std::array<std::string_view, 12> kPiecewiseLinear = {
    "relu", "leaky_relu", "prelu", "rrelu", "relu6", "hardtanh", "hardsigmoid",
    "softshrink", "hardshrink", "threshold", "step", "identity"};

int bits_for(int pieces) {
    int bits = 0;
    while ((1 << bits) < pieces) ++bits;
    return bits;
}

// splitmix64's finaliser over the words: cheap, and good enough that equal hashes of different
// patterns are rare (they are still told apart word by word).
std::uint64_t hash_words(const std::uint64_t* words, int count) {
    std::uint64_t h = 0x9E3779B97F4A7C15ull;
    for (int i = 0; i < count; ++i) {
        std::uint64_t x = words[i] + h + 0x9E3779B97F4A7C15ull * static_cast<std::uint64_t>(i + 1);
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
        h = x ^ (x >> 31);
    }
    return h;
}

}  // namespace

bool piecewise_linear(const Activation& activation) {
    if (activation.custom) return false;  // a typed formula may be anything
    return std::find(kPiecewiseLinear.begin(), kPiecewiseLinear.end(), activation.name) != kPiecewiseLinear.end();
}

PatternLayout pattern_layout(const Mlp& mlp) {
    PatternLayout layout;
    const int hidden = mlp.hidden_count();
    layout.bits.assign(static_cast<size_t>(hidden), 0);
    layout.kinks.resize(static_cast<size_t>(hidden));
    layout.first_bit.assign(static_cast<size_t>(hidden), 0);
    for (int h = 0; h < hidden; ++h) {
        const auto i = static_cast<size_t>(h);
        layout.first_bit[i] = layout.total_bits;
        const Activation& activation = mlp.activation(h);
        if (!piecewise_linear(activation)) continue;
        std::vector<double> kinks = activation.kinks(mlp.activation_parameters(h));
        std::sort(kinks.begin(), kinks.end());
        kinks.erase(std::unique(kinks.begin(), kinks.end()), kinks.end());
        for (double kink : kinks) layout.kinks[i].push_back(static_cast<float>(kink));
        layout.bits[i] = bits_for(static_cast<int>(kinks.size()) + 1);
        if (layout.bits[i] == 0) continue;  // identity: one piece, nothing to tell apart
        layout.total_bits += layout.bits[i] * mlp.units(h);
        layout.units += mlp.units(h);
        ++layout.layers;
    }
    layout.words = (layout.total_bits + 63) / 64;
    return layout;
}

void label_linear_regions(std::span<const std::uint64_t> patterns, int words, std::size_t pixels,
                          LinearRegions& out) {
    out.region.resize(pixels);
    out.key.clear();
    out.count = 0;
    if (pixels == 0) return;
    if (words <= 0) {
        std::fill(out.region.begin(), out.region.end(), 0);
        out.key.push_back(0);
        out.count = 1;
        return;
    }
    const auto w = static_cast<size_t>(words);
    std::unordered_map<std::uint64_t, std::int32_t> first_of_hash;  // hash → its first region
    std::vector<std::int32_t> next_same_hash;                        // per region: the next with its hash, or −1
    std::vector<std::size_t> representative;                         // per region: its first pixel
    first_of_hash.reserve(1024);
    // Runs of equal patterns along a row are the common case: compare with the last pixel first.
    std::int32_t last = -1;
    for (std::size_t p = 0; p < pixels; ++p) {
        const std::uint64_t* pattern = patterns.data() + p * w;
        if (last >= 0 && std::equal(pattern, pattern + w, patterns.data() + representative[static_cast<size_t>(last)] * w)) {
            out.region[p] = last;
            continue;
        }
        const std::uint64_t hash = hash_words(pattern, words);
        const auto it = first_of_hash.try_emplace(hash, -1).first;
        std::int32_t found = -1, tail = -1;
        for (std::int32_t r = it->second; r >= 0; tail = r, r = next_same_hash[static_cast<size_t>(r)]) {
            if (std::equal(pattern, pattern + w, patterns.data() + representative[static_cast<size_t>(r)] * w)) {
                found = r;
                break;
            }
        }
        if (found < 0) {
            found = out.count++;
            representative.push_back(p);
            next_same_hash.push_back(-1);
            out.key.push_back(hash);
            if (tail >= 0)
                next_same_hash[static_cast<size_t>(tail)] = found;
            else
                it->second = found;
        }
        out.region[p] = found;
        last = found;
    }
}

}  // namespace actviz
