#pragma once
// The live side of the Classifier panel: owns the Trainer built from the panel's settings, runs the
// frame's training steps under a time budget, and turns the current weights into the pictures the
// panel draws (classifier_planes.hpp: decision regions and contours, inactive-unit map, one unit's
// active region, the diagram's node pictures, linear regions), uploaded into GL textures. Recomputes
// the pictures only when the weights, the visible plane or the request changed: at once while paused,
// on a worker from a copy of the weights while training plays (plane_worker.hpp).

#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/classifier/classifier_planes.hpp"
#include "app/classifier/classifier_timing.hpp"
#include "app/classifier/plane_worker.hpp"
#include "app/latest_job.hpp"
#include "app/record_worker.hpp"
#include "settings/classifier_settings.hpp"
#include "core/grid.hpp"
#include "core/memory_budget.hpp"
#include "core/trainer.hpp"
#include "gfx/texture.hpp"
#include "app/vocabulary.hpp"

namespace actviz::app {

class ClassifierLive {
public:
    ClassifierLive();
    ~ClassifierLive();
    ClassifierLive(const ClassifierLive&) = delete;
    ClassifierLive& operator=(const ClassifierLive&) = delete;

    // Brings the trainer in line with `settings`: a new dataset or architecture rebuilds it, other
    // changes go through the Trainer's setters and keep the weights. Invalid settings keep the last
    // good trainer and set error(), as do settings whose trainer would need more than `memory_budget` bytes.
    // A rebuild that cost more than a quarter of the frame's budget last time (100,000 points:
    // 400 ms) waits while `editing` (a slider held: rebuild_waits). The panel then has it made on a
    // worker (`dear`: BesideTheFrame) while the old network stays on screen, not training
    // (rebuilding()), and a later sync takes it in; other callers get it at once.
    enum class DearRebuild { InTheFrame, BesideTheFrame };
    void sync(const ClassifierSettings& settings, std::size_t memory_budget = kDefaultMemoryBudget, bool editing = false,
              DearRebuild dear = DearRebuild::InTheFrame);
    bool rebuild_waiting() const { return rebuild_waiting_; }  // a new network is due when the slider is let go
    bool rebuilding() const { return building_.busy(); }      // a new network is being made beside the frame
    double rebuild_ms() const { return rebuild_ms_; }
    // What the new network due is expected to cost: the last one's, scaled by the size of its
    // step-0 record (points × units), so that 600 → 100,000 points is known to be dear at once.
    double expected_rebuild_ms() const { return expected_rebuild_ms_; }
    // This frame's training while playing: at most the steps per frame (automatic mode: no cap), and
    // only as many as fit in the frame's budget beside `other_work_ms`, the rest of the last frame
    // (run_steps_within: the first step always runs), then a record of the new weights — in the
    // frame when it is cheap, on a worker when it is dear (then taken in at a later frame). Stops
    // playing on divergence.
    void train_frame(ClassifierSettings& settings, double other_work_ms);
    // Takes a trainer restored from a session, made for `settings` (null: rebuild from the settings
    // at the next sync), as if sync had built it.
    void adopt(const ClassifierSettings& settings, std::unique_ptr<Trainer> trainer);
    // Takes over a copy of `trainer` (its weights, optimiser moments, history, batch order) as if
    // it had been trained here; `settings` must be the ones it was built from, so that sync()
    // keeps it. The Bake-off opens a contestant this way.
    void adopt(const Trainer& trainer, const ClassifierSettings& settings);
    void single_step();
    // Weights from the seed, history cleared; hand-edited points kept. Its step-0 record is an
    // evaluation of all the data: when that is dear, the panel's (BesideTheFrame) is made on the
    // worker as a new network is, while the network on screen waits.
    void reset(DearRebuild dear = DearRebuild::InTheFrame, double frame_budget_ms = 0);
    void resume();  // after a divergence
    // Once a frame, before anything is drawn: when the model changed since its last record (an
    // activation switch, a point edit, a trainer taken over, a pause after dear records) and training
    // is paused, records it now, so the header's loss and accuracy and the unit grid describe the
    // model on screen, not the one before it; when the record is dearer than its share of
    // `frame_budget_ms`, beside the frame, and the readouts follow a few frames later. While
    // playing, train_frame records (in the frame, or beside it when dear).
    void settle(double frame_budget_ms);

    // A weight set by hand (the network diagram), kept for undo; settle() records the edited model
    // as a step would. False when the trainer refuses it (out of range, not finite).
    bool edit_weight(int layer, int to, int from, double value);
    // Ctrl+Z: sets the last edited weight back to what it was before that edit (later training of
    // it is not undone). False when there is nothing to undo. A new trainer or a reset forgets the edits.
    bool undo_weight_edit();
    struct WeightEdit {
        int layer = 0, to = 0, from = 0;
        double before = 0, after = 0;
    };
    const std::vector<WeightEdit>& weight_edits() const { return weight_edits_; }

    // Mouse editing of the data: weights kept.
    void add_point(Point point, bool to_test);
    int erase_near(double x, double y, double radius);

    // Brings the planes up to `request` and the model: paused (or for a new trainer's first
    // pictures), computed here at once; playing, or paused when their last pass here cost more than
    // `frame_budget_ms` (8 × 64 with a unit hovered or the view dragged: ~100 ms), started on the
    // worker from a copy of the weights, and shown from the frame they are done (the planes then
    // trail the model by a frame or a few).
    void update_planes(const PlaneRequest& request, const PlaneColours& colours, double frame_budget_ms);

    const Trainer* trainer() const { return trainer_.get(); }
    // What each picture and readout was computed from: the model's version goes up with every
    // change to the function the network computes or to its points (all of them go through
    // change() or replace()); after a paused frame every other version equals it, unless their work
    // is dear (while training plays, the planes trail the model by the worker's pass; dear planes
    // and records, paused or not, by the worker's pass as well: ~100 ms at 8 × 64 or 100,000 points).
    struct Versions {
        std::uint64_t model = 0, recorded = 0, planes = 0;
    };
    Versions versions() const { return {model_version_, recorded_version_, planes_version_}; }
    // The trainer if it was built for `settings`' data and architecture, else null: what a session
    // may save beside those settings. Between an edit and the next sync (a save or a quit in the
    // frame after it), or while sync refuses the settings, the trainer is the previous one.
    const Trainer* trainer_built_for(const ClassifierSettings& settings) const {
        return data_ == settings.data && architecture_ == settings.architecture ? trainer_.get() : nullptr;
    }
    // The trainer is exactly what the settings build: built here (not opened from a session or taken
    // from the Bake-off), no point added or erased, at step 0. Saving it adds nothing the settings
    // do not say, so its first appearance (the Classifier page looked at) is no unsaved change.
    bool as_built_from_settings() const { return trainer_ && built_here_ && trainer_->steps() == 0; }
    const std::string& error() const { return error_; }
    const gfx::Texture& regions_texture() const { return regions_; }
    const gfx::Texture& counts_texture() const { return counts_; }
    const gfx::Texture& unit_texture() const { return unit_; }
    bool has_unit_plane() const { return shown_.unit_shown; }
    // The network diagram's node pictures (grid().thumbnails, coloured and tiled) when asked for.
    const gfx::Texture& thumbnails_texture() const { return thumbnails_; }
    const ThumbnailAtlas& thumbnail_atlas() const { return shown_.atlas; }
    // The plane coloured by activation pattern, and the regions counted over the planes' grid, when asked for.
    const gfx::Texture& linear_regions_texture() const { return linear_; }
    const LinearRegions& linear_regions() const { return shown_.linear_regions; }
    bool has_linear_regions() const { return shown_.request.linear_regions; }
    int pattern_units() const { return shown_.pattern_units; }  // the piecewise-linear units the patterns are of
    const std::vector<Segment>& contours() const { return shown_.contours; }
    const GridResult& grid() const { return shown_.grid; }  // probabilities and counts behind the planes
    // The grid the planes were computed on: the plot's view when they were asked for.
    const GridView& plane_view() const { return shown_.request.view; }
    const PlaneRequest& shown_request() const { return shown_.request; }  // what the pictures shown were asked for
    // Predicted class of each training / test point, from the evaluation behind the last record:
    // the very predictions the header's accuracies count (no second pass over the data).
    const std::vector<int>& train_predicted() const { return trainer_ ? trainer_->predicted_train() : no_predictions_; }
    const std::vector<int>& test_predicted() const { return trainer_ ? trainer_->predicted_test() : no_predictions_; }
    int last_steps() const { return last_steps_; }  // steps run in the last train_frame
    bool record_in_flight() const { return record_worker_->busy(); }  // a dear record being computed beside the frame
    // A record or planes computed beside the frame and not taken in yet: the panel keeps drawing.
    bool work_outstanding() const { return record_worker_->outstanding() || worker_.outstanding(); }
    double steps_per_second() const { return rate_.per_second(); }  // while playing, over the last second

    // This frame's science on the UI thread in milliseconds, and the medians of the last frames.
    double train_ms() const { return train_ms_; }
    double planes_ms() const { return planes_ms_; }
    // The last planes the worker computed: how long their pass took beside the frames (0 before any).
    double worker_plane_ms() const { return worker_plane_ms_; }
    // Called at the start of a frame with the previous frame's times (building the whole UI, its
    // science included; rendering): completes that frame's breakdown. Returns the previous frame's
    // work besides training, what automatic mode budgets around.
    double close_previous_frame(double build_ms, double render_ms);
    const FrameBreakdown& breakdown() const { return breakdown_; }

private:
    void rebuild(const ClassifierSettings& settings);
    // A new trainer made beside the frame, and what it was made from.
    struct BuiltTrainer {
        std::unique_ptr<Trainer> trainer;  // null: `error` says why
        std::string error;
        double made_ms = 0;
        ClassifierSettings settings;
        bool reset = false;  // the network on screen reset (its points, its settings), not one the settings make
    };
    // `make`'s trainer, timed, or why it could not be made.
    static BuiltTrainer made(ClassifierSettings settings, bool reset, const std::function<std::unique_ptr<Trainer>()>& make);
    static BuiltTrainer build(const ClassifierSettings& settings);  // the trainer `settings` make
    void start_building(const ClassifierSettings& settings);
    void take_built(BuiltTrainer built);  // as rebuild() does with the trainer it makes
    void apply_hyper(const ClassifierHyper& hyper);

    std::unique_ptr<Trainer> trainer_;
    std::optional<ClassifierData> data_;
    std::optional<ClassifierArchitecture> architecture_;
    ClassifierHyper hyper_;
    std::string error_;
    bool built_here_ = false;  // by rebuild(), with its generated or imported points untouched since
    double rebuild_ms_ = 0;    // the last rebuild's cost
    double rebuild_size_ = 0;  // its step-0 record's workspace in bytes (estimate_record_bytes)
    double expected_rebuild_ms_ = 0;
    bool rebuild_waiting_ = false;
    LatestJob<BuiltTrainer> building_;  // a dear rebuild beside the frame
    ClassifierSettings building_for_;   // its settings, while building_ is busy
    bool resetting_ = false;            // building_ is a reset of the network on screen: sync keeps it
    std::optional<BuiltTrainer> failed_build_;  // the last one, when it failed: its error stands for its settings

    // The only ways to modify the model: each bumps its version, so no picture can miss a change.
    Trainer& change();
    void replace(std::unique_ptr<Trainer> trainer);

    std::uint64_t model_version_ = 1;     // the function the network computes and the points it sees
    std::uint64_t recorded_version_ = 0;  // the model the trainer's last history record describes
    std::uint64_t planes_version_ = 0;    // the model the planes shown were computed from
    std::uint64_t trainer_version_ = 0;   // the model version replace() gave the trainer: older planes are of another network

    void show(PlanePictures& pictures, std::uint64_t version, std::uint64_t pass);  // uploads them and makes them shown_
    // The worker's finished pictures into incoming_, for update_planes to show or drop.
    void take_worker_planes();
    std::uint64_t passes_ = 0;      // plane passes begun, here or on the worker: their order
    std::uint64_t shown_pass_ = 0;  // the pass of the pictures shown
    std::uint64_t worker_pass_ = 0; // the worker's last job's (it has one at a time, taken before the next)
    std::uint64_t worker_pictures_version_ = 0;
    bool worker_pictures_waiting_ = false;  // incoming_ holds the worker's pictures, not shown yet

    GridEvaluator evaluator_;  // the planes computed here (paused)
    PlanePictures shown_;      // what the textures show
    PlanePictures incoming_;   // recycled buffers: computed here, or taken from the worker
    gfx::Texture regions_, counts_, unit_, thumbnails_, linear_;
    std::vector<WeightEdit> weight_edits_;  // oldest first, for undo
    const std::vector<int> no_predictions_;

    int last_steps_ = 0;
    double record_ms_ = 0;  // the last record's cost: kept free in the next frame's budget, or too dear for it
    void take_worker_record();  // a record finished beside the frame, into the trainer if still of its model
    ComputedRecords worker_records_;  // recycled buffers of the worker's records
    // Set by train_frame for the frame's update_planes and settle: whether training plays.
    bool playing_ = false;
    StepRate rate_;
    double train_ms_ = 0, planes_ms_ = 0, worker_plane_ms_ = 0;
    double frame_pass_ms_ = 0;  // the last planes' pass computed here: paused, dearer than a frame goes to the worker
    FrameBreakdown breakdown_;
    PlaneWorker worker_;  // the planes while playing
    // Dear records while playing, tagged with the model's version they are of.
    std::unique_ptr<RecordWorker<std::uint64_t>> record_worker_ = std::make_unique<RecordWorker<std::uint64_t>>();
};

}  // namespace actviz::app
