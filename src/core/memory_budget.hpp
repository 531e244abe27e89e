#pragma once
// Every workload is estimated before it runs: over the memory budget it is refused up front with
// the estimate in the message, rather than attempted (and killed by the OS, or thrashing the
// machine). Estimates count the big buffers each workload allocates; they are within a few percent
// for the large configurations that matter (small ones are far below any budget anyway).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/bakeoff.hpp"
#include "core/trainer.hpp"

namespace actviz {

inline constexpr std::size_t kDefaultMemoryBudget = std::size_t{2} << 30;  // 2 GiB
inline constexpr std::size_t kMinMemoryBudget = std::size_t{16} << 20;     // 16 MiB: the app itself needs that

// "1.5 GB" (decimal, as most users count) for messages.
std::string format_bytes(double bytes);

// "2GiB", "512MiB", "1.5G", "800M", "4096" (bytes); binary and decimal units, case-insensitive.
// nullopt for anything else, zero or non-finite.
std::optional<std::size_t> parse_memory_size(std::string_view text);

// Why a workload described by `what` ("gradient flow at depth 1000 × width 1024 × batch 4096")
// needing `bytes` may not run within `budget`, or nullopt when it fits.
std::optional<std::string> over_budget(std::string_view what, double bytes, std::size_t budget);

// Bytes a Trainer of `config` allocates for `train_points` + `test_points` points: the data in
// double and in the pass precision, the step, evaluation and test workspaces (z, a, f′, ∂z, ∂a per
// layer), and the parameter-sized vectors (weights, gradients, optimiser state). History, which
// grows by a few hundred bytes per record, is not included.
double estimate_training_bytes(const TrainerConfig& config, std::size_t train_points, std::size_t test_points);
// Of those, the evaluation and test workspaces: what one RecordPass (record_pass.hpp) allocates, which
// the Classifier holds a second time when it records a large data set beside the frame.
double estimate_record_bytes(const TrainerConfig& config, std::size_t train_points, std::size_t test_points);

// Bytes a Bakeoff of `config` allocates for `train_points` + `test_points` points when each
// contestant keeps `records` history records: one Trainer per contestant (activations × seeds, each
// as estimate_training_bytes counts it), the records (unlike a single run's, a bake-off's history
// is kept for every contestant, and the CLI prints it at the end), and the dataset the contestants
// are copied from.
double estimate_bakeoff_bytes(const BakeoffConfig& config, std::size_t train_points, std::size_t test_points,
                              std::size_t records);

}  // namespace actviz
