#include "app/classifier/classifier_live.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <stdexcept>

#include "core/step_loop.hpp"

namespace actviz::app {
namespace {

using Clock = std::chrono::steady_clock;

// The panel trains for as long as it is open: one record a frame is kept at full resolution up to
// this many, older ones thinned (Trainer::set_history_limit), so memory stays flat for hours.
constexpr size_t kHistoryRecords = 8192;

double milliseconds_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

bool same_view(const GridView& a, const GridView& b) {
    return a.width == b.width && a.height == b.height && a.x_min == b.x_min && a.x_max == b.x_max &&
           a.y_min == b.y_min && a.y_max == b.y_max;
}

}  // namespace

bool PlaneRequest::operator==(const PlaneRequest& other) const {
    return same_view(view, other.view) && dead_layer == other.dead_layer && unit_layer == other.unit_layer &&
           unit == other.unit && thumbnail_samples == other.thumbnail_samples && linear_regions == other.linear_regions;
}

ClassifierLive::ClassifierLive() = default;
ClassifierLive::~ClassifierLive() = default;

Trainer& ClassifierLive::change() {
    ++model_version_;
    return *trainer_;
}

void ClassifierLive::replace(std::unique_ptr<Trainer> trainer) {
    trainer_ = std::move(trainer);
    record_ms_ = 0;  // another trainer's records cost what they cost: the first is taken and measured
    recorded_at_ = {};
    plane_ms_per_cell_ = 0;
    if (trainer_) trainer_->set_history_limit(kHistoryRecords);
    weight_edits_.clear();  // they were of another model
    ++model_version_;
}

void ClassifierLive::settle() {
    // While playing, train_frame records as often as the record's cost allows.
    if (!trainer_ || recorded_version_ == model_version_ || playing_) return;
    // A second record at the same step: the charts show the change as a jump where it happened.
    trainer_->record();
    recorded_version_ = model_version_;
}

void ClassifierLive::sync(const ClassifierSettings& settings, std::size_t memory_budget) {
    if (auto error = settings_error(settings)) {
        error_ = *error;
        return;
    }
    // The trainer's buffers scale with points × units; hand-added points count too.
    std::size_t points = settings.data.imported ? settings.data.imported->data.train.size() +
                                                      settings.data.imported->data.test.size()
                                                : static_cast<std::size_t>(settings.data.points);
    if (trainer_) points = std::max(points, trainer_->data().train.size() + trainer_->data().test.size());
    const auto test = static_cast<std::size_t>(static_cast<double>(points) *
                                               (settings.data.imported ? 0.0 : settings.data.test_ratio));
    if (auto refusal = over_budget("training on " + std::to_string(points) + " points",
                                   estimate_training_bytes(to_trainer_config(settings), points - test, test), memory_budget)) {
        error_ = *refusal;
        return;
    }
    error_.clear();
    if (!trainer_ || data_ != settings.data || architecture_ != settings.architecture) {
        rebuild(settings);
        return;
    }
    if (hyper_ != settings.hyper) apply_hyper(settings.hyper);
}

void ClassifierLive::rebuild(const ClassifierSettings& settings) {
    try {
        replace(std::make_unique<Trainer>(training_data(settings), to_trainer_config(settings)));
    } catch (const std::exception& e) {
        error_ = e.what();
        return;
    }
    recorded_version_ = model_version_;  // a new trainer records its step 0
    built_here_ = true;
    data_ = settings.data;
    architecture_ = settings.architecture;
    hyper_ = settings.hyper;
}

void ClassifierLive::apply_hyper(const ClassifierHyper& hyper) {
    if (hyper.activation != hyper_.activation || hyper.parameters != hyper_.parameters) {
        change().set_activation(-1, LayerActivation{&activations()[static_cast<size_t>(hyper.activation)],
                                                    hyper.parameters});  // same weights, another function
    }
    trainer_->set_optimizer(to_optimizer_settings(hyper));
    trainer_->set_batch(hyper.batch);
    trainer_->set_penalties(hyper.l2, hyper.l1);
    hyper_ = hyper;
}

void ClassifierLive::train_frame(ClassifierSettings& settings, double other_work_ms) {
    train_ms_ = 0;
    last_steps_ = 0;
    playing_ = false;
    frame_budget_ms_ = settings.run.frame_budget_ms;
    if (!trainer_ || !settings.run.playing || !error_.empty()) {
        rate_.clear();  // not training: the rate shown is that of the next run, not a stale one
        return;
    }
    if (trainer_->divergence()) {
        settings.run.playing = false;
        return;
    }
    playing_ = true;
    // A record dearer than a share of the budget waits its turn (classifier_timing.hpp).
    const bool record_now = record_due(record_ms_, milliseconds_since(recorded_at_), settings.run.frame_budget_ms);
    // Steps per frame is a ceiling under the frame's budget, never a promise: the budget is what
    // the rest of the last frame left, less the record that follows the steps (its last cost).
    // Automatic mode has no ceiling but the budget; its steps per frame shows what fitted.
    const int ceiling = settings.run.automatic ? kMaxStepsPerFrame : std::clamp(settings.run.steps_per_frame, 1, kMaxStepsPerFrame);
    const double budget_ms = settings.run.frame_budget_ms - other_work_ms - (record_now ? record_ms_ : 0.0);
    const auto budget = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::duration<double, std::milli>(budget_ms));
    const auto start = Clock::now();
    last_steps_ = run_steps_within(budget, ceiling, [this] { return change().update(1) > 0; });
    const auto record_start = Clock::now();
    if (last_steps_ > 0 && record_now) {
        trainer_->record();
        recorded_version_ = model_version_;
        record_ms_ = milliseconds_since(record_start);
        recorded_at_ = Clock::now();
    }
    train_ms_ = milliseconds_since(start);
    if (settings.run.automatic) settings.run.steps_per_frame = std::max(last_steps_, 1);
    rate_.add(Clock::now(), last_steps_);
    if (trainer_->divergence()) settings.run.playing = false;
}

void ClassifierLive::adopt(const ClassifierSettings& settings, std::unique_ptr<Trainer> trainer) {
    replace(std::move(trainer));
    built_here_ = false;
    // Its last record describes its weights only when taken at its last step (a Bake-off
    // contestant records every few steps): otherwise settle() records them.
    const bool recorded = trainer_ && !trainer_->history().empty() && trainer_->history().back().step == trainer_->steps();
    if (recorded) recorded_version_ = model_version_;
    error_.clear();
    if (trainer_) {
        data_ = settings.data;
        architecture_ = settings.architecture;
        hyper_ = settings.hyper;
    } else {
        data_.reset();
        architecture_.reset();
    }
}

void ClassifierLive::adopt(const Trainer& trainer, const ClassifierSettings& settings) {
    adopt(settings, std::make_unique<Trainer>(trainer));
}

void ClassifierLive::single_step() {
    if (!trainer_ || trainer_->divergence()) return;
    if (change().step(1) > 0) recorded_version_ = model_version_;
}

void ClassifierLive::reset() {
    if (!trainer_) return;
    change().reset();  // records step 0
    recorded_version_ = model_version_;
    weight_edits_.clear();
}

bool ClassifierLive::edit_weight(int layer, int to, int from, double value) {
    if (!trainer_) return false;
    double before = 0;
    if (!change().edit_weight(layer, to, from, value, &before)) return false;
    recorded_version_ = model_version_;  // the trainer recorded the edited model
    // Bounded: a long session of edits keeps the latest.
    if (weight_edits_.size() >= 1024) weight_edits_.erase(weight_edits_.begin());
    weight_edits_.push_back({layer, to, from, before, value});
    return true;
}

bool ClassifierLive::undo_weight_edit() {
    if (!trainer_ || weight_edits_.empty()) return false;
    const WeightEdit edit = weight_edits_.back();
    weight_edits_.pop_back();
    if (!change().edit_weight(edit.layer, edit.to, edit.from, edit.before)) return false;
    recorded_version_ = model_version_;
    return true;
}

void ClassifierLive::resume() {
    if (trainer_) trainer_->resume();
}

void ClassifierLive::add_point(Point point, bool to_test) {
    if (!trainer_) return;
    Dataset data = trainer_->data();
    actviz::add_point(data, point, to_test);
    change().set_data(std::move(data));
    built_here_ = false;
}

int ClassifierLive::erase_near(double x, double y, double radius) {
    if (!trainer_) return 0;
    Dataset data = trainer_->data();
    const int erased = erase_points_near(data, x, y, radius);
    if (erased > 0) change().set_data(std::move(data)), built_here_ = false;
    return erased;
}

void ClassifierLive::update_planes(const PlaneRequest& request, std::span<const Rgb> palette, Rgb background,
                                      std::span<const std::uint32_t> count_ramp, std::uint32_t unit_on,
                                      std::uint32_t unit_off) {
    boundary_ms_ = dead_map_ms_ = 0;
    if (!trainer_) return;
    const GridView view = playing_ ? coarser_view(request.view, frame_budget_ms_, plane_ms_per_cell_)
                                   : request.view;
    if (planes_version_ == model_version_ && request == planes_ && same_view(view, computed_view_) && !regions_.empty())
        return;
    const Mlp& mlp = trainer_->mlp();
    const auto start = Clock::now();
    GridRequest grid_request;
    grid_request.probabilities = true;
    grid_request.inactive_counts = mlp.hidden_count() > 0;
    grid_request.count_layer = request.dead_layer < mlp.hidden_count() ? request.dead_layer : -1;
    unit_shown_ = request.unit_layer >= 0 && request.unit_layer < mlp.hidden_count() && request.unit >= 0 &&
                  request.unit < mlp.units(request.unit_layer);
    grid_request.unit_layer = unit_shown_ ? request.unit_layer : -1;
    grid_request.unit = unit_shown_ ? request.unit : -1;
    // The diagram's node pictures: one grid pixel in `stride` each way, from this same pass.
    grid_request.thumbnail_stride =
        request.thumbnail_samples > 0 ? std::max(1, std::max(view.width, view.height) / request.thumbnail_samples) : 0;
    grid_request.activation_patterns = request.linear_regions;
    evaluator_.evaluate(mlp, view, grid_request, grid_);
    computed_view_ = view;
    colour_regions(grid_, palette, background, pixels_);
    regions_.upload(pixels_.data(), grid_.width, grid_.height, true);
    decision_contours(grid_, contours_);
    regions_shown_ = request.linear_regions;
    pattern_units_ = 0;
    if (regions_shown_) {
        label_linear_regions(grid_.patterns, grid_.pattern_words,
                             static_cast<size_t>(grid_.width) * static_cast<size_t>(grid_.height), linear_regions_);
        pattern_units_ = pattern_layout(mlp).units;
        colour_linear_regions(linear_regions_, grid_.width, grid_.height, pixels_);
        linear_.upload(pixels_.data(), grid_.width, grid_.height, false);
    }
    boundary_ms_ = milliseconds_since(start);
    // Measured on whatever grid was computed, so a slow first measurement cannot keep the planes
    // coarse for the rest of a run.
    plane_ms_per_cell_ = boundary_ms_ / (static_cast<double>(view.width) * view.height);

    const auto dead_start = Clock::now();
    if (grid_request.inactive_counts) {
        int units = 0;
        for (int h = 0; h < mlp.hidden_count(); ++h) {
            if (grid_request.count_layer < 0 || grid_request.count_layer == h) units += mlp.units(h);
        }
        colour_counts(grid_, units, count_ramp, pixels_);
        counts_.upload(pixels_.data(), grid_.width, grid_.height, false);
    }
    if (unit_shown_) {
        colour_unit(grid_, unit_on, unit_off, pixels_);
        unit_.upload(pixels_.data(), grid_.width, grid_.height, false);
    }
    if (grid_request.thumbnail_stride > 0) {
        colour_thumbnails(grid_.thumbnails, palette, background, atlas_, pixels_);
        thumbnails_.upload(pixels_.data(), atlas_.width(), atlas_.height(), true);
    }
    dead_map_ms_ = milliseconds_since(dead_start);
    planes_ = request;
    planes_version_ = model_version_;
}

double ClassifierLive::close_previous_frame(double build_ms, double render_ms) {
    if (build_ms <= 0) return 0;  // no previous frame
    const double science = train_ms_ + boundary_ms_ + dead_map_ms_;
    breakdown_.add({train_ms_, boundary_ms_, dead_map_ms_, std::max(build_ms - science, 0.0), render_ms});
    return std::max(build_ms - train_ms_, 0.0) + render_ms;
}

}  // namespace actviz::app
