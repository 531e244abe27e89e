#pragma once
// One seeded random engine for everything random in actviz. Every routine that needs randomness
// takes a seed or an Rng&, so the same seed gives the same numbers on every machine: the engine
// (xoshiro256**) and the distributions are our own code, not the standard library's
// implementation-defined ones.

#include <array>
#include <cstdint>

namespace actviz {

class Rng {
public:
    explicit Rng(std::uint64_t seed);

    std::uint64_t next_u64();
    double uniform();                        // [0, 1), 53 random bits
    double uniform(double lo, double hi);    // [lo, hi)
    double normal();                         // N(0, 1), Box-Muller (both values used)
    double normal(double mean, double stddev);
    std::uint64_t below(std::uint64_t n);    // uniform integer in [0, n), unbiased; n > 0

private:
    std::array<std::uint64_t, 4> state_;
    double spare_normal_ = 0.0;
    bool has_spare_normal_ = false;
};

}  // namespace actviz
