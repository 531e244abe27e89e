#include "core/bakeoff.hpp"

#include <algorithm>
#include <limits>
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
    return tried_ != trainer_.steps() && (history.empty() || history.back().step != trainer_.steps());
}

void Contestant::record() {
    if (unrecorded()) {
        trainer_.record();
        tried_ = trainer_.steps();
    }
    observe_last_record();
}

bool Contestant::take_record(RecordResult& result, std::uint64_t basis) {
    // Only a record newer than the last: a pause records every contestant at its step in the frame.
    const std::vector<HistoryRecord>& history = trainer_.history();
    if (!history.empty() && history.back().step >= result.entry.step) return false;
    if (!trainer_.take_record(result, basis)) return false;
    tried_ = result.entry.step;
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
    // A round step_within left unfinished is finished first: every contestant ends k steps on from
    // the same step.
    int finished = 0;
    while (round_unfinished() && step_next(seed_index, finished)) continue;
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

bool Bakeoff::can_step(const Contestant& c, int seed_index) const {
    return selected(c, seed_index) && allowed(c, 1) > 0 && !c.trainer().divergence();
}

int Bakeoff::steppable(int seed_index) const {
    return static_cast<int>(std::count_if(contestants_.begin(), contestants_.end(),
                                          [&](const Contestant& c) { return can_step(c, seed_index); }));
}

int Bakeoff::next_steppable(int from, int seed_index) const {
    while (from < size() && !can_step(contestant(from), seed_index)) ++from;
    return from;
}

bool Bakeoff::step_next(int seed_index, int& rounds) {
    int i = next_steppable(round_next_, seed_index);
    if (i == size()) i = next_steppable(0, seed_index);  // nobody is left in the round in progress
    if (i == size()) {
        round_next_ = 0;
        return false;  // every selected contestant diverged or is at the step budget
    }
    contestants_[static_cast<size_t>(i)].update(1);
    round_next_ = next_steppable(i + 1, seed_index);
    if (round_next_ == size()) {  // the last one of the round: every selected contestant took its step
        round_next_ = 0;
        ++rounds;
    }
    return true;
}

Bakeoff::Progress Bakeoff::step_within(std::chrono::nanoseconds budget, int max_steps, int seed_index, bool record,
                                       int min_steps) {
    // The loop's unit is one contestant's step, not a lockstep round: a round of seven contestants
    // of a large network costs seven steps, which no frame should wait for at once. A round left
    // unfinished goes on in the next call, from the contestant after the last one stepped.
    Progress progress;
    const auto step_one = [&] { return progress.rounds < max_steps && step_next(seed_index, progress.rounds); };
    // The last records' time is kept free for this call's records.
    const std::chrono::nanoseconds records = record ? record_time_ : std::chrono::nanoseconds(0);
    const int selected_count = static_cast<int>(std::count_if(
        contestants_.begin(), contestants_.end(), [&](const Contestant& c) { return selected(c, seed_index); }));
    progress.steps = run_steps_within(budget - records, std::numeric_limits<int>::max(), step_one, steady_step_clock(),
                                      min_steps * selected_count);
    if (!record) return progress;
    const Clock::time_point records_start = Clock::now();
    if (progress.steps > 0) this->record(seed_index);
    record_time_ = std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - records_start);
    return progress;
}

}  // namespace actviz
