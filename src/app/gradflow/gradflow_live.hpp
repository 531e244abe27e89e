#pragma once
// Runs the gradient-flow simulations of the panel's settings on a background thread: first every
// overlaid curve (with progress), then the depth × gain map cell by cell. Changing the settings
// cancels the work in flight and starts over; results appear as they finish.

#include <array>
#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/background_worker.hpp"
#include "settings/gradflow_settings.hpp"
#include "core/memory_budget.hpp"
#include "app/vocabulary.hpp"

namespace actviz::app {

// The map's axes: depths 1..100 and init gains 0.25..4, log-spaced.
inline constexpr std::array<int, 12> kMapDepths{1, 2, 3, 5, 7, 10, 15, 20, 30, 50, 70, 100};
inline constexpr std::array<double, 9> kMapGains{0.25, 0.3536, 0.5, 0.7071, 1.0, 1.4142, 2.0, 2.8284, 4.0};

// The map varies depth and gain of curve 1's configuration. It keeps curve 1's width and batch up to
// these (so by default its cell for curve 1's depth and gain is the headline's very run); wider or larger
// batches are cut to them to keep the 108 runs quick, and the panel then says its figures differ.
inline constexpr int kMapMaxWidth = 64;
inline constexpr int kMapMaxBatch = 256;
GradflowConfig map_base_config(const GradflowSimulation& simulation);
// The run behind the map's cell [depth_index][gain_index]: map_base_config at that depth and gain.
GradflowConfig map_cell_config(const GradflowSimulation& simulation, std::size_t depth_index, std::size_t gain_index);

// The true bound (an SVD per layer) is computed for curves up to this width; wider, it would cost
// more than the run itself and the panel says it is not drawn.
inline constexpr int kBoundMaxWidth = 256;

// One depth × gain map cell: what its verdict needs.
struct GradflowMapCell {
    LayerStats first, last;     // the first and last hidden layers' statistics
    RunFiniteness finiteness;   // of the whole run: an overflowed cell's ratio means nothing
};
GradflowMapCell map_cell_of(const GradflowResult& result);  // result has layers

struct GradflowSnapshot {
    std::vector<std::optional<GradflowResult>> curves;  // per settings curve; empty until computed
    // Per map cell [depth][gain]; empty until computed.
    std::array<std::array<std::optional<GradflowMapCell>, kMapGains.size()>, kMapDepths.size()> map{};
    int map_cells_done = 0;
    double progress = 0;   // of the curves, 0..1, moving within each curve
    bool busy = false;
    std::string error;     // why the settings cannot run
};

// The quantity the chart shows, read from one layer's statistics.
double quantity_of(const LayerStats& layer, GradQuantity quantity);

class GradflowLive {
public:
    // Starts over when `settings` differ from the last request. A curve whose estimated memory is
    // over `memory_budget` (bytes) is not run: the snapshot's error gives the estimate.
    void request(const GradflowSimulation& simulation, std::size_t memory_budget = kDefaultMemoryBudget);
    // A copy of what has been computed so far for the latest request.
    GradflowSnapshot snapshot() const;

private:
    // One request's work. It owns an immutable copy of the settings it was requested with, and its
    // generation: the snapshot is its to fill only while no newer request has reset it.
    struct Job {
        const GradflowSimulation settings;
        const std::uint64_t generation;
    };
    void run(const Job& job, const std::atomic<bool>& cancel);
    // Whether `job` is still the latest request; mutex_ must be held.
    bool is_current(const Job& job) const { return job.generation == generation_; }

    std::optional<GradflowSimulation> requested_;
    std::size_t requested_budget_ = 0;
    mutable std::mutex mutex_;
    GradflowSnapshot shared_;
    std::uint64_t generation_ = 0;  // guarded by mutex_: one more for every request that resets shared_
    std::atomic<double> progress_{0};        // curves finished, as a fraction of all
    std::atomic<double> curve_progress_{0};  // of the curve being computed, 0..1 (the core's count)
    BackgroundWorker worker_;  // last: destroyed (and joined) first, while the members above still exist
};

}  // namespace actviz::app
