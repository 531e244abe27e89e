#include "app/bakeoff/bakeoff_live.hpp"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace actviz::app {
namespace {

using Clock = std::chrono::steady_clock;

// The plane the thumbnails show: the data's bounding box with a margin, square, so every point is
// inside and the regions around them are visible.
GridView view_around(const Dataset& data) {
    double x0 = -1, x1 = 1, y0 = -1, y1 = 1;
    bool first = true;
    for (const std::vector<Point>* points : {&data.train, &data.test}) {
        for (const Point& p : *points) {
            if (first) x0 = x1 = p.x, y0 = y1 = p.y, first = false;
            x0 = std::min(x0, p.x), x1 = std::max(x1, p.x), y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
        }
    }
    const double half = 0.5 * std::max({x1 - x0, y1 - y0, 1e-3}) * 1.15;
    const double cx = 0.5 * (x0 + x1), cy = 0.5 * (y0 + y1);
    GridView view;
    view.width = view.height = kThumbnailPixels;
    view.x_min = cx - half, view.x_max = cx + half;
    view.y_min = cy - half, view.y_max = cy + half;
    return view;
}

// Whether two settings make the same contest (the step budget aside: it changes a contest without
// restarting it, unless lowered below the step reached).
bool same_contest(const BakeoffSettings& a, const BakeoffSettings& b) {
    return a.contest.data == b.contest.data && a.contest.architecture == b.contest.architecture &&
           a.contest.hyper == b.contest.hyper && a.activations == b.activations && a.seeds == b.seeds;
}

// The contest's training and test points (imported, or generated and split).
struct ContestPoints {
    std::size_t train = 0, test = 0;
};
ContestPoints contest_points(const BakeoffSettings& settings) {
    const auto& imported = settings.contest.data.imported;
    const auto points = imported ? imported->data.train.size() + imported->data.test.size()
                                 : static_cast<std::size_t>(settings.contest.data.points);
    const auto test = imported ? imported->data.test.size()
                               : static_cast<std::size_t>(static_cast<double>(points) * settings.contest.data.test_ratio);
    return {points - test, test};
}

// Seed 0's step-0 records in bytes of workspace (estimate_record_bytes): what a new contest's cost
// scales with.
double contest_record_size(const BakeoffSettings& settings) {
    const ContestPoints points = contest_points(settings);
    const BakeoffConfig seed0 = to_bakeoff_config(settings, 0, 1);
    return static_cast<double>(seed0.activations.size()) * estimate_record_bytes(seed0.trainer, points.train, points.test);
}

// How often seed 0's contestants are evaluated for the charts while training (about 15 times a second).
constexpr auto kRecordInterval = std::chrono::milliseconds(66);

// Lockstep steps per chunk on the worker: small enough that it follows seed 0 closely, large
// enough that the records after each chunk stay a small share of the work.
constexpr int kBackgroundChunk = 10;

}  // namespace

struct BakeoffLive::Published {
    std::atomic<std::int64_t> target{0};  // seed 0's step: the worker does not go beyond it
    std::atomic<std::int64_t> steps{0};   // the worker's step
    std::atomic<bool> stopped{false};     // every extra contestant diverged: the worker has ended
    std::mutex mutex;
    std::vector<ContestantSummary> summaries;  // the extra seeds', at `steps`
};

BakeoffLive::BakeoffLive() = default;

BakeoffLive::~BakeoffLive() = default;  // the worker's destructor cancels and joins its job

void BakeoffLive::sync(const BakeoffSettings& settings, std::size_t memory_budget, bool editing, DearRebuild dear) {
    rebuild_waiting_ = false;
    if (auto error = bakeoff_settings_error(settings)) {
        error_ = *error;
        building_.cancel();  // of settings since refused: not kept in memory beside the old contest
        return;
    }
    // Every contestant of every seed is a trainer of its own, with its capped history.
    const ContestPoints points = contest_points(settings);
    const BakeoffConfig all_seeds = to_bakeoff_config(settings, 0, settings.seeds);
    if (auto refusal = over_budget("a bake-off of " + std::to_string(all_seeds.activations.size()) + " activations × " +
                                       std::to_string(settings.seeds) + " seeds",
                                   // and the buffers of the records computed beside the frame
                                   estimate_bakeoff_bytes(all_seeds, points.train, points.test, kBakeoffHistoryRecords) +
                                       estimate_record_bytes(all_seeds.trainer, points.train, points.test),
                                   memory_budget)) {
        error_ = *refusal;
        building_.cancel();
        return;
    }
    error_.clear();
    if (std::optional<BuiltContest> built = building_.take()) {
        restarting_ = false;
        if (!built->bakeoff) {
            failed_build_ = std::move(*built);  // said, and not made again, while the settings stay
        } else if (same_contest(built->settings, settings)) {
            take_built(std::move(*built), settings);
        }
    }
    const auto seed0_step = [this] {
        std::int64_t furthest = 0;
        for (int i = 0; i < bakeoff_->size(); ++i) furthest = std::max(furthest, bakeoff_->contestant(i).trainer().steps());
        return furthest;
    };
    if (!bakeoff_ || !is_current(settings) || (settings.step_budget != budget_ && settings.step_budget < seed0_step())) {
        expected_rebuild_ms_ = rebuild_size_ > 0 ? rebuild_ms_ * contest_record_size(settings) / rebuild_size_ : rebuild_ms_;
        if (failed_build_ && same_contest(failed_build_->settings, settings)) {
            error_ = failed_build_->error;
            return;
        }
        failed_build_.reset();
        rebuild_waiting_ = bakeoff_ && rebuild_waits(editing, expected_rebuild_ms_, settings.frame_budget_ms);
        if (rebuild_waiting_) return;
        if (bakeoff_ && dear == DearRebuild::BesideTheFrame && expected_rebuild_ms_ > kDearWorkShare * settings.frame_budget_ms) {
            if (!building_.busy() || !same_contest(building_for_, settings)) start_building(settings, false);
        } else {
            rebuild(settings);
        }
        return;
    }
    // The settings came back to the contest on screen: a new one being made is not wanted (a
    // restart of this one is).
    if (!restarting_) building_.cancel();
    failed_build_.reset();
    if (settings.step_budget != budget_) {
        budget_ = settings.step_budget;  // raised (or lowered, still ahead): the contest goes on
        bakeoff_->set_step_budget(budget_);
        publish_target();
    }
}

bool BakeoffLive::is_current(const BakeoffSettings& settings) const {
    return data_ == settings.contest.data && architecture_ == settings.contest.architecture && hyper_ == settings.contest.hyper &&
           activations_ == settings.activations && settings_seeds_ == settings.seeds;
}

BakeoffLive::BuiltContest BakeoffLive::build(const BakeoffSettings& settings) {
    BuiltContest built;
    built.settings = settings;
    const auto start = Clock::now();
    // The hyper group's activation is not part of the contest: compare it with the activation fixed.
    try {
        const Dataset data = training_data(settings.contest);
        built.bakeoff = std::make_unique<Bakeoff>(data, to_bakeoff_config(settings, 0, 1));
        built.view = view_around(data);
    } catch (const std::exception& e) {
        built.error = e.what();
        built.bakeoff.reset();
    }
    built.made_ms = milliseconds_since(start);
    return built;
}

void BakeoffLive::rebuild(const BakeoffSettings& settings) {
    const auto start = Clock::now();
    BuiltContest built = build(settings);
    if (!built.bakeoff) {
        error_ = built.error;
        bakeoff_.reset();
        return;
    }
    take_built(std::move(built), settings);
    rebuild_ms_ = milliseconds_since(start);  // the old worker's end and the background seeds' start included
}

// `settings`: the panel's now, of the same contest as built.settings (the step budget may be newer).
void BakeoffLive::take_built(BuiltContest built, const BakeoffSettings& settings) {
    building_.cancel();  // a contest made beside the frame for older settings is not wanted any more
    restarting_ = false;
    bakeoff_ = std::move(built.bakeoff);
    view_ = built.view;
    rebuild_ms_ = built.made_ms;
    rebuild_size_ = contest_record_size(settings);
    // Most of the contest's making is every contestant's step-0 record: until records are measured,
    // the next are taken to cost as much, so that dear ones go beside the frame from the first. The
    // rest of a rebuild (waiting for the old worker, starting the background seeds) is not a record's.
    record_ms_ = built.made_ms;
    data_ = settings.contest.data;
    architecture_ = settings.contest.architecture;
    hyper_ = settings.contest.hyper;
    activations_ = settings.activations;
    settings_seeds_ = settings.seeds;
    budget_ = settings.step_budget;
    bakeoff_->set_step_budget(budget_);  // the panel's now: it may have changed while the contest was made
    seeds_ = settings.seeds;
    // Waits for records in flight, if any; the old contest's buffers go with the old worker.
    record_worker_ = std::make_unique<RecordWorker<std::vector<int>>>();
    thumbnails_.clear();
    thumbnails_.resize(static_cast<size_t>(bakeoff_->activation_count()));
    next_thumbnail_ = 0;
    rate_.clear();
    start_background(settings);
}

void BakeoffLive::start_background(const BakeoffSettings& settings) {
    published_ = std::make_shared<Published>();
    if (settings.seeds <= 1) {
        worker_.reset();
        return;
    }
    if (!worker_) worker_ = std::make_unique<BackgroundWorker>();
    const Dataset data = training_data(settings.contest);
    BakeoffConfig config = to_bakeoff_config(settings, 1, settings.seeds - 1);
    config.step_budget.reset();  // the worker follows seed 0's published target, which the budget caps
    std::shared_ptr<Published> published = published_;
    // The job runs until the next contest cancels it (post() replaces it) or the session ends.
    worker_->post([data, config, published](const std::atomic<bool>& cancel) {
        // The extra seeds are the table's luxury: the worker's low priority keeps them from taking
        // time from the UI thread or the software renderer.
        Bakeoff extra(data, config);
        {
            std::lock_guard lock(published->mutex);
            published->summaries = summarise(extra);
        }
        std::int64_t steps = 0;
        while (!cancel) {
            const std::int64_t target = published->target.load();
            if (steps >= target) {
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
                continue;
            }
            const int k = static_cast<int>(std::min<std::int64_t>(kBackgroundChunk, target - steps));
            if (extra.step(k) == 0) {  // every extra contestant diverged: their summaries say so
                published->stopped = true;
                break;
            }
            steps += k;
            std::vector<ContestantSummary> summaries = summarise(extra);
            std::lock_guard lock(published->mutex);
            published->summaries = std::move(summaries);
            published->steps = steps;
        }
    });
}

void BakeoffLive::restart(DearRebuild dear, double frame_budget_ms) {
    if (!bakeoff_) return;
    BakeoffSettings settings;
    settings.contest.data = *data_;
    settings.contest.architecture = *architecture_;
    settings.contest.hyper = *hyper_;
    settings.activations = activations_;
    settings.seeds = settings_seeds_;
    settings.step_budget = budget_;
    expected_rebuild_ms_ = rebuild_ms_;  // the same contest again
    if (dear == DearRebuild::BesideTheFrame && rebuild_ms_ > kDearWorkShare * frame_budget_ms) {
        start_building(settings, true);
    } else {
        rebuild(settings);
    }
}

void BakeoffLive::start_building(const BakeoffSettings& settings, bool restart) {
    building_for_ = settings;
    restarting_ = restart;
    building_.start([settings] { return build(settings); });
}

void BakeoffLive::take_worker_records() {
    std::vector<int> contestants;
    if (!bakeoff_ || !record_worker_->take(worker_records_, contestants)) return;
    record_ms_ = record_worker_->last_ms();  // a contest grown cheap again is recorded in the frame again
    for (size_t k = 0; k < contestants.size(); ++k) {
        // Refused when the contestant changed meanwhile or recorded later (paused, in the frame).
        ComputedRecord& record = worker_records_[k];
        if (contestants[k] < bakeoff_->size()) bakeoff_->contestant(contestants[k]).take_record(record.result, record.basis);
    }
}

void BakeoffLive::train_frame(BakeoffSettings& settings, double budget_ms, int min_steps) {
    train_ms_ = 0;
    last_steps_ = 0;
    if (!bakeoff_) return;
    const auto start = Clock::now();
    take_worker_records();  // into the contest on screen, also while new settings are refused
    // While a new contest is being made, the one on screen waits: it is of other settings.
    if (!error_.empty() || building_.busy()) return;
    if (settings.playing && bakeoff_->finished()) {
        settings.playing = false;  // at the step budget: the contest is over (the background may still catch up)
        publish_target();
    }
    // Charts and captions follow the records; one costs about a full-batch step per contestant, so
    // they are taken at kRecordInterval rather than every frame, and always once training pauses.
    const bool record_now = start - last_record_ >= kRecordInterval || !settings.playing;
    // Records dearer than their share of the frame (large data, many contestants) are computed
    // beside it, from copies of the weights: no frame waits for them (record_worker.hpp).
    const bool record_beside = record_ms_ > kDearWorkShare * settings.frame_budget_ms;
    if (!settings.playing) {
        record_stepped(record_beside);
        rate_.clear();  // not training: the rate shown is that of the next run, not a stale one
        return;
    }
    // The records this frame takes are paid out of its budget (their last cost), and the minimum
    // pace may start another lockstep round only while the budget is not used up: steps per frame
    // and the pace are ceilings under the budget, which a frame passes by at most one contestant's step.
    const double steps_budget_ms = budget_ms - (record_now && !record_beside ? record_ms_ : 0.0);
    const auto budget = std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::duration<double, std::milli>(std::max(steps_budget_ms, 0.0)));
    const int max_steps = std::clamp(settings.max_steps_per_frame, 1, kMaxStepsPerFrame);
    const int stepping = bakeoff_->steppable();
    const Bakeoff::Progress progress = bakeoff_->step_within(budget, max_steps, kAllSeeds, false, std::min(min_steps, max_steps));
    last_steps_ = progress.steps;
    if (record_now) {
        record_stepped(record_beside);
        last_record_ = start;
    }
    train_ms_ = milliseconds_since(start);
    if (bakeoff_->finished()) settings.playing = false;  // every contestant at the step budget or diverged
    // Each contestant's steps: a round may span frames, so the rate counts its steps as they come.
    rate_.add(Clock::now(), stepping > 0 ? progress.steps / static_cast<double>(stepping) : 0.0);
    publish_target();
}

void BakeoffLive::record_stepped(bool beside) {
    std::vector<int> contestants = bakeoff_->unrecorded();
    if (contestants.empty()) return;
    if (!beside) {
        const auto record_start = Clock::now();
        bakeoff_->record();
        record_ms_ = milliseconds_since(record_start);
    } else if (!record_worker_->busy()) {
        // Taken in a few frames later (take_worker_records); a batch already on its way goes first,
        // and the contestants that stepped after it are in the next.
        std::vector<Trainer::RecordJob> jobs;
        jobs.reserve(contestants.size());
        for (int i : contestants) jobs.push_back(bakeoff_->contestant(i).trainer().record_job());
        record_worker_->start(std::move(jobs), std::move(contestants));
    }
}

void BakeoffLive::publish_target() {
    if (!published_ || !bakeoff_) return;
    std::int64_t furthest = 0;
    for (int i = 0; i < bakeoff_->size(); ++i) furthest = std::max(furthest, bakeoff_->contestant(i).trainer().steps());
    // Seed 0 done (every contestant at the budget or diverged): the others go to the budget, even
    // when all of seed 0 diverged before it.
    if (bakeoff_->finished() && bakeoff_->step_budget()) furthest = std::max(furthest, *bakeoff_->step_budget());
    published_->target = furthest;
}

bool BakeoffLive::is_final() const {
    if (!bakeoff_ || !bakeoff_->finished() || !bakeoff_->step_budget()) return false;
    if (!bakeoff_->unrecorded().empty()) return false;  // its last records are on their way beside the frame
    if (seeds_ <= 1 || !published_) return true;
    return published_->stopped || published_->steps.load() >= *bakeoff_->step_budget();
}

double BakeoffLive::steps_per_second() const { return rate_.per_second(); }

void BakeoffLive::update_thumbnails(std::span<const Rgb> palette, Rgb background, double budget_ms) {
    thumbnails_ms_ = 0;
    if (!bakeoff_) return;
    const auto start = Clock::now();
    const size_t count = thumbnails_.size();
    int drawn = 0;
    const size_t first = next_thumbnail_;  // fixed for this call: next_thumbnail_ moves as we draw
    for (size_t visited = 0; visited < count; ++visited) {
        const size_t a = (first + visited) % count;
        Thumbnail& thumbnail = thumbnails_[a];
        const Trainer& trainer = bakeoff_->contestant(static_cast<int>(a), 0).trainer();
        if (thumbnail.drawn_step == trainer.steps() && !thumbnail.texture.empty()) continue;
        if (drawn > 0 && milliseconds_since(start) > budget_ms) break;
        ++drawn;
        GridRequest request;
        request.probabilities = true;
        evaluator_.evaluate(trainer.mlp(), view_, request, grid_);
        colour_regions(grid_, palette, background, pixels_);
        thumbnail.texture.upload(pixels_.data(), grid_.width, grid_.height, true);
        thumbnail.drawn_step = trainer.steps();
        next_thumbnail_ = (a + 1) % count;  // round robin: the next frame starts after this one
    }
    thumbnails_ms_ = milliseconds_since(start);
}

void BakeoffLive::gather(std::vector<ContestantSummary>& all, std::vector<ContestantSummary>& caught_up) const {
    all = summarise(*bakeoff_);
    std::int64_t step = 0;
    for (const ContestantSummary& s : all) step = std::max(step, s.steps);
    caught_up = all;
    if (published_) {
        std::lock_guard lock(published_->mutex);
        all.insert(all.end(), published_->summaries.begin(), published_->summaries.end());
        for (const ContestantSummary& s : published_->summaries) {
            if (s.steps >= step || s.diverged_at) caught_up.push_back(s);
        }
    }
}

BakeoffVerdict BakeoffLive::verdict() const {
    if (!bakeoff_) return {};
    std::vector<ContestantSummary> all, caught_up;
    gather(all, caught_up);
    const int test_points = static_cast<int>(bakeoff_->contestant(0).trainer().data().test.size());
    return judge_bakeoff(caught_up, bakeoff_->activation_count(), test_points);
}

std::vector<ActivationSummary> BakeoffLive::table() const {
    if (!bakeoff_) return {};
    std::vector<ContestantSummary> all, caught_up;
    gather(all, caught_up);
    // Milestones count every seed (one still behind shows as not reached yet: n/K); the values of
    // the moment (best test accuracy, loss, gradient ratio, dead share) only average seeds at the
    // same step as seed 0, so a seed still at step 10 does not drag a mean at step 500.
    std::vector<ActivationSummary> table = summarise_by_activation(all, bakeoff_->activation_count());
    const std::vector<ActivationSummary> now = summarise_by_activation(caught_up, bakeoff_->activation_count());
    for (size_t a = 0; a < table.size(); ++a) {
        table[a].best_test_accuracy = now[a].best_test_accuracy;
        table[a].final_train_loss = now[a].final_train_loss;
        table[a].first_last_grad_ratio = now[a].first_last_grad_ratio;
        table[a].dead_fraction = now[a].dead_fraction;
    }
    return table;
}

void BakeoffLive::close_previous_frame(double build_ms, double render_ms) {
    if (build_ms <= 0) return;  // no previous frame
    breakdown_.add({train_ms_, thumbnails_ms_, std::max(build_ms - train_ms_ - thumbnails_ms_, 0.0), render_ms});
}

std::int64_t BakeoffLive::background_steps() const { return published_ ? published_->steps.load() : 0; }

}  // namespace actviz::app
