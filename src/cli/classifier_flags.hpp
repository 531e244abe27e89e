#pragma once
// The flags `actviz train` and `actviz bakeoff` share: the dataset (--dataset --classes --points
// --noise --test-ratio, or --data FILE.csv [--rescale]), the network (--hidden --features --init --bias), the optimiser (--optimizer
// --nesterov --lr --batch --l2 --l1), the run (--steps --seed --every). Each bad value is a
// UsageError naming its flag. The activation is the caller's: train takes one, bakeoff a list.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cli/flags.hpp"
#include "core/dataset.hpp"
#include "core/points_csv.hpp"
#include "core/trainer.hpp"

namespace actviz::cli {

inline constexpr long long kMaxTrainSteps = 100'000'000;

std::span<const FlagSpec> classifier_flags();

// The value of a required flag, or a UsageError "--name is missing, e.g. --name example".
std::string_view required_flag(const Flags& flags, const char* name, const char* example);

// What a run asks for besides the data and the network.
struct RunFlags {
    std::uint64_t seed = 0;  // --seed, default 0
    long long steps = 0;     // --steps, required
    long long every = 100;   // --every, default 100
};
RunFlags run_from_flags(const Flags& flags);

DatasetConfig dataset_from_flags(const Flags& flags, std::uint64_t seed);
// --data FILE.csv [--rescale]: the user's points (core/points_csv.hpp), split by the file's split
// column or else by --test-ratio and `seed`; nullopt without --data. A file that cannot be read or
// is malformed is a UsageError naming the file, the line and the column; --dataset, --classes,
// --points and --noise (which describe generated points) are refused beside it.
std::optional<ImportedData> data_from_file_flag(const Flags& flags, std::uint64_t seed);
// The trainer for `activation` on `classes` classes; --batch is checked against `train_points`.
TrainerConfig trainer_from_flags(const Flags& flags, int classes, std::uint64_t seed, int train_points,
                                 const LayerActivation& activation);

// "a, b, c" for "one of ..." messages.
std::string joined_names(std::span<const std::string_view> names);

}  // namespace actviz::cli
