#include "core/trainer.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "core/loss.hpp"
#include "core/number_text.hpp"

namespace actviz {
namespace {

const TrainerConfig& validated(const TrainerConfig& config) {
    if (auto reason = config.validate()) throw std::invalid_argument(*reason);
    return config;
}

std::string non_finite_kind(double value) { return std::isnan(value) ? "NaN" : "infinite"; }

std::string three_digits(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3g", value);
    return text;
}

void to_matrices(const std::vector<Point>& points, const FeatureSet& features, Matrix& x, std::vector<int>& labels) {
    Matrix xy(2, static_cast<Eigen::Index>(points.size()));
    labels.resize(points.size());
    for (size_t i = 0; i < points.size(); ++i) {
        xy(0, static_cast<Eigen::Index>(i)) = points[i].x;
        xy(1, static_cast<Eigen::Index>(i)) = points[i].y;
        labels[i] = points[i].label;
    }
    x.resize(features.count(), xy.cols());
    expand_features(features, xy, x);
}

}  // namespace

std::optional<std::string> TrainerConfig::validate() const {
    if (auto reason = model.validate()) return reason;
    if (auto reason = optimizer.validate()) return reason;
    if (batch < 0) return "batch must be 0 (full batch) or more, got " + std::to_string(batch);
    for (auto [name, value] : {std::pair{"l2", l2}, std::pair{"l1", l1}}) {
        if (!(value >= 0 && value <= kMaxPenalty)) {
            return std::string(name) + " must be between 0 and " + number_text(kMaxPenalty) + ", got " +
                   number_text(value);
        }
    }
    return std::nullopt;
}

Trainer::Trainer(Dataset data, const TrainerConfig& config)
    : config_(validated(config)),
      data_(std::move(data)),
      mlp_(config.model),
      optimizer_(config.optimizer),
      batch_rng_(stream_seed(config.model.seed, SeedStream::BatchOrder)) {
    if (data_.classes != config.model.classes) throw std::invalid_argument("dataset and model disagree on classes");
    reference_loss_ = std::log(static_cast<double>(data_.classes));
    optimizer_.reset(mlp_);
    gradient_.setZero(mlp_.layout().size);
    next_parameters_.setZero(mlp_.layout().size);
    load_data();
    record();
}

template <>
Trainer::Lane<float>& Trainer::lane<float>() {
    return float_lane_;
}
template <>
Trainer::Lane<double>& Trainer::lane<double>() {
    return double_lane_;
}

void Trainer::load_data() {
    for (const std::vector<Point>* set : {&data_.train, &data_.test}) {
        for (const Point& p : *set) {
            if (p.label < 0 || p.label >= data_.classes) throw std::invalid_argument("point label outside the classes");
        }
    }
    to_matrices(data_.train, config_.model.features, train_xy_, train_labels_);
    to_matrices(data_.test, config_.model.features, test_xy_, test_labels_);
    float_lane_ = {};
    double_lane_ = {};
    if (config_.float64) {
        double_lane_.data = std::make_shared<const EvalData<double>>(EvalData<double>{train_xy_, test_xy_, train_labels_, test_labels_});
    } else {
        float_lane_.data = std::make_shared<const EvalData<float>>(
            EvalData<float>{train_xy_.cast<float>(), test_xy_.cast<float>(), train_labels_, test_labels_});
    }
    basis_.renew();
    restart_batch_order();
}

void Trainer::restart_batch_order() {
    order_.resize(train_labels_.size());
    for (size_t i = 0; i < order_.size(); ++i) order_[i] = static_cast<int>(i);
    cursor_ = order_.size();  // the first mini-batch shuffles
}

int Trainer::effective_batch() const {
    const int n = static_cast<int>(train_labels_.size());
    return config_.batch == 0 || config_.batch > n ? n : config_.batch;
}

// The next `batch` indices of a seeded permutation; when it runs out mid-batch the permutation is
// reshuffled and the batch continues from the new one, so every batch has the same size.
template <typename T>
void Trainer::next_batch(int batch) {
    Lane<T>& lane = this->lane<T>();
    if (lane.batch_x.cols() != batch) {
        lane.batch_x.resize(lane.data->train_x.rows(), batch);
        batch_labels_.resize(static_cast<size_t>(batch));
    }
    batch_indices_.resize(static_cast<size_t>(batch));  // cleared by restart_batch_order and full batches
    for (int j = 0; j < batch; ++j) {
        if (cursor_ >= order_.size()) {
            for (size_t i = order_.size(); i > 1; --i) std::swap(order_[i - 1], order_[batch_rng_.below(i)]);
            cursor_ = 0;
        }
        const int index = order_[cursor_++];
        lane.batch_x.col(j) = lane.data->train_x.col(index);
        batch_labels_[static_cast<size_t>(j)] = train_labels_[static_cast<size_t>(index)];
        batch_indices_[static_cast<size_t>(j)] = index;
    }
}

void Trainer::diverge(std::int64_t step, std::string reason) {
    const double lr = optimizer_.settings().learning_rate;
    std::string message = "training diverged at step " + std::to_string(step) + " (" + reason +
                          "); paused with the finite weights of step " + std::to_string(steps_) +
                          ". Try a learning rate of " + number_text(lr / 10) + " or lower (now " + number_text(lr) +
                          ")";
    divergence_ = Divergence{step, std::move(reason), std::move(message)};
}

std::optional<std::string> Trainer::loss_failure(double loss, const char* what) const {
    if (!std::isfinite(loss)) return std::string(what) + " became " + non_finite_kind(loss);
    if (loss > blow_up_loss()) {
        return std::string(what) + " blew up to " + three_digits(loss) + ", over " + number_text(kLossBlowUpFactor) +
               " × its starting level " + three_digits(reference_loss_);
    }
    return std::nullopt;
}

void Trainer::raise_reference_loss(double loss) {
    if (std::isfinite(loss)) reference_loss_ = std::max(reference_loss_, loss);
}

int Trainer::update(int k) { return config_.float64 ? update_in<double>(k) : update_in<float>(k); }

template <typename T>
int Trainer::update_in(int k) {
    const int batch = effective_batch();
    if (batch == 0) return 0;
    Lane<T>& lane = this->lane<T>();
    const bool full = batch == static_cast<int>(train_labels_.size());
    PassWorkspace<T>& work = lane.step_work;
    work.resize(mlp_, batch);
    if (full) batch_indices_.clear();
    for (int s = 0; s < k; ++s) {
        if (divergence_ || steps_ >= kMaxTrainerSteps) return s;
        if (!full) next_batch<T>(batch);
        const auto& input = full ? lane.data->train_x : lane.batch_x;
        const std::vector<int>& labels = full ? train_labels_ : batch_labels_;
        forward<T>(mlp_, input, work);
        const LossResult loss = softmax_cross_entropy<T>(work.logits(), labels, &work.dlogits());
        if (auto failure = loss_failure(loss.loss, "the loss")) {
            failed_loss_ = loss.loss;
            diverge(steps_ + 1, std::move(*failure));
            return s;
        }
        backward<T>(mlp_, input, work);
        gradient_ = work.gradient.template cast<double>();
        add_penalty_gradient(mlp_, config_.l2, config_.l1, gradient_);
        if (!gradient_.allFinite()) {
            diverge(steps_ + 1, "the gradient became NaN or infinite");
            return s;
        }
        optimizer_.step(mlp_.parameters(), gradient_, next_parameters_);
        if (!next_parameters_.allFinite()) {
            diverge(steps_ + 1, "the weights overflowed");
            return s;
        }
        mlp_.parameters().swap(next_parameters_);  // O(1): the buffers trade places
        ++steps_;
        last_batch_loss_ = loss.loss;
        last_batch_accuracy_ = static_cast<double>(loss.correct) / static_cast<double>(batch);
    }
    return k;
}

int Trainer::step(int k) {
    const int done = update(k);
    if (done > 0) record();
    return done;
}

RecordInputs Trainer::record_inputs() const {
    RecordInputs inputs;
    inputs.step = steps_;
    inputs.l2 = config_.l2;
    inputs.l1 = config_.l1;
    if (config_.float64) {
        inputs.double_data = double_lane_.data;
    } else {
        inputs.float_data = float_lane_.data;
    }
    for (const LayerZHistogram& histogram : z_histograms_) inputs.histogram_half_widths.push_back(std::max(histogram.hi, 0.0));
    return inputs;
}

void Trainer::take_evaluation(RecordResult& result) {
    unit_activity_.swap(result.unit_activity);
    z_histograms_.swap(result.z_histograms);
    // The classes replace the last evaluation's only when this one is finite: NaN logits would name
    // class 0 everywhere beside a header that keeps the last finite record.
    if (result.finite) {
        predicted_train_.swap(result.predicted_train);
        predicted_test_.swap(result.predicted_test);
    }
}

void Trainer::record() {
    if (train_labels_.empty()) return;
    record_pass_.run(mlp_, record_inputs(), recorded_);
    apply_record(recorded_);
}

void Trainer::apply_record(RecordResult& result) {
    take_evaluation(result);
    const HistoryRecord& entry = result.entry;
    if (!result.finite) {
        // Finite weights whose loss is not (logits overflowed): pause like any divergence, record nothing.
        if (!divergence_) diverge(entry.step, "the loss over all the data or its gradient became NaN or infinite");
        return;
    }
    if (history_.empty() && entry.step == 0) raise_reference_loss(entry.train_loss);  // the run's start
    // Finite but blown up: recorded (it is what these weights do), and training pauses.
    if (!divergence_) {
        if (auto failure = loss_failure(entry.train_loss, "the loss over all the data")) {
            failed_loss_ = entry.train_loss;
            diverge(entry.step, std::move(*failure));
        }
    }
    history_.push_back(entry);
    if (history_limit_ > 0 && history_.size() > history_limit_) thin_history();
}

std::uint64_t Trainer::Basis::next() {
    static std::atomic<std::uint64_t> last{0};
    return ++last;
}

Trainer::RecordJob Trainer::record_job() const { return {mlp_, record_inputs(), basis_.value()}; }

bool Trainer::take_record(RecordResult& result, std::uint64_t basis) {
    if (basis != basis_.value() || train_labels_.empty() || result.entry.step > steps_) return false;
    if (!history_.empty() && result.entry.step < history_.back().step) return false;
    apply_record(result);
    return true;
}

void Trainer::set_history_limit(size_t records) {
    history_limit_ = records > 0 ? std::max<size_t>(records, 3) : 0;
    while (history_limit_ > 0 && history_.size() > history_limit_) thin_history();
}

void Trainer::thin_history() {
    // Keep the first record, every second one after it, and the last.
    size_t kept = 1;
    for (size_t i = 2; i + 1 < history_.size(); i += 2) history_[kept++] = std::move(history_[i]);
    history_[kept++] = std::move(history_.back());
    history_.resize(kept);
}

TrainerState Trainer::state() const {
    TrainerState state;
    state.parameters = mlp_.parameters();
    state.optimizer = optimizer_.state();
    state.steps = steps_;
    state.history = history_;
    state.batch_rng = batch_rng_.state();
    state.batch_order = order_;
    state.batch_cursor = static_cast<std::int64_t>(cursor_);
    state.last_batch_loss = last_batch_loss_;
    state.last_batch_accuracy = last_batch_accuracy_;
    return state;
}

namespace {

std::optional<std::string> history_error(const std::vector<HistoryRecord>& history, std::int64_t steps,
                                         int hidden_layers, int weight_layers, bool has_test) {
    std::int64_t previous = -1;
    const auto finite_share = [](double v) { return v >= 0 && v <= 1; };  // false for NaN too
    for (size_t i = 0; i < history.size(); ++i) {
        const HistoryRecord& r = history[i];
        const std::string where = "history record " + std::to_string(i) + ": ";
        if (r.step < previous || r.step > steps) return where + "steps must rise and not pass the step count";
        previous = r.step;
        if (!std::isfinite(r.train_loss) || r.train_loss < 0) return where + "train loss must be finite and ≥ 0";
        if (!finite_share(r.train_accuracy) || !finite_share(r.dead_fraction)) {
            return where + "accuracy and dead fraction must be in [0, 1]";
        }
        if (r.test_loss.has_value() != has_test || r.test_accuracy.has_value() != has_test) {
            return where + (has_test ? "test loss and accuracy are missing" : "test values without a test set");
        }
        if (has_test && (!std::isfinite(*r.test_loss) || *r.test_loss < 0 || !finite_share(*r.test_accuracy))) {
            return where + "test loss must be finite and ≥ 0, accuracy in [0, 1]";
        }
        if (static_cast<int>(r.layer_dead_fraction.size()) != hidden_layers ||
            static_cast<int>(r.layer_grad_norm.size()) != weight_layers) {
            return where + "per-layer values do not match the network's layers";
        }
        for (double v : r.layer_dead_fraction) {
            if (!finite_share(v)) return where + "dead fractions must be in [0, 1]";
        }
        for (double v : r.layer_grad_norm) {
            if (!std::isfinite(v) || v < 0) return where + "gradient norms must be finite and ≥ 0";
        }
    }
    return std::nullopt;
}

// Whether two records describe the same model at the same step. Within a relative 1e-9, not to the
// bit: a session opened on a machine with another number of cores may sum in another order.
bool same_record(const HistoryRecord& a, const HistoryRecord& b) {
    const auto close = [](double x, double y) { return std::fabs(x - y) <= 1e-9 * std::max({1.0, std::fabs(x), std::fabs(y)}); };
    const auto all_close = [&](const std::vector<double>& x, const std::vector<double>& y) {
        return x.size() == y.size() && std::equal(x.begin(), x.end(), y.begin(), close);
    };
    return a.step == b.step && close(a.train_loss, b.train_loss) && close(a.train_accuracy, b.train_accuracy) &&
           a.test_loss.has_value() == b.test_loss.has_value() && close(a.test_loss.value_or(0), b.test_loss.value_or(0)) &&
           close(a.test_accuracy.value_or(0), b.test_accuracy.value_or(0)) && close(a.dead_fraction, b.dead_fraction) &&
           all_close(a.layer_dead_fraction, b.layer_dead_fraction) && all_close(a.layer_grad_norm, b.layer_grad_norm);
}

}  // namespace

std::optional<std::string> Trainer::restore(TrainerState state) {
    const Eigen::Index size = mlp_.layout().size;
    if (state.parameters.size() != size) {
        return "the network has " + std::to_string(size) + " parameters, the saved state " +
               std::to_string(state.parameters.size());
    }
    if (!state.parameters.allFinite()) return "a saved weight is NaN or infinite";
    if (state.steps < 0 || state.steps > kMaxTrainerSteps) {
        return "the step count must be from 0 to " + std::to_string(kMaxTrainerSteps);
    }
    if (state.batch_order.size() != train_labels_.size()) return "the batch order does not match the training set";
    std::vector<bool> seen(train_labels_.size(), false);
    for (int index : state.batch_order) {
        if (index < 0 || static_cast<size_t>(index) >= seen.size() || seen[static_cast<size_t>(index)]) {
            return "the batch order is not a permutation of the training points";
        }
        seen[static_cast<size_t>(index)] = true;
    }
    if (state.batch_cursor < 0 || static_cast<std::uint64_t>(state.batch_cursor) > state.batch_order.size()) {
        return "the batch position is outside the batch order";
    }
    if (!std::isfinite(state.last_batch_loss) || !(state.last_batch_accuracy >= 0 && state.last_batch_accuracy <= 1)) {
        return "the last batch's loss or accuracy is not a valid number";
    }
    if (auto error = history_error(state.history, state.steps, mlp_.hidden_count(), mlp_.layer_count(),
                                   !test_labels_.empty())) {
        return error;
    }
    Optimizer optimizer = optimizer_;
    if (auto error = optimizer.set_state(std::move(state.optimizer))) return error;
    Rng rng = batch_rng_;
    if (!rng.set_state(state.batch_rng)) return "the batch order's random state is all zero";

    // Everything checked: take it.
    mlp_.parameters() = std::move(state.parameters);
    optimizer_ = std::move(optimizer);
    batch_rng_ = rng;
    order_ = std::move(state.batch_order);
    cursor_ = static_cast<size_t>(state.batch_cursor);
    steps_ = state.steps;
    last_batch_loss_ = state.last_batch_loss;
    last_batch_accuracy_ = state.last_batch_accuracy;
    history_ = std::move(state.history);
    batch_indices_.clear();
    divergence_.reset();
    failed_loss_ = 0;
    // Unit activity (and the z histograms, over ranges chosen for these weights) belong to the
    // weights: evaluate them once.
    z_histograms_.clear();
    basis_.renew();
    if (!train_labels_.empty()) record_pass_.run(mlp_, record_inputs(), recorded_);
    // The blow-up reference: the restored run's start, and never below where it stands now.
    reference_loss_ = std::log(static_cast<double>(data_.classes));
    if (!history_.empty() && history_.front().step == 0) raise_reference_loss(history_.front().train_loss);
    if (!train_labels_.empty() && recorded_.finite) raise_reference_loss(recorded_.entry.train_loss);
    // The evaluation is added to the history only when the last record does not describe these
    // weights: a session saved between a change made while paused (a weight set by hand, an
    // activation) and its record would otherwise open with readouts of the model before the change.
    if (!train_labels_.empty()) {
        if (history_.empty() || !same_record(history_.back(), recorded_.entry)) {
            apply_record(recorded_);
        } else {
            take_evaluation(recorded_);
        }
    }
    return std::nullopt;
}

void Trainer::reset() {
    mlp_.initialise();
    optimizer_.reset(mlp_);
    batch_rng_ = Rng(stream_seed(config_.model.seed, SeedStream::BatchOrder));
    restart_batch_order();
    steps_ = 0;
    last_batch_loss_ = 0;
    last_batch_accuracy_ = 0;
    history_.clear();
    divergence_.reset();
    failed_loss_ = 0;
    reference_loss_ = std::log(static_cast<double>(data_.classes));
    z_histograms_.clear();  // ranges chosen afresh for the new weights
    basis_.renew();
    record();
}

void Trainer::resume() {
    if (!divergence_) return;
    divergence_.reset();
    basis_.renew();
    optimizer_.reset(mlp_);
    // A blown-up (finite) loss stays with these weights: go on from it, pausing again only if it blows up anew.
    raise_reference_loss(failed_loss_);
    if (!history_.empty() && history_.back().step == steps_) raise_reference_loss(history_.back().train_loss);
    failed_loss_ = 0;
}

void Trainer::set_optimizer(const OptimizerSettings& settings) {
    config_.optimizer = settings;
    optimizer_.set_settings(settings);
}

void Trainer::set_batch(int batch) { config_.batch = batch; }

void Trainer::set_penalties(double l2, double l1) {
    if (l2 != config_.l2 || l1 != config_.l1) basis_.renew();  // the records' gradient norms include them
    config_.l2 = l2;
    config_.l1 = l1;
}

void Trainer::set_activation(int hidden_layer, const LayerActivation& activation) {
    mlp_.set_activation(hidden_layer, activation);
    config_.model = mlp_.config();
    // The new curve has its own interesting region: the next record chooses the ranges again.
    for (LayerZHistogram& histogram : z_histograms_) histogram.lo = histogram.hi = 0;
    basis_.renew();
}

bool Trainer::edit_weight(int layer, int to, int from, double value, double* before) {
    if (!set_weight(layer, to, from, value, before)) return false;
    record();
    return true;
}

bool Trainer::set_weight(int layer, int to, int from, double value, double* before) {
    if (layer < 0 || layer >= mlp_.layer_count() || to < 0 || to >= mlp_.units(layer) || from < 0 ||
        from >= static_cast<int>(mlp_.weight(layer).cols()) || !std::isfinite(value)) {
        return false;
    }
    if (before) *before = mlp_.weight(layer)(to, from);
    mlp_.weight(layer)(to, from) = value;
    basis_.renew();
    return true;
}

void Trainer::set_data(Dataset data) {
    if (data.classes != config_.model.classes) throw std::invalid_argument("dataset and model disagree on classes");
    data_ = std::move(data);
    load_data();
    // The last evaluation's classes belong to the old points (indices shift when points are erased):
    // none until the next record rather than wrong ones.
    predicted_train_.clear();
    predicted_test_.clear();
}

}  // namespace actviz
