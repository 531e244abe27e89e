#include "core/bakeoff.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/step_loop.hpp"

namespace actviz {
namespace {

using Clock = std::chrono::steady_clock;

const BakeoffConfig& validated(const BakeoffConfig& config) {
    if (auto reason = config.validate()) throw std::invalid_argument(*reason);
    return config;
}

}  // namespace

std::optional<std::string> BakeoffConfig::validate() const {
    if (activations.empty()) return "a bake-off needs at least one activation";
    if (activations.size() > static_cast<size_t>(kMaxContestantActivations)) {
        return "at most " + std::to_string(kMaxContestantActivations) + " activations, got " +
               std::to_string(activations.size());
    }
    if (seeds < 1 || seeds > kMaxBakeoffSeeds) {
        return "seeds must be between 1 and " + std::to_string(kMaxBakeoffSeeds) + ", got " + std::to_string(seeds);
    }
    if (step_budget && *step_budget < 0) return "the step budget must be at least 0, got " + std::to_string(*step_budget);
    for (const LayerActivation& activation : activations) {
        TrainerConfig contestant = trainer;
        contestant.model.activations = {activation};
        if (auto reason = contestant.validate()) return reason;
    }
    return std::nullopt;
}

Contestant::Contestant(Dataset data, const TrainerConfig& config, int activation_index, int seed_index)
    : trainer_(std::move(data), config), activation_index_(activation_index), seed_index_(seed_index) {
    record();  // the Trainer recorded step 0; take its milestones and test accuracy
}

bool Contestant::milestones_exact() const {
    return every_step_seen_ && trainer_.effective_batch() == static_cast<int>(trainer_.data().train.size());
}

void Contestant::reach(std::int64_t step, double accuracy) {
    for (int m = 0; m < kMilestoneCount; ++m) {
        auto& reached = milestones_[static_cast<size_t>(m)];
        if (accuracy >= kMilestoneAccuracies[m] && (!reached || step < *reached)) reached = step;
    }
}

int Contestant::update(int k) {
    const bool full = trainer_.effective_batch() == static_cast<int>(trainer_.data().train.size());
    if (!full) {
        every_step_seen_ = false;
        return trainer_.update(k);
    }
    // One step at a time: each step's forward pass is the full training set at the weights of
    // the step before, so its accuracy is that step's train accuracy.
    for (int s = 0; s < k; ++s) {
        const std::int64_t before = trainer_.steps();
        if (trainer_.update(1) == 0) return s;
        reach(before, trainer_.last_batch_accuracy());
    }
    return k;
}

bool Contestant::unrecorded() const {
    const std::vector<HistoryRecord>& history = trainer_.history();
    return history.empty() || history.back().step != trainer_.steps();
}

void Contestant::record() {
    if (unrecorded()) trainer_.record();
    observe_last_record();
}

bool Contestant::take_record(RecordResult& result, std::uint64_t basis) {
    // Only a record newer than the last: a pause records every contestant at its step in the frame.
    const std::vector<HistoryRecord>& history = trainer_.history();
    if (!history.empty() && history.back().step >= result.entry.step) return false;
    if (!trainer_.take_record(result, basis)) return false;
    observe_last_record();
    return true;
}

void Contestant::observe_last_record() {
    const std::vector<HistoryRecord>& history = trainer_.history();
    if (history.empty() || history.back().step == observed_) return;  // nothing new (e.g. a non-finite evaluation)
    const HistoryRecord& last = history.back();
    observed_ = last.step;
    reach(last.step, last.train_accuracy);
    if (last.test_accuracy && (!best_test_accuracy_ || *last.test_accuracy > *best_test_accuracy_)) {
        best_test_accuracy_ = last.test_accuracy;
    }
}

int Contestant::step(int k) {
    const int done = update(k);
    if (done > 0) record();
    return done;
}

Bakeoff::Bakeoff(const Dataset& data, const BakeoffConfig& config) : config_(validated(config)) {
    contestants_.reserve(static_cast<size_t>(config_.seeds) * config_.activations.size());
    for (int s = 0; s < config_.seeds; ++s) {
        for (int a = 0; a < activation_count(); ++a) {
            TrainerConfig trainer = config_.trainer;
            trainer.model.seed = config_.trainer.model.seed + static_cast<std::uint64_t>(s);
            trainer.model.activations = {config_.activations[static_cast<size_t>(a)]};
            contestants_.emplace_back(data, trainer, a, s);
            if (config_.history_limit > 0) contestants_.back().set_history_limit(config_.history_limit);
        }
    }
}

int Bakeoff::allowed(const Contestant& c, int k) const {
    if (!config_.step_budget) return k;
    const std::int64_t left = *config_.step_budget - c.trainer().steps();
    return static_cast<int>(std::clamp<std::int64_t>(left, 0, k));
}

int Bakeoff::step(int k, int seed_index) {
    int furthest = 0;
    for (Contestant& c : contestants_) {
        if (selected(c, seed_index)) furthest = std::max(furthest, c.step(allowed(c, k)));
    }
    return furthest;
}

bool Bakeoff::finished(int seed_index) const {
    bool any = false;
    for (const Contestant& c : contestants_) {
        if (!selected(c, seed_index)) continue;
        any = true;
        const bool at_budget = config_.step_budget && c.trainer().steps() >= *config_.step_budget;
        if (!at_budget && !c.trainer().divergence()) return false;
    }
    return any;
}

void Bakeoff::record(int seed_index) {
    for (Contestant& c : contestants_) {
        if (selected(c, seed_index)) c.record();
    }
}

std::vector<int> Bakeoff::unrecorded(int seed_index) const {
    std::vector<int> indices;
    for (int i = 0; i < size(); ++i) {
        if (selected(contestant(i), seed_index) && contestant(i).unrecorded()) indices.push_back(i);
    }
    return indices;
}

int Bakeoff::step_within(std::chrono::nanoseconds budget, int max_steps, int seed_index, bool record, int min_steps) {
    // One lockstep round is one step of the loop: every selected contestant advances together.
    const auto round = [&] {
        bool advanced = false;
        for (Contestant& c : contestants_) {
            if (selected(c, seed_index) && allowed(c, 1) > 0) advanced = c.update(1) > 0 || advanced;
        }
        return advanced;  // false: every selected contestant has diverged
    };
    // The last records' time is kept free for this call's records.
    const std::chrono::nanoseconds records = record ? record_time_ : std::chrono::nanoseconds(0);
    const int steps = run_steps_within(budget - records, max_steps, round, steady_step_clock(), min_steps);
    if (!record) return steps;
    const Clock::time_point records_start = Clock::now();
    if (steps > 0) this->record(seed_index);
    record_time_ = std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - records_start);
    return steps;
}

}  // namespace actviz
