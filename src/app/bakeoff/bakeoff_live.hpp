#pragma once
// The live side of the Bake-off panel. Seed 0's contestants (the ones drawn: thumbnails and charts)
// train on the UI thread in lockstep within the frame's time budget (Bakeoff::step_within); the
// table's extra seeds train in a second Bakeoff on a worker thread, never ahead of seed 0, and
// publish their summaries under a mutex. Two Bakeoff objects rather than one shared: no memory is
// touched by both threads except the published summaries, so no read of a contestant can race
// with its training. Seed s of the worker's bake-off is seed s + 1 of the contest (the same data,
// config.trainer.model.seed + 1 + s), exactly what one Bakeoff with all seeds would run.
//
// Any change of the contest (data, network, optimiser, activations, seeds) restarts it from step 0:
// a bake-off compares runs from the same start. The step budget is the exception: raised, the
// contest continues; lowered below seed 0's step, it restarts (no run can be un-stepped).
//
// Final: seed 0 stops at the step budget; the worker then takes the extra seeds to the budget too,
// and only when every seed is there (or diverged) is the table final — the verdict says so.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "app/background_worker.hpp"
#include "app/latest_job.hpp"
#include "app/record_worker.hpp"
#include "settings/bakeoff_settings.hpp"
#include "app/classifier/classifier_image.hpp"
#include "app/classifier/classifier_timing.hpp"
#include "core/bakeoff.hpp"
#include "core/bakeoff_summary.hpp"
#include "core/bakeoff_verdict.hpp"
#include "core/grid.hpp"
#include "core/memory_budget.hpp"
#include "gfx/texture.hpp"
#include "app/vocabulary.hpp"

namespace actviz::app {

inline constexpr int kThumbnailPixels = 100;  // per side: each thumbnail samples 100 × 100 points

class BakeoffLive {
   public:
    BakeoffLive();
    ~BakeoffLive();
    BakeoffLive(const BakeoffLive&) = delete;
    BakeoffLive& operator=(const BakeoffLive&) = delete;

    // Restarts the contest when the settings changed; invalid settings, or a contest estimated over
    // `memory_budget` bytes, keep the last good one and set error() (the refusal gives the estimate).
    // While `editing` (a slider held), a restart that was dear last time waits (rebuild_waits). The
    // panel then has it made on a worker (`dear`: BesideTheFrame) while the old contest stays on
    // screen, not training (rebuilding()), and a later sync takes it in; other callers get it at once.
    enum class DearRebuild { InTheFrame, BesideTheFrame };
    void sync(const BakeoffSettings& settings, std::size_t memory_budget = kDefaultMemoryBudget, bool editing = false,
              DearRebuild dear = DearRebuild::InTheFrame);
    bool rebuild_waiting() const { return rebuild_waiting_; }  // a new contest is due when the slider is let go
    bool rebuilding() const { return building_.busy(); }      // a new contest is being made beside the frame
    // `contest` with the data, network and hyper-parameters the running contest was built from: the
    // panel's may be newer (a restart waiting for a slider's release, or settings refused).
    ClassifierSettings built_contest(ClassifierSettings contest) const {
        if (data_) contest.data = *data_;
        if (architecture_) contest.architecture = *architecture_;
        if (hyper_) contest.hyper = *hyper_;
        return contest;
    }
    double rebuild_ms() const { return rebuild_ms_; }
    // What the new contest due is expected to cost: the last one's, scaled by the size of its
    // step-0 records (contestants × points × units).
    double expected_rebuild_ms() const { return expected_rebuild_ms_; }
    // This frame's lockstep steps while playing, within `budget_ms` (the frame's budget minus the
    // rest of the last frame), at most settings.max_steps_per_frame, at least one. `min_steps` (what
    // keeps settings.min_steps_per_second at the current frame rate) may take the frame past its
    // budget by one contestant's step at most, never more (Bakeoff::step_within).
    // Records dearer than kDearWorkShare of settings.frame_budget_ms are computed beside the frame
    // (record_worker.hpp), also those a pause asks for, and taken in at the start of a later call.
    void train_frame(BakeoffSettings& settings, double budget_ms, int min_steps = 1);
    // From step 0 with the same settings; a dear one, from the panel (BesideTheFrame), is made on
    // the worker as a new contest is, while the old one waits.
    void restart(DearRebuild dear = DearRebuild::InTheFrame, double frame_budget_ms = 0);
    bool record_in_flight() const { return record_worker_->busy(); }  // dear records being computed beside the frame
    bool work_outstanding() const { return record_worker_->outstanding(); }  // in flight or not taken in yet

    // Redraws the thumbnails whose contestant moved since they were drawn, oldest first, for at
    // most `budget_ms` (at least one per call).
    void update_thumbnails(std::span<const Rgb> palette, Rgb background, double budget_ms);

    const Bakeoff* bakeoff() const { return bakeoff_.get(); }  // seed 0
    const gfx::Texture& thumbnail(int activation) const { return thumbnails_[static_cast<size_t>(activation)].texture; }
    const GridView& thumbnail_view() const { return view_; }
    const std::string& error() const { return error_; }

    // Mean ± spread per activation over seed 0 and the extra seeds published so far.
    std::vector<ActivationSummary> table() const;
    int table_seeds() const { return seeds_; }
    std::int64_t background_steps() const;  // the extra seeds' step (they trail seed 0)
    bool background_running() const { return worker_ && worker_->busy(); }

    // The verdict over the seeds at seed 0's step (seed 0 alone while the others trail it).
    BakeoffVerdict verdict() const;
    std::int64_t step_budget() const { return budget_; }
    bool at_budget() const { return bakeoff_ && bakeoff_->finished(); }  // seed 0 stopped (budget or diverged)
    // Every seed at the step budget (or diverged) and seed 0's records taken at its last steps: the
    // table and the verdict are final.
    bool is_final() const;

    // Timings of this frame (ms) and the measured training rate of seed 0's contestants.
    double train_ms() const { return train_ms_; }
    double thumbnails_ms() const { return thumbnails_ms_; }
    int last_steps() const { return last_steps_; }  // contestants' steps this frame (a round of seven is seven)
    double steps_per_second() const;  // each contestant, over the last second (or the last frame, if slower)
    // Called at the start of a frame with the previous frame's times (building the whole UI, this
    // panel's science included; rendering and presenting): completes that frame's breakdown, in
    // FrameBreakdown's phases train, boundary (here: thumbnails), UI and render.
    void close_previous_frame(double build_ms, double render_ms);
    const FrameBreakdown& breakdown() const { return breakdown_; }

   private:
    struct Published;  // the worker's summaries, behind a mutex
    // Seed 0's summaries, and those of the extra seeds at seed 0's step (all of them or none: the
    // worker steps them together).
    void gather(std::vector<ContestantSummary>& all, std::vector<ContestantSummary>& caught_up) const;
    void publish_target();
    void rebuild(const BakeoffSettings& settings);
    // Seed 0's contest made beside the frame (or in it, by rebuild), and what it was made from.
    struct BuiltContest {
        std::unique_ptr<Bakeoff> bakeoff;  // null: `error` says why
        GridView view;
        std::string error;
        double made_ms = 0;
        BakeoffSettings settings;
    };
    static BuiltContest build(const BakeoffSettings& settings);
    void take_built(BuiltContest built, const BakeoffSettings& settings);
    bool is_current(const BakeoffSettings& settings) const;  // the contest on screen is of these settings
    void start_background(const BakeoffSettings& settings);

    std::unique_ptr<Bakeoff> bakeoff_;
    std::unique_ptr<BackgroundWorker> worker_;
    std::shared_ptr<Published> published_;
    std::string error_;
    int seeds_ = 1;

    // The contest the bake-off was built from: a change of any of these restarts it.
    std::optional<ClassifierData> data_;
    std::optional<ClassifierArchitecture> architecture_;
    std::optional<ClassifierHyper> hyper_;
    std::vector<int> activations_;
    int settings_seeds_ = 0;
    int budget_ = 0;

    struct Thumbnail {
        gfx::Texture texture;
        std::int64_t drawn_step = -1;
    };
    std::vector<Thumbnail> thumbnails_;
    size_t next_thumbnail_ = 0;
    GridView view_;
    GridEvaluator evaluator_{1};  // one thread: the second core trains the extra seeds
    GridResult grid_;
    std::vector<std::uint32_t> pixels_;

    std::chrono::steady_clock::time_point last_record_{};
    double train_ms_ = 0, thumbnails_ms_ = 0;
    FrameBreakdown breakdown_;
    int last_steps_ = 0;
    double record_ms_ = 0;  // the last records' cost, kept free in the budget of a frame that records
    double rebuild_ms_ = 0;  // the last new contest's cost
    double rebuild_size_ = 0;  // its step-0 records' workspace in bytes (contest_record_size)
    double expected_rebuild_ms_ = 0;
    bool rebuild_waiting_ = false;
    LatestJob<BuiltContest> building_;  // a dear new contest beside the frame
    BakeoffSettings building_for_;      // its settings, while building_ is busy
    bool restarting_ = false;           // building_ is a restart of the contest on screen: sync keeps it
    std::optional<BuiltContest> failed_build_;  // the last one, when it failed: its error stands for its settings
    void start_building(const BakeoffSettings& settings, bool restart);
    void take_worker_records();  // records finished beside the frame, into the contestants still of their basis
    // The contestants that stepped since their last record: recorded in the frame (and measured), or
    // handed to the worker when `beside` and it is free.
    void record_stepped(bool beside);
    ComputedRecords worker_records_;  // recycled buffers of the worker's records
    // Dear records while playing, tagged with the contestants they are of. A new one for every
    // contest: its buffers are sized for the contest's data.
    std::unique_ptr<RecordWorker<std::vector<int>>> record_worker_ = std::make_unique<RecordWorker<std::vector<int>>>();
    StepRate rate_;
};

}  // namespace actviz::app
