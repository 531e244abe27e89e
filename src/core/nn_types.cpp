#include "core/nn_types.hpp"

#include "core/rng.hpp"

namespace actviz {

std::uint64_t stream_seed(std::uint64_t seed, SeedStream stream, std::uint64_t index) {
    // Two rounds of the seeded engine scramble (seed, stream, index) into an unrelated 64-bit seed.
    Rng mixer(seed ^ (static_cast<std::uint64_t>(stream) * 0x9e3779b97f4a7c15ULL));
    Rng second(mixer.next_u64() ^ (index * 0xbf58476d1ce4e5b9ULL));
    return second.next_u64();
}

}  // namespace actviz
