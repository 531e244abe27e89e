#pragma once
// One record of a training run (Trainer::record): the weights evaluated on ALL the data — train and
// test loss and accuracy, the full training gradient's norm per weight layer, each hidden unit's
// activity, the z histograms and every point's predicted class. A computation over its own inputs
// and buffers, with no access to the Trainer: the Trainer runs it in place, and the Classifier runs
// it on a worker from a copy of the weights (Trainer::record_job, take_record) when a record of a
// large data set would cost more than the frame.

#include <cstdint>
#include <memory>
#include <optional>
#include <type_traits>
#include <vector>

#include "core/mlp.hpp"
#include "core/mlp_pass.hpp"
#include "core/nn_types.hpp"
#include "core/z_histogram.hpp"

namespace actviz {

// The data of one precision as the passes read it, one column per point. Never changed once made:
// a new data set is a new EvalData, so a job computing on the old one keeps it alive and whole.
template <typename T>
struct EvalData {
    Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic> train_x, test_x;  // features × n
    std::vector<int> train_labels, test_labels;
};

struct HistoryRecord {
    std::int64_t step = 0;  // optimiser steps taken before this evaluation
    double train_loss = 0;  // mean cross-entropy over the training set (without the penalty)
    double train_accuracy = 0;
    std::optional<double> test_loss, test_accuracy;  // absent without a test set
    double dead_fraction = 0;                        // inactive hidden units / all hidden units (0 without any)
    std::vector<double> layer_dead_fraction;         // per hidden layer, input side first
    std::vector<double> layer_grad_norm;  // per weight layer (hidden layers, then output): ‖∂L/∂W_l‖_F
                                          // of the full training loss, penalty included
};

// What a record is computed from, besides the network.
struct RecordInputs {
    std::int64_t step = 0;
    double l2 = 0, l1 = 0;  // the penalties, in the gradient norms
    // The data in the passes' precision: double_data when the run trains in float64, else float_data.
    std::shared_ptr<const EvalData<float>> float_data;
    std::shared_ptr<const EvalData<double>> double_data;
    // Per hidden layer, the z histogram's half-width R: bins over [−R, R]. 0 (or missing): chosen
    // from this evaluation's z (z_histogram.hpp), as after a reset or an activation change.
    std::vector<double> histogram_half_widths;
};

struct RecordResult {
    HistoryRecord entry;
    bool finite = false;  // the losses and gradient norms are all finite
    std::vector<int> predicted_train, predicted_test;
    std::vector<Vector> unit_activity;          // per hidden layer: share of training points activating each unit
    std::vector<LayerZHistogram> z_histograms;  // per hidden layer, at entry.step
};

class RecordPass {
public:
    // Evaluates `mlp` on the inputs' data (which must hold a training point) into `out`.
    void run(const Mlp& mlp, const RecordInputs& inputs, RecordResult& out);

private:
    template <typename T>
    void run_in(const Mlp& mlp, const RecordInputs& inputs, const EvalData<T>& data, RecordResult& out);
    template <typename T>
    static void count_histograms(const Mlp& mlp, const PassWorkspace<T>& work, const RecordInputs& inputs,
                                 std::vector<LayerZHistogram>& histograms);

    // The passes' buffers in one precision (only the run's is used), sized for the training and test sets.
    template <typename T>
    struct Buffers {
        PassWorkspace<T> train, test;
    };
    template <typename T>
    Buffers<T>& buffers() {
        if constexpr (std::is_same_v<T, float>) return float_buffers_;
        else return double_buffers_;
    }
    Buffers<float> float_buffers_;
    Buffers<double> double_buffers_;
    Vector gradient_;  // P: the full training gradient, in double
};

}  // namespace actviz
