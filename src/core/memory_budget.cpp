#include "core/memory_budget.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "core/optimizer.hpp"

namespace actviz {

std::string format_bytes(double bytes) {
    char text[32];
    if (bytes >= 1e9) std::snprintf(text, sizeof text, "%.1f GB", bytes / 1e9);
    else if (bytes >= 1e6) std::snprintf(text, sizeof text, "%.0f MB", bytes / 1e6);
    else std::snprintf(text, sizeof text, "%.0f kB", bytes / 1e3);
    return text;
}

std::optional<std::size_t> parse_memory_size(std::string_view text) {
    double number = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error != std::errc() || !std::isfinite(number) || number <= 0) return std::nullopt;
    std::string unit(end, text.data() + text.size());
    for (char& c : unit) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    double scale = 0;
    if (unit.empty() || unit == "b") scale = 1;
    else if (unit == "k" || unit == "kb") scale = 1e3;
    else if (unit == "m" || unit == "mb") scale = 1e6;
    else if (unit == "g" || unit == "gb") scale = 1e9;
    else if (unit == "t" || unit == "tb") scale = 1e12;
    else if (unit == "kib") scale = 1024.0;
    else if (unit == "mib") scale = 1024.0 * 1024;
    else if (unit == "gib") scale = 1024.0 * 1024 * 1024;
    else if (unit == "tib") scale = 1024.0 * 1024 * 1024 * 1024;
    else return std::nullopt;
    const double bytes = number * scale;
    if (bytes < 1 || bytes > 1e18) return std::nullopt;
    return static_cast<std::size_t>(bytes);
}

namespace {

// A budget as it was most likely typed: "2 GiB", "512 MiB", else in decimal units.
std::string budget_text(std::size_t budget) {
    constexpr std::size_t kMiB = std::size_t{1} << 20, kGiB = std::size_t{1} << 30;
    if (budget % kGiB == 0) return std::to_string(budget / kGiB) + " GiB";
    if (budget % kMiB == 0) return std::to_string(budget / kMiB) + " MiB";
    return format_bytes(static_cast<double>(budget));
}

}  // namespace

std::optional<std::string> over_budget(std::string_view what, double bytes, std::size_t budget) {
    if (bytes <= static_cast<double>(budget)) return std::nullopt;
    return std::string(what) + " needs about " + format_bytes(bytes) + ", over the memory budget of " + budget_text(budget) + "; make it smaller or raise the budget (--memory-budget, or Settings > Memory budget in the app)";
}

namespace {

struct Sizes {
    double features, hidden_units, all_units, parameters, scalar;
};

Sizes sizes_of(const TrainerConfig& config) {
    const ModelConfig& model = config.model;
    const double features = model.features.count();
    double hidden_units = 0, parameters = 0, previous = features;
    for (int units : model.hidden) {
        hidden_units += units;
        parameters += units * previous + units + 1;  // W, b, one α
        previous = units;
    }
    parameters += model.classes * previous + model.classes;
    const double scalar = config.float64 ? sizeof(double) : sizeof(float);
    return {features, hidden_units, hidden_units + model.classes, parameters, scalar};
}

// One PassWorkspace for `samples` columns: z and ∂z for every layer, a, f′ and ∂a for the hidden
// ones, plus θ and ∂θ in the pass precision.
double workspace_bytes(const Sizes& s, double samples) {
    return ((2 * s.all_units + 3 * s.hidden_units) * samples + 2 * s.parameters) * s.scalar;
}

}  // namespace

double estimate_record_bytes(const TrainerConfig& config, std::size_t train_points, std::size_t test_points) {
    const Sizes s = sizes_of(config);
    // Both sets' workspaces and the full gradient in double.
    return workspace_bytes(s, static_cast<double>(train_points)) + workspace_bytes(s, static_cast<double>(test_points)) +
           s.parameters * sizeof(double);
}

double estimate_training_bytes(const TrainerConfig& config, std::size_t train_points, std::size_t test_points) {
    const Sizes s = sizes_of(config);
    const double features = s.features, hidden_units = s.hidden_units, parameters = s.parameters, scalar = s.scalar;
    const double train = static_cast<double>(train_points), test = static_cast<double>(test_points);
    const double batch = config.batch == 0 || static_cast<double>(config.batch) > train ? train : config.batch;
    double bytes = workspace_bytes(s, batch) + estimate_record_bytes(config, train_points, test_points);
    bytes += features * (train + test) * (sizeof(double) + scalar) + features * batch * scalar;  // inputs
    bytes += (train + test) * (sizeof(Point) + sizeof(int)) + train * 2 * sizeof(int);           // points, labels, order
    // θ, next θ, the step's gradient, and every optimiser buffer (Optimizer::reset sizes them all,
    // whichever optimiser runs); the record's gradient is in estimate_record_bytes.
    bytes += (3 + static_cast<double>(kOptimizerBufferCount)) * parameters * sizeof(double);
    bytes += hidden_units * sizeof(double);    // unit activity
    return bytes;
}

namespace {

// One HistoryRecord and its two per-layer vectors. The records' vector grows by doubling, so its
// capacity may be up to twice its size; each small vector costs a heap chunk header beyond its doubles.
double history_record_bytes(const ModelConfig& model) {
    constexpr double kChunkHeader = 16;
    const double hidden_layers = static_cast<double>(model.hidden.size());
    const double per_layer = (hidden_layers + (hidden_layers + 1)) * sizeof(double);  // dead fraction, grad norm
    return 2 * sizeof(HistoryRecord) + per_layer + 2 * kChunkHeader;
}

}  // namespace

double estimate_bakeoff_bytes(const BakeoffConfig& config, std::size_t train_points, std::size_t test_points,
                              std::size_t records) {
    // Contestants differ only in the hidden activation, which the trainer estimate does not depend
    // on today; each is still estimated with its own config so that stays true if one ever does.
    double per_seed = 0;
    for (const LayerActivation& activation : config.activations) {
        TrainerConfig contestant = config.trainer;
        contestant.model.activations = {activation};
        per_seed += estimate_training_bytes(contestant, train_points, test_points) +
                    static_cast<double>(records) * history_record_bytes(contestant.model);
    }
    const double shared_data = static_cast<double>(train_points + test_points) * sizeof(Point);
    return config.seeds * per_seed + shared_data;
}

}  // namespace actviz
