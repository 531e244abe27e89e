#pragma once
// The bake-off: one network trained with several activations side by side, in lockstep, over
// several seeds. It is the classifier's Trainer, once per (activation, seed) contestant; there is
// no second training loop here, only the bookkeeping that makes the runs comparable.
//
// What "the same" means between contestants of one seed:
//   - one TrainerConfig; only the hidden layers' activation differs;
//   - the same data (one Dataset, copied into each Trainer);
//   - the same initial weights and biases, bit for bit: every init scheme in core/init.hpp takes its
//     scale from the user's scheme and gain, never from the activation (He's √2 is part of the
//     scheme, not chosen per activation), so the raw draw and its scale are both identical. The
//     only activation-dependent parameter is PReLU's α slot, which starts at the prelu parameter
//     for a prelu contestant and at 0 (unused) for the others;
//   - the same batches in the same order: the batch order is drawn from the model seed alone.
// Seeds: contestant seeds are the base seed (config.trainer.model.seed), base + 1, ..., base +
// seeds − 1. The data stay those the caller built (the task is fixed; the seed is the luck of the
// initial weights and batch order).
//
// Stepping: step(k) gives every contestant k optimiser steps, then evaluates each once (the
// history the charts and the CSV show). step_within, the frame's, steps one contestant at a time
// within a time budget, so a lockstep round may span calls. The 90%/95% train-accuracy milestones
// are tracked at every step at full batch (exactly and for free: each step's forward pass already
// classifies the whole training set with the pre-step weights, see Trainer::last_batch_accuracy);
// with mini-batches only evaluated steps are seen, so a milestone is the first EVALUATED step at or
// above the threshold (an upper bound, at most the evaluation spacing late; summaries say which).
//
// Threads: contestants share nothing mutable. Contestants of different seed groups may be stepped
// concurrently (step_seed on different seed indices from different threads, e.g. seed 0 on the UI
// thread and the extra seeds on a worker); reading a contestant while another thread steps it is
// a data race, as for any Trainer.
//
// Step budget: with config.step_budget set, no contestant steps past it (step and step_within
// take fewer steps, then none); finished() says every contestant is at the budget or diverged, so
// the table is over every seed at the same step. The budget may be moved while the contest runs
// (raised: it continues; lowered below a contestant's step: that contestant simply stays where
// it is — callers wanting every seed at the new budget restart the contest).

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "core/trainer.hpp"

namespace actviz {

inline constexpr int kMaxContestantActivations = 16;
inline constexpr int kMaxBakeoffSeeds = 64;
inline constexpr int kAllSeeds = -1;
// Train-accuracy milestones a summary reports the step of ("steps to 90%, 95%").
inline constexpr double kMilestoneAccuracies[] = {0.90, 0.95};
inline constexpr int kMilestoneCount = 2;

struct BakeoffConfig {
    TrainerConfig trainer;                     // shared by every contestant; its activations are replaced
    std::vector<LayerActivation> activations;  // one contestant per entry (and per seed); repeats allowed
    int seeds = 1;                             // seed groups: model seeds trainer.model.seed + 0 .. seeds − 1
    // Each contestant's history cap (Trainer::set_history_limit): 0 keeps every record (the CLI
    // prints them all); a bake-off that runs until stopped (the GUI's) caps it so memory stays flat.
    std::size_t history_limit = 0;
    // The step after which no contestant trains (nullopt: no budget, the contest runs until stopped).
    std::optional<std::int64_t> step_budget;

    std::optional<std::string> validate() const;  // one line naming the bad value, or nullopt
    bool operator==(const BakeoffConfig&) const = default;  // every field: tests compare whole configurations
};

// One (activation, seed) run: a Trainer plus its milestone tracking.
class Contestant {
   public:
    Contestant(Dataset data, const TrainerConfig& config, int activation_index, int seed_index);

    int update(int k);  // up to k optimiser steps (fewer once diverged); milestones tracked per step
    void record();      // Trainer::record, then milestones and best test accuracy from the new record
    // A record computed elsewhere (Trainer::record_job) taken in as record() takes its own; false,
    // changing nothing, when the trainer refused it (Trainer::take_record) or it is not newer than
    // the last record.
    bool take_record(RecordResult& result, std::uint64_t basis);
    // Stepped since its last record, and no record was tried at this step (one whose evaluation was
    // not finite leaves no record: the trainer diverges, and asking again would only repeat it).
    bool unrecorded() const;
    int step(int k);    // update(k), then record() if any step was taken
    void set_history_limit(std::size_t records) { trainer_.set_history_limit(records); }

    const Trainer& trainer() const { return trainer_; }
    int activation_index() const { return activation_index_; }  // into BakeoffConfig::activations
    int seed_index() const { return seed_index_; }
    std::uint64_t seed() const { return trainer_.config().model.seed; }
    std::string_view activation_name() const { return trainer_.config().model.activations.front().activation->name; }

    // First step whose weights classify ≥ kMilestoneAccuracies[m] of the training set, if seen.
    std::optional<std::int64_t> milestone(int m) const { return milestones_[static_cast<size_t>(m)]; }
    // True while every step is seen (full batch); false: milestones are at evaluated steps only.
    bool milestones_exact() const;
    std::optional<double> best_test_accuracy() const { return best_test_accuracy_; }  // over records

   private:
    void reach(std::int64_t step, double accuracy);
    void observe_last_record();  // milestones and best test accuracy from the history's last record

    Trainer trainer_;
    int activation_index_ = 0;
    int seed_index_ = 0;
    bool every_step_seen_ = true;  // false once a mini-batch step went by
    std::int64_t observed_ = -1;   // step of the last history record taken into the milestones
    std::int64_t tried_ = -1;      // step of the last record tried here or taken in (finite or not)
    std::optional<std::int64_t> milestones_[kMilestoneCount];
    std::optional<double> best_test_accuracy_;
};

class Bakeoff {
   public:
    // config must be valid (std::invalid_argument otherwise) and the data's classes match the model.
    // Contestants are ordered seed group by seed group, activations in config order within each.
    Bakeoff(const Dataset& data, const BakeoffConfig& config);

    // Every contestant of the seed group (kAllSeeds: all of them) k steps, then one record each.
    // Returns the steps taken by the furthest contestant (diverged ones stop early).
    int step(int k, int seed_index = kAllSeeds);
    // As many lockstep steps as fit in `budget` including the records at the end, one contestant's
    // step at a time (run_steps_within decides: at least one contestant's step, at most max_steps
    // rounds; min_steps rounds its minimum pace), so a call passes its budget by at most one
    // contestant's step. A round (every selected contestant one step) may end in a later call; in
    // between, the contestants before the round's position are one step ahead. Keep to one
    // seed_index per Bakeoff while a round is unfinished (step() finishes it). The time of the last
    // records is remembered and kept free in the next call's budget.
    // With record = false the steps are taken without the records (a caller drawing at 60 fps may
    // chart at a lower rate: one record costs about one full-batch step); milestones at full batch
    // are tracked either way.
    struct Progress {
        int rounds = 0;  // lockstep rounds completed: every selected contestant one step further
        int steps = 0;   // contestants' steps taken (a round of seven contestants is seven)
    };
    Progress step_within(std::chrono::nanoseconds budget, int max_steps, int seed_index = kAllSeeds, bool record = true,
                         int min_steps = 1);
    bool round_unfinished() const { return round_next_ != 0; }
    int steppable(int seed_index = kAllSeeds) const;  // selected contestants below the step budget, not diverged
    // One record for every selected contestant that stepped since its last one.
    void record(int seed_index = kAllSeeds);
    // The selected contestants that stepped since their last record: what record() would evaluate.
    std::vector<int> unrecorded(int seed_index = kAllSeeds) const;

    // The budget in force (see the header comment); nullopt removes it.
    void set_step_budget(std::optional<std::int64_t> budget) { config_.step_budget = budget; }
    std::optional<std::int64_t> step_budget() const { return config_.step_budget; }
    // Every selected contestant at the step budget or diverged (false without a budget, unless
    // every one diverged): the contest is over and its table final.
    bool finished(int seed_index = kAllSeeds) const;

    const BakeoffConfig& config() const { return config_; }
    int activation_count() const { return static_cast<int>(config_.activations.size()); }
    int seed_count() const { return config_.seeds; }
    int size() const { return static_cast<int>(contestants_.size()); }
    const Contestant& contestant(int i) const { return contestants_[static_cast<size_t>(i)]; }
    Contestant& contestant(int i) { return contestants_[static_cast<size_t>(i)]; }
    int index(int activation_index, int seed_index) const { return seed_index * activation_count() + activation_index; }
    const Contestant& contestant(int activation_index, int seed_index) const {
        return contestant(index(activation_index, seed_index));
    }

   private:
    bool selected(const Contestant& c, int seed_index) const {
        return seed_index == kAllSeeds || c.seed_index() == seed_index;
    }
    // How many of k steps the budget leaves contestant c.
    int allowed(const Contestant& c, int k) const;
    bool can_step(const Contestant& c, int seed_index) const;  // selected, below the step budget, not diverged
    int next_steppable(int from, int seed_index) const;        // index of the first at or after `from`, or size()
    // The round's next contestant steps once; `rounds` counts a round completed. False when none can.
    bool step_next(int seed_index, int& rounds);

    BakeoffConfig config_;
    std::vector<Contestant> contestants_;
    std::chrono::nanoseconds record_time_{0};  // of the last step_within's records
    int round_next_ = 0;  // the round in progress: the next contestant to step (0: between rounds)
};

}  // namespace actviz
