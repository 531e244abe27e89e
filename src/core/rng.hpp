#pragma once
// One seeded random engine for everything random in actviz. Every routine that needs randomness
// takes a seed or an Rng&, so the same seed gives the same numbers on every machine: the engine
// (xoshiro256**) and the distributions are our own code, not the standard library's
// implementation-defined ones.

#include <array>
#include <cstdint>

namespace actviz {

// The engine's whole state, so a saved session continues the exact same random sequence.
struct RngState {
    std::array<std::uint64_t, 4> words{};
    double spare_normal = 0.0;
    bool has_spare_normal = false;
    bool operator==(const RngState&) const = default;
};

class Rng {
public:
    explicit Rng(std::uint64_t seed);

    std::uint64_t next_u64();
    double uniform();                        // [0, 1), 53 random bits
    double uniform(double lo, double hi);    // [lo, hi)
    double normal();                         // N(0, 1), Box-Muller (both values used)
    double normal(double mean, double stddev);
    std::uint64_t below(std::uint64_t n);    // uniform integer in [0, n), unbiased; n > 0

    RngState state() const { return {state_, spare_normal_, has_spare_normal_}; }
    // xoshiro256** never leaves the all-zero state nor reaches it: that state is refused (false).
    bool set_state(const RngState& state);

private:
    std::array<std::uint64_t, 4> state_;
    double spare_normal_ = 0.0;
    bool has_spare_normal_ = false;
};

}  // namespace actviz
