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

}  // namespace

ClassifierLive::ClassifierLive() = default;
ClassifierLive::~ClassifierLive() = default;

Trainer& ClassifierLive::change() {
    ++model_version_;
    return *trainer_;
}

void ClassifierLive::replace(std::unique_ptr<Trainer> trainer) {
    building_.cancel();  // a network made beside the frame for older settings is not wanted any more
    trainer_ = std::move(trainer);
    record_ms_ = 0;  // another trainer's: rebuild() knows its step 0's cost; an adopted one's first record is measured
    if (trainer_) trainer_->set_history_limit(kHistoryRecords);
    weight_edits_.clear();  // they were of another model
    trainer_version_ = ++model_version_;
    // A new worker: the old one's buffers were sized for the old data (hundreds of megabytes at
    // 100,000 points). Replacing it waits for a record in flight, if any.
    record_worker_ = std::make_unique<RecordWorker<std::uint64_t>>();
}

void ClassifierLive::settle(double frame_budget_ms) {
    // While playing, train_frame records as often as the record's cost allows.
    if (!trainer_ || recorded_version_ == model_version_ || playing_) return;
    // Dearer than its share of the frame (an evaluation of 100,000 points, ~150 ms): beside the
    // frame, as while playing, and taken in by a later frame; one already on its way (of an older
    // model) is taken in first, then this one starts.
    if (record_ms_ > kDearWorkShare * frame_budget_ms) {
        if (!record_worker_->busy()) record_worker_->start({trainer_->record_job()}, model_version_);
        return;
    }
    // A second record at the same step: the charts show the change as a jump where it happened.
    const auto start = Clock::now();
    trainer_->record();
    record_ms_ = milliseconds_since(start);
    recorded_version_ = model_version_;
}

void ClassifierLive::sync(const ClassifierSettings& settings, std::size_t memory_budget, bool editing, DearRebuild dear) {
    rebuild_waiting_ = false;
    if (auto error = settings_error(settings)) {
        error_ = *error;
        building_.cancel();  // of settings since refused: not kept in memory beside the old network
        return;
    }
    // The trainer's buffers scale with points × units; hand-added points count too.
    std::size_t points = settings.data.imported ? settings.data.imported->data.train.size() +
                                                      settings.data.imported->data.test.size()
                                                : static_cast<std::size_t>(settings.data.points);
    if (trainer_) points = std::max(points, trainer_->data().train.size() + trainer_->data().test.size());
    const auto test = static_cast<std::size_t>(static_cast<double>(points) *
                                               (settings.data.imported ? 0.0 : settings.data.test_ratio));
    // The trainer, and the second set of record buffers a worker uses when the records are dear.
    const TrainerConfig config = to_trainer_config(settings);
    const double bytes = estimate_training_bytes(config, points - test, test) + estimate_record_bytes(config, points - test, test);
    if (auto refusal = over_budget("training on " + std::to_string(points) + " points", bytes, memory_budget)) {
        error_ = *refusal;
        building_.cancel();
        return;
    }
    error_.clear();
    const auto same_network = [](const ClassifierSettings& a, const ClassifierSettings& b) {
        return a.data == b.data && a.architecture == b.architecture;
    };
    if (std::optional<BuiltTrainer> built = building_.take()) {
        resetting_ = false;
        if (!built->trainer) {
            failed_build_ = std::move(*built);  // said, and not made again, while the settings stay
        } else if (same_network(built->settings, settings)) {
            take_built(std::move(*built));
        }
    }
    if (!trainer_ || data_ != settings.data || architecture_ != settings.architecture) {
        const double size = estimate_record_bytes(config, points - test, test);
        expected_rebuild_ms_ = rebuild_size_ > 0 ? rebuild_ms_ * size / rebuild_size_ : rebuild_ms_;
        if (failed_build_ && same_network(failed_build_->settings, settings)) {
            error_ = failed_build_->error;
            return;
        }
        failed_build_.reset();
        rebuild_waiting_ = trainer_ && rebuild_waits(editing, expected_rebuild_ms_, settings.run.frame_budget_ms);
        if (rebuild_waiting_) return;
        if (trainer_ && dear == DearRebuild::BesideTheFrame && expected_rebuild_ms_ > kDearWorkShare * settings.run.frame_budget_ms) {
            if (!building_.busy() || !same_network(building_for_, settings)) start_building(settings);
        } else {
            rebuild(settings);
        }
        return;
    }
    // The settings came back to the network on screen: a new one being made is not wanted (a reset
    // of this one is).
    if (!resetting_) building_.cancel();
    failed_build_.reset();
    if (hyper_ != settings.hyper) apply_hyper(settings.hyper);
}

ClassifierLive::BuiltTrainer ClassifierLive::made(ClassifierSettings settings, bool reset,
                                                 const std::function<std::unique_ptr<Trainer>()>& make) {
    BuiltTrainer built;
    built.settings = std::move(settings);
    built.reset = reset;
    const auto start = Clock::now();
    try {
        built.trainer = make();
    } catch (const std::exception& e) {
        built.error = e.what();
    }
    built.made_ms = milliseconds_since(start);
    return built;
}

ClassifierLive::BuiltTrainer ClassifierLive::build(const ClassifierSettings& settings) {
    return made(settings, false, [&] { return std::make_unique<Trainer>(training_data(settings), to_trainer_config(settings)); });
}

void ClassifierLive::start_building(const ClassifierSettings& settings) {
    building_for_ = settings;
    resetting_ = false;
    building_.start([settings] { return build(settings); });
}

void ClassifierLive::rebuild(const ClassifierSettings& settings) {
    const auto start = Clock::now();
    BuiltTrainer built = build(settings);
    if (!built.trainer) {
        error_ = built.error;
        return;
    }
    take_built(std::move(built));
    rebuild_ms_ = milliseconds_since(start);  // replacing the old trainer included
}

void ClassifierLive::take_built(BuiltTrainer built) {
    replace(std::move(built.trainer));
    if (!built.reset) {
        rebuild_ms_ = built.made_ms;
        rebuild_size_ = estimate_record_bytes(trainer_->config(), trainer_->data().train.size(), trainer_->data().test.size());
    }
    // Most of the making is the step-0 record: until a record is measured, the next is taken to
    // cost as much, so that a dear one goes beside the frame from the first.
    record_ms_ = built.made_ms;
    recorded_version_ = model_version_;  // a new trainer records its step 0
    if (!built.reset) built_here_ = true;  // a reset keeps the network's origin (and its edited points)
    data_ = built.settings.data;
    architecture_ = built.settings.architecture;
    hyper_ = built.settings.hyper;  // sync applies the settings' newer ones, if any
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

void ClassifierLive::take_worker_record() {
    std::uint64_t version = 0;
    if (!trainer_ || !record_worker_->take(worker_records_, version)) return;
    // One of another trainer, of an older model than the last record taken (paused meanwhile, and
    // recorded in the frame), or of data or activations changed since: dropped.
    if (version < trainer_version_) return;
    record_ms_ = record_worker_->last_ms();  // a set grown cheap again is recorded in the frame again
    if (version > recorded_version_ && trainer_->take_record(worker_records_[0].result, worker_records_[0].basis)) {
        recorded_version_ = version;
    }
}

void ClassifierLive::train_frame(ClassifierSettings& settings, double other_work_ms) {
    train_ms_ = 0;
    last_steps_ = 0;
    playing_ = false;
    take_worker_record();
    take_worker_planes();  // also when no plot asks for planes this frame: the worker is free again
    // While a new network is being made, the old one on screen waits: it is of other settings.
    if (!trainer_ || !settings.run.playing || !error_.empty() || building_.busy()) {
        rate_.clear();  // not training: the rate shown is that of the next run, not a stale one
        return;
    }
    if (trainer_->divergence()) {
        settings.run.playing = false;
        return;
    }
    playing_ = true;
    // A record dearer than a share of the budget waits its turn (classifier_timing.hpp).
    // A record dearer than its share of the frame (an evaluation of a large data set) is computed
    // beside it, from a copy of the weights: no frame waits for one (record_worker.hpp).
    const bool record_beside = record_ms_ > kDearWorkShare * settings.run.frame_budget_ms;
    // Steps per frame is a ceiling under the frame's budget, never a promise: the budget is what
    // the rest of the last frame left, less the record that follows the steps here (its last cost).
    // Automatic mode has no ceiling but the budget; its steps per frame shows what fitted.
    const int ceiling = settings.run.automatic ? kMaxStepsPerFrame : std::clamp(settings.run.steps_per_frame, 1, kMaxStepsPerFrame);
    const double budget_ms = settings.run.frame_budget_ms - other_work_ms - (record_beside ? 0.0 : record_ms_);
    const auto budget = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::duration<double, std::milli>(budget_ms));
    const auto start = Clock::now();
    last_steps_ = run_steps_within(budget, ceiling, [this] { return change().update(1) > 0; });
    const auto record_start = Clock::now();
    if (last_steps_ > 0 && !record_beside) {
        trainer_->record();
        recorded_version_ = model_version_;
        record_ms_ = milliseconds_since(record_start);
    } else if (last_steps_ > 0 && !record_worker_->busy()) {
        record_worker_->start({trainer_->record_job()}, model_version_);
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

// A step and a hand edit leave their record to settle(): in the frame when it is cheap, beside
// it when it is dear (100,000 points), as for every other change made while paused.
// While a new network is being made (rebuilding()), the old one on screen takes no step, reset or
// edit: it is about to be replaced, and what was done to it would vanish with it.
void ClassifierLive::single_step() {
    if (!trainer_ || trainer_->divergence() || rebuilding()) return;
    change().update(1);
}

void ClassifierLive::reset(DearRebuild dear, double frame_budget_ms) {
    if (!trainer_ || rebuilding()) return;
    if (dear == DearRebuild::BesideTheFrame && record_ms_ > kDearWorkShare * frame_budget_ms) {
        // A new trainer of the same points and configuration is the reset one: the same weights from
        // the seed, batch order and step-0 record (ClassifierLive.ADearResetIsMadeBesideTheFrame…).
        ClassifierSettings settings;
        settings.data = *data_;
        settings.architecture = *architecture_;
        settings.hyper = hyper_;
        building_for_ = settings;
        resetting_ = true;
        building_.start([settings, data = trainer_->data(), config = trainer_->config()]() mutable {
            return made(settings, true, [&] { return std::make_unique<Trainer>(std::move(data), config); });
        });
        return;
    }
    change().reset();  // records step 0
    recorded_version_ = model_version_;
    weight_edits_.clear();
}

bool ClassifierLive::edit_weight(int layer, int to, int from, double value) {
    if (!trainer_ || rebuilding()) return false;
    double before = 0;
    if (!change().set_weight(layer, to, from, value, &before)) return false;
    // Bounded: a long session of edits keeps the latest.
    if (weight_edits_.size() >= 1024) weight_edits_.erase(weight_edits_.begin());
    weight_edits_.push_back({layer, to, from, before, value});
    return true;
}

bool ClassifierLive::undo_weight_edit() {
    if (!trainer_ || weight_edits_.empty() || rebuilding()) return false;
    const WeightEdit edit = weight_edits_.back();
    weight_edits_.pop_back();
    return change().set_weight(edit.layer, edit.to, edit.from, edit.before);
}

void ClassifierLive::resume() {
    if (trainer_) trainer_->resume();
}

void ClassifierLive::add_point(Point point, bool to_test) {
    if (!trainer_ || rebuilding()) return;
    Dataset data = trainer_->data();
    actviz::add_point(data, point, to_test);
    change().set_data(std::move(data));
    built_here_ = false;
}

int ClassifierLive::erase_near(double x, double y, double radius) {
    if (!trainer_ || rebuilding()) return 0;
    Dataset data = trainer_->data();
    const int erased = erase_points_near(data, x, y, radius);
    if (erased > 0) change().set_data(std::move(data)), built_here_ = false;
    return erased;
}

void ClassifierLive::update_planes(const PlaneRequest& request, const PlaneColours& colours, double frame_budget_ms) {
    planes_ms_ = 0;
    if (!trainer_) return;
    const auto start = Clock::now();
    take_worker_planes();
    // The worker's pictures are shown unless they are of an older trainer (another network: other
    // layers, other classes), of a pass begun before the pictures shown (computed here since, when
    // training paused), or would replace pictures of this very model and request by another
    // request's (the pointer went back to where it was). While the request changes every frame (a
    // drag, a hover moving across units) they are shown as they come.
    if (worker_pictures_waiting_) {
        worker_pictures_waiting_ = false;
        const bool exact = planes_version_ == model_version_ && shown_.request == request && !regions_.empty();
        if (worker_pictures_version_ >= trainer_version_ && worker_pass_ > shown_pass_ && !(exact && incoming_.request != request)) {
            show(incoming_, worker_pictures_version_, worker_pass_);
        }
    }
    const bool current = planes_version_ == model_version_ && shown_.request == request && !regions_.empty();
    if (!current) {
        const bool have_pictures = planes_version_ >= trainer_version_ && !regions_.empty();
        // Paused, the frame has no steps to take: the pass may have its whole budget. (Measured
        // here only: the worker's pass runs on one low-priority thread and takes longer.)
        if (have_pictures && (playing_ || frame_pass_ms_ > frame_budget_ms)) {
            // Training plays, or the pass is dearer than a frame: the worker draws a copy of the
            // weights, the frame goes on with the pictures it has. One job at a time, its pictures
            // taken before another starts, so that worker_pass_ is always theirs.
            if (!worker_.outstanding() && worker_.start(trainer_->mlp(), request, colours, model_version_)) worker_pass_ = ++passes_;
        } else {
            // Paused (what is on screen is exactly the model), or the trainer's first pictures.
            const auto pass_start = Clock::now();
            compute_planes(trainer_->mlp(), request, colours, evaluator_, incoming_);
            frame_pass_ms_ = milliseconds_since(pass_start);
            worker_pictures_waiting_ = false;  // incoming_ was the worker's: older than these anyway
            show(incoming_, model_version_, ++passes_);
        }
    }
    // The UI thread's share: the planes computed here, or only the uploads of the worker's.
    planes_ms_ = milliseconds_since(start);
}

void ClassifierLive::take_worker_planes() {
    std::uint64_t version = 0;
    if (!worker_.take(incoming_, version)) return;
    worker_plane_ms_ = incoming_.boundary_ms + incoming_.colours_ms;
    worker_pictures_version_ = version;
    worker_pictures_waiting_ = true;
}

void ClassifierLive::show(PlanePictures& pictures, std::uint64_t version, std::uint64_t pass) {
    std::swap(shown_, pictures);
    planes_version_ = version;
    shown_pass_ = pass;
    const GridResult& grid = shown_.grid;
    regions_.upload(shown_.regions.data(), grid.width, grid.height, true);
    if (!shown_.linear.empty()) linear_.upload(shown_.linear.data(), grid.width, grid.height, false);
    if (!shown_.counts.empty()) counts_.upload(shown_.counts.data(), grid.width, grid.height, false);
    if (!shown_.unit.empty()) unit_.upload(shown_.unit.data(), grid.width, grid.height, false);
    if (!shown_.thumbnails.empty())
        thumbnails_.upload(shown_.thumbnails.data(), shown_.atlas.width(), shown_.atlas.height(), true);
}

double ClassifierLive::close_previous_frame(double build_ms, double render_ms) {
    if (build_ms <= 0) return 0;  // no previous frame
    const double science = train_ms_ + planes_ms_;
    breakdown_.add({train_ms_, planes_ms_, std::max(build_ms - science, 0.0), render_ms});
    return std::max(build_ms - train_ms_, 0.0) + render_ms;
}

}  // namespace actviz::app
