#pragma once
// Figures read off an activation's sampled curve (its inactivity rule, its zones' inner edge) cost
// ~0.3–0.9 ms each in a release build: 2,001 samples, an analysis, a sort. Every trainer built,
// every Bake-off contestant (on the UI thread and on the background seeds' worker) and every
// histogram range chosen paid them again for the same curve. An activation is never freed or moved
// (activation.hpp), so its address and its parameters' bits name one curve for the process's life.

#include <array>
#include <bit>
#include <cstdint>
#include <map>
#include <mutex>
#include <utility>

#include "core/activation.hpp"

namespace actviz {

template <typename Value>
class CurveMemo {
public:
    // compute(activation, p) once per curve; thread-safe. Bounded: emptied when full (users slide
    // parameters through many values; each is recomputed at most once per fill).
    template <typename Compute>
    Value get(const Activation& activation, const ParameterValues& p, Compute compute) {
        Key key{&activation, {}};
        // Bits, not values: NaN parameters still give a key that compares (and equals itself). Only
        // the parameters the activation has: what the unused slots hold does not change the curve.
        for (int i = 0; i < activation.parameter_count && i < kMaxParameters; ++i) {
            key.second[static_cast<size_t>(i)] = std::bit_cast<std::uint64_t>(p[static_cast<size_t>(i)]);
        }
        {
            std::lock_guard lock(mutex_);
            if (const auto found = values_.find(key); found != values_.end()) return found->second;
        }
        Value value = compute(activation, p);  // outside the lock: two threads may both compute it once
        std::lock_guard lock(mutex_);
        if (values_.size() >= kCapacity) values_.clear();
        values_.emplace(key, value);
        return value;
    }

private:
    static constexpr size_t kCapacity = 4096;
    using Key = std::pair<const Activation*, std::array<std::uint64_t, kMaxParameters>>;
    std::mutex mutex_;
    std::map<Key, Value> values_;
};

}  // namespace actviz
