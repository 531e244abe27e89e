#include "core/trainer.hpp"

#include <algorithm>
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
    eval_gradient_.setZero(mlp_.layout().size);
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
        double_lane_.train_x = train_xy_;
        double_lane_.test_x = test_xy_;
    } else {
        float_lane_.train_x = train_xy_.cast<float>();
        float_lane_.test_x = test_xy_.cast<float>();
    }
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
        lane.batch_x.resize(lane.train_x.rows(), batch);
        batch_labels_.resize(static_cast<size_t>(batch));
    }
    batch_indices_.resize(static_cast<size_t>(batch));  // cleared by restart_batch_order and full batches
    for (int j = 0; j < batch; ++j) {
        if (cursor_ >= order_.size()) {
            for (size_t i = order_.size(); i > 1; --i) std::swap(order_[i - 1], order_[batch_rng_.below(i)]);
            cursor_ = 0;
        }
        const int index = order_[cursor_++];
        lane.batch_x.col(j) = lane.train_x.col(index);
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
        const auto& input = full ? lane.train_x : lane.batch_x;
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

template <typename T>
bool Trainer::evaluate_in(HistoryRecord& entry) {
    Lane<T>& lane = this->lane<T>();
    const Eigen::Index n = lane.train_x.cols();
    PassWorkspace<T>& work = lane.eval_work;
    work.resize(mlp_, n);
    forward<T>(mlp_, lane.train_x, work);
    // The classes go into scratch and replace the last evaluation's only when this one is finite: NaN
    // logits would name class 0 everywhere beside a header that keeps the last finite record.
    std::vector<int> predicted_train(static_cast<size_t>(n)), predicted_test;
    const LossResult train = softmax_cross_entropy<T>(work.logits(), train_labels_, &work.dlogits(), predicted_train);
    entry.train_loss = train.loss;
    entry.train_accuracy = static_cast<double>(train.correct) / static_cast<double>(n);
    backward<T>(mlp_, lane.train_x, work);
    eval_gradient_ = work.gradient.template cast<double>();
    add_penalty_gradient(mlp_, config_.l2, config_.l1, eval_gradient_);
    for (int l = 0; l < mlp_.layer_count(); ++l) {
        entry.layer_grad_norm.push_back(mlp_.weight_in(eval_gradient_, l).norm());
    }

    unit_activity_.resize(static_cast<size_t>(mlp_.hidden_count()));
    int dead = 0, units = 0;
    for (int h = 0; h < mlp_.hidden_count(); ++h) {
        const T limit = mlp_.inactivity(h).limit<T>();
        const auto& df = work.df[static_cast<size_t>(h)];
        Vector& activity = unit_activity_[static_cast<size_t>(h)];
        activity = (df.array().abs() >= limit).template cast<double>().rowwise().sum() / static_cast<double>(n);
        const int layer_dead = static_cast<int>((activity.array() == 0).count());
        entry.layer_dead_fraction.push_back(static_cast<double>(layer_dead) / static_cast<double>(activity.size()));
        dead += layer_dead;
        units += static_cast<int>(activity.size());
    }
    entry.dead_fraction = units == 0 ? 0.0 : static_cast<double>(dead) / units;
    count_z_histograms<T>(work);

    if (lane.test_x.cols() > 0) {
        lane.test_work.resize(mlp_, lane.test_x.cols());
        forward<T>(mlp_, lane.test_x, lane.test_work);
        predicted_test.resize(static_cast<size_t>(lane.test_x.cols()));
        const LossResult test = softmax_cross_entropy<T>(lane.test_work.logits(), test_labels_, nullptr, predicted_test);
        entry.test_loss = test.loss;
        entry.test_accuracy = static_cast<double>(test.correct) / static_cast<double>(lane.test_x.cols());
    }
    bool finite = std::isfinite(entry.train_loss) && (!entry.test_loss || std::isfinite(*entry.test_loss));
    for (double norm : entry.layer_grad_norm) finite = finite && std::isfinite(norm);
    if (finite) {
        predicted_train_ = std::move(predicted_train);
        predicted_test_ = std::move(predicted_test);
    }
    return finite;
}

template <typename T>
void Trainer::count_z_histograms(const PassWorkspace<T>& work) {
    z_histograms_.resize(static_cast<size_t>(mlp_.hidden_count()));
    for (int h = 0; h < mlp_.hidden_count(); ++h) {
        const auto i = static_cast<size_t>(h);
        const auto& z = work.z[i];
        LayerZHistogram& histogram = z_histograms_[i];
        histogram.step = steps_;
        // The extent of the bulk of z: |z| at its 99.5th percentile, so that a few far points (Adam at lr 1
        // throws some to |z| ~ 100) neither squash the picture nor make the range grow again at once.
        // Runs only when a range is chosen (a reset, an activation change, the data leaving the range).
        const auto max_abs_z = [&z] {
            std::vector<T> magnitudes;
            magnitudes.reserve(static_cast<size_t>(z.size()));
            for (Eigen::Index k = 0; k < z.size(); ++k) {
                if (std::isfinite(z.data()[k])) magnitudes.push_back(std::abs(z.data()[k]));
            }
            if (magnitudes.empty()) return 0.0;
            const auto at = magnitudes.begin() + static_cast<std::ptrdiff_t>(
                                                     static_cast<double>(magnitudes.size() - 1) * 0.995);
            std::nth_element(magnitudes.begin(), at, magnitudes.end());
            return static_cast<double>(*at);
        };
        if (!(histogram.hi > 0)) {
            const double r = z_histogram_half_width(mlp_.activation(h), mlp_.activation_parameters(h), max_abs_z());
            histogram.lo = -r;
            histogram.hi = r;
        }
        const InactivityRule rule = mlp_.inactivity(h);
        count_z<T>(z, work.df[i], rule, histogram);
        const ZCounts& layer = histogram.layer;
        // Grows (never shrinks) when the data has left the range: counted again over the new one.
        if (layer.total > 0 &&
            static_cast<double>(layer.underflow + layer.overflow) > kZHistogramOverflowShare * static_cast<double>(layer.total)) {
            const double r = nice_half_width(max_abs_z());
            if (r > histogram.hi) {
                histogram.lo = -r;
                histogram.hi = r;
                count_z<T>(z, work.df[i], rule, histogram);
            }
        }
    }
}

void Trainer::record() {
    if (train_labels_.empty()) return;
    HistoryRecord entry;
    entry.step = steps_;
    const bool finite = config_.float64 ? evaluate_in<double>(entry) : evaluate_in<float>(entry);
    if (!finite) {
        // Finite weights whose loss is not (logits overflowed): pause like any divergence, record nothing.
        if (!divergence_) diverge(steps_, "the loss over all the data or its gradient became NaN or infinite");
        return;
    }
    if (history_.empty() && steps_ == 0) raise_reference_loss(entry.train_loss);  // the run's start
    // Finite but blown up: recorded (it is what these weights do), and training pauses.
    if (!divergence_) {
        if (auto failure = loss_failure(entry.train_loss, "the loss over all the data")) {
            failed_loss_ = entry.train_loss;
            diverge(steps_, std::move(*failure));
        }
    }
    history_.push_back(std::move(entry));
    if (history_limit_ > 0 && history_.size() > history_limit_) thin_history();
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
    // weights: evaluate them once without adding a record.
    z_histograms_.clear();
    HistoryRecord scratch;
    if (!train_labels_.empty()) {
        if (config_.float64) evaluate_in<double>(scratch);
        else evaluate_in<float>(scratch);
    }
    // The blow-up reference: the restored run's start, and never below where it stands now.
    reference_loss_ = std::log(static_cast<double>(data_.classes));
    if (!history_.empty() && history_.front().step == 0) raise_reference_loss(history_.front().train_loss);
    if (!train_labels_.empty()) raise_reference_loss(scratch.train_loss);
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
    record();
}

void Trainer::resume() {
    if (!divergence_) return;
    divergence_.reset();
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
    config_.l2 = l2;
    config_.l1 = l1;
}

void Trainer::set_activation(int hidden_layer, const LayerActivation& activation) {
    mlp_.set_activation(hidden_layer, activation);
    config_.model = mlp_.config();
    // The new curve has its own interesting region: the next record chooses the ranges again.
    for (LayerZHistogram& histogram : z_histograms_) histogram.lo = histogram.hi = 0;
}

bool Trainer::edit_weight(int layer, int to, int from, double value, double* before) {
    if (layer < 0 || layer >= mlp_.layer_count() || to < 0 || to >= mlp_.units(layer) || from < 0 ||
        from >= static_cast<int>(mlp_.weight(layer).cols()) || !std::isfinite(value)) {
        return false;
    }
    if (before) *before = mlp_.weight(layer)(to, from);
    mlp_.weight(layer)(to, from) = value;
    record();
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
