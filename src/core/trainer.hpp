#pragma once
// Trains an Mlp on a Dataset: owns the model, the optimiser, the data as matrices (one column =
// one sample) and the history the Classifier panel and `actviz train` show.
//
// update(k) is the hot path: k optimiser steps on batches, nothing else, no allocation once the
// batch size is known. record() evaluates the current weights on ALL the data (train and test loss
// and accuracy, per-layer gradient norms of the full training loss, per-unit activity, dead
// fractions) and appends one HistoryRecord. step(k) = update(k) + record().
//
// Hyper-parameters (learning rate, optimiser, batch, penalties, activations and their parameters)
// change without touching the weights; reset() redraws them from the seed.
//
// Divergence: before a step is applied, its loss, gradient and the new weights are checked; if any
// is NaN or infinite the step is dropped, the weights stay those of the last finite step and
// training pauses (update() does nothing) until resume() or reset(). A loss that stays finite but
// blows up counts the same: above kLossBlowUpFactor × the run's reference loss (blow_up_loss()).

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "core/mlp.hpp"
#include "core/mlp_pass.hpp"
#include "core/nn_types.hpp"
#include "core/optimizer.hpp"
#include "core/record_pass.hpp"
#include "core/rng.hpp"
#include "core/z_histogram.hpp"

namespace actviz {

inline constexpr double kMaxPenalty = 10;
// The most optimiser steps a run takes: at a million steps a second, eleven days of training, yet
// far enough from int64's end that the counters' arithmetic (steps plus a frame's steps, Adam's bias
// correction) cannot overflow. update() takes no step past it, and a saved session's step counts are
// read up to it: a run continued from a session at the limit saves one that opens again.
inline constexpr std::int64_t kMaxTrainerSteps = 1'000'000'000'000;

// A finite loss above kLossBlowUpFactor × max(loss at step 0, log K) is a divergence. Why 1000 and
// not less: cross-entropy L means the correct class gets e^−L on average, so at 1000 × log 3 ≈ 1099
// the network is wrong by a logit margin of about a thousand, far past anything learning does, while
// the presets' own spikes stay well below (the worst, "dying ReLU: learning rate too high", Adam at lr 1,
// peaks near 60 × over seeds 0-7; the others never pass their start). ReLU with SGD at lr 10⁴ passes it
// at its first step (1.1 → 3.5e7). log K stands in for a start that is already below chance.
inline constexpr double kLossBlowUpFactor = 1000;

struct TrainerConfig {
    ModelConfig model;
    OptimizerSettings optimizer;
    int batch = 0;  // samples per step; 0 or at least the training set's size = full batch
    double l2 = 0;  // λ₂ (loss.hpp)
    double l1 = 0;  // λ₁
    // Forward and backward passes in double instead of float32 (weights and optimiser are double
    // either way). float32 is the default for speed, as PyTorch trains; double serves exact checks.
    bool float64 = false;

    std::optional<std::string> validate() const;  // model, optimiser, batch ≥ 0 and penalties in [0, kMaxPenalty]

    bool operator==(const TrainerConfig&) const = default;  // every field: tests compare whole configurations
};

struct Divergence {
    std::int64_t step = 0;  // the step that failed: its update was dropped (weights of step − 1 kept), or its
                            // finite weights gave a non-finite or blown-up loss over all the data (weights of step kept)
    std::string reason;     // "the loss became NaN", "the loss blew up to 3.5e+07 (over 1000 × its start, 1.12)", ...
    std::string message;    // one line for the user, with a suggested learning rate
};

// Everything a run has learned and where it is, beyond its config and data: what a saved session
// needs to continue training with the very numbers an uninterrupted run would give.
struct TrainerState {
    Vector parameters;  // P: the Mlp's flat vector
    OptimizerState optimizer;
    std::int64_t steps = 0;
    std::vector<HistoryRecord> history;
    RngState batch_rng;
    std::vector<int> batch_order;  // a permutation of the training indices
    std::int64_t batch_cursor = 0;  // 0..batch_order.size()
    double last_batch_loss = 0, last_batch_accuracy = 0;
};

class Trainer {
   public:
    // The config must be valid and data.classes equal to config.model.classes (std::invalid_argument
    // otherwise). Records step 0.
    Trainer(Dataset data, const TrainerConfig& config);

    int step(int k = 1);  // update(k), then record() if any step was taken; returns the steps taken
    int update(int k);    // up to k optimiser steps (fewer when it diverges, reaches kMaxTrainerSteps or has no training data)
    void record();        // evaluates the current weights and appends a HistoryRecord (never a non-finite one)

    // A record computed elsewhere, beside the UI thread: record_job() is what it needs, owned (a copy
    // of the weights, the data it reads, the step), RecordPass::run computes it from that alone, and
    // take_record() takes it in as record() would — unless the trainer changed meanwhile in any way
    // but optimiser steps (new data, activations or penalties, a weight set by hand, a reset, restore
    // or resume: `basis` tells), or a later record is already in the history. Then it changes
    // nothing and returns false. Its buffers are swapped with the trainer's, for the next job.
    struct RecordJob {
        Mlp mlp;
        RecordInputs inputs;
        std::uint64_t basis = 0;
    };
    RecordJob record_job() const;
    bool take_record(RecordResult& result, std::uint64_t basis);

    void reset();   // weights and batch order from the seed, optimiser zeroed, history cleared, step 0 recorded
    // Clears a divergence and zeroes the optimiser's moments (they hold the blow-up). After a blown-up
    // loss the reference rises to the current loss, so training can go on from these weights.
    void resume();

    // Hyper-parameters: the weights are kept.
    void set_optimizer(const OptimizerSettings& settings);  // must be valid
    void set_batch(int batch);                              // ≥ 0
    void set_penalties(double l2, double l1);
    void set_activation(int hidden_layer, const LayerActivation& activation);  // −1: all hidden layers
    // Sets W_layer(to, from) (weight layer 0 = the first hidden layer's) to `value` by hand — the network
    // diagram's edit — and records, as a step does: the history, the unit activity and the z histograms
    // then describe the edited model, at the same step count (no optimiser step was taken; the
    // optimiser's moments are kept). False, changing nothing, for an index out of range or a
    // non-finite value. Returns what the weight was through `before`.
    bool edit_weight(int layer, int to, int from, double value, double* before = nullptr);
    // The same edit without the record, for a caller that records when it can afford to (an
    // evaluation of 100,000 points is dearer than a frame: the panel records beside it).
    bool set_weight(int layer, int to, int from, double value, double* before = nullptr);
    // Hand-edited points (same number of classes): weights kept, batch order restarted.
    void set_data(Dataset data);

    TrainerState state() const;
    // Takes a saved state for this config and data: why it does not fit (sizes, non-finite values,
    // a batch order that is not a permutation, history steps out of order), or nullopt after taking
    // it. On refusal nothing changes. Any divergence is cleared; unit activity is re-evaluated, and
    // recorded when the last record is not of these weights at this step (a loss that is not finite
    // then pauses the run, as any record's would).
    std::optional<std::string> restore(TrainerState state);

    const Mlp& mlp() const { return mlp_; }
    const Dataset& data() const { return data_; }
    const TrainerConfig& config() const { return config_; }
    std::int64_t steps() const { return steps_; }
    int effective_batch() const;  // what one step uses now
    const std::vector<HistoryRecord>& history() const { return history_; }
    // Each training and test point's predicted class at the last finite evaluation (record()), the
    // very predictions its accuracies count; empty before one and after set_data until the next.
    const std::vector<int>& predicted_train() const { return predicted_train_; }
    const std::vector<int>& predicted_test() const { return predicted_test_; }
    // Caps the history at `records` (0: unlimited, the default) for runs that never end, such as
    // the GUI's: past the cap every other record between the first and the last is dropped, so
    // memory stays flat and older steps are kept at a coarser, still even, spacing.
    void set_history_limit(size_t records);
    const std::optional<Divergence>& divergence() const { return divergence_; }
    // The loss above which a finite loss counts as diverged: kLossBlowUpFactor × the reference, which is
    // max(log K, the loss at step 0) — after restore() also the restored weights' loss, after resume()
    // the loss the run resumed from.
    double blow_up_loss() const { return kLossBlowUpFactor * reference_loss_; }
    // Per hidden layer: the share of training points at which each unit is active (activity.hpp),
    // from the last record(). A unit with 0 is dead (or saturated: see mlp().inactivity(h)).
    const std::vector<Vector>& unit_activity() const { return unit_activity_; }
    // Per hidden layer: the pre-activations z over the training points as a histogram (z_histogram.hpp),
    // counted in record()'s own forward pass from the same f′ as unit_activity(): a layer's inactive
    // mass is 1 − its mean activity, a unit's is 1 − its activity. Each layer's range is chosen at the
    // first record after a reset, activation change or restore, and only grows after.
    const std::vector<LayerZHistogram>& z_histograms() const { return z_histograms_; }
    double last_batch_loss() const { return last_batch_loss_; }
    // Share of the last step's batch classified correctly by the weights BEFORE that step (the
    // step's own forward pass). At full batch this is the exact train accuracy of step steps() − 1,
    // for free: the bake-off times its 90%/95% milestones with it without evaluating every step.
    double last_batch_accuracy() const { return last_batch_accuracy_; }
    // Training indices (into data().train) of the last mini-batch; empty at full batch or before
    // the first mini-batch. Lets tests and views check the batch order.
    const std::vector<int>& last_batch() const { return batch_indices_; }

   private:
    void load_data();
    void thin_history();
    void restart_batch_order();
    template <typename T>
    void next_batch(int batch);
    void diverge(std::int64_t step, std::string reason);
    // Why `loss` counts as diverged ("the loss became NaN", "... blew up to ..."), or nullopt.
    std::optional<std::string> loss_failure(double loss, const char* what) const;
    void raise_reference_loss(double loss);

    TrainerConfig config_;
    Dataset data_;
    Mlp mlp_;
    Optimizer optimizer_;
    Rng batch_rng_;

    // The data and pass buffers in one precision (T = float or double); only config_.float64's is used.
    template <typename T>
    struct Lane {
        using MatrixT = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>;
        // The training and test inputs and labels: shared, never changed, with a record computed elsewhere.
        std::shared_ptr<const EvalData<T>> data;
        MatrixT batch_x;             // features × batch: the current mini-batch's inputs
        PassWorkspace<T> step_work;  // sized for the step's batch
    };
    template <typename T>
    Lane<T>& lane();
    template <typename T>
    int update_in(int k);
    RecordInputs record_inputs() const;
    // Takes the evaluation's unit activity, histograms and (when finite) predictions, swapping buffers.
    void take_evaluation(RecordResult& result);
    void apply_record(RecordResult& result);  // take_evaluation, then the history and the divergence checks

    Matrix train_xy_, test_xy_;      // features × n in double, before conversion to the lane's precision
    std::vector<int> train_labels_;  // n_train
    std::vector<int> test_labels_;   // n_test
    std::vector<int> batch_labels_;  // batch
    std::vector<int> batch_indices_;  // batch: the training indices behind batch_labels_
    std::vector<int> order_;         // a permutation of the training indices, walked batch by batch
    size_t cursor_ = 0;              // next position in order_
    Lane<float> float_lane_;
    Lane<double> double_lane_;
    Vector gradient_;         // P: ∂(loss + penalty)/∂θ of the current step, double
    Vector next_parameters_;  // P: θ after the step, swapped in when finite
    std::vector<int> predicted_train_, predicted_test_;  // of the last evaluation

    std::int64_t steps_ = 0;
    double last_batch_loss_ = 0;
    double last_batch_accuracy_ = 0;
    std::vector<HistoryRecord> history_;
    size_t history_limit_ = 0;
    std::vector<Vector> unit_activity_;
    std::vector<LayerZHistogram> z_histograms_;  // per hidden layer; lo = hi = 0: range not chosen yet
    RecordPass record_pass_;  // record()'s buffers
    RecordResult recorded_;   // record()'s result, swapped in: the previous evaluation's buffers, reused
    // What a record computed elsewhere must still describe: renewed by every change but optimiser
    // steps. Its values are unique in the process, a copy's too, so no record job of one trainer
    // (or of the trainer a copy was made from) is ever taken into another.
    class Basis {
       public:
        Basis() : value_(next()) {}
        Basis(const Basis&) : value_(next()) {}
        Basis& operator=(const Basis&) {
            value_ = next();
            return *this;
        }
        void renew() { value_ = next(); }
        std::uint64_t value() const { return value_; }

       private:
        static std::uint64_t next();
        std::uint64_t value_;
    };
    Basis basis_;
    std::optional<Divergence> divergence_;
    double reference_loss_ = 0;  // see blow_up_loss()
    double failed_loss_ = 0;     // the loss that caused the divergence (resume() goes on from it when finite)
};

}  // namespace actviz
