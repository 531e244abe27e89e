#pragma once
// The Classifier's planes computed beside the frame while training plays: the UI thread hands the
// worker a copy of the weights (a few kilobytes) and goes on training and drawing; the finished
// pictures are taken at the start of a later frame. So the frame never waits for the pass over the
// plane, which at the largest networks costs more than a whole frame, and the planes keep the plot's
// full resolution. A new job starts only when the last one is done: the pictures follow the model at
// the pace the worker can draw them, never a queue of stale ones.

#include <cstdint>
#include <mutex>

#include "app/background_worker.hpp"
#include "app/classifier/classifier_planes.hpp"

namespace actviz::app {

class PlaneWorker {
public:
    PlaneWorker();
    ~PlaneWorker();
    PlaneWorker(const PlaneWorker&) = delete;
    PlaneWorker& operator=(const PlaneWorker&) = delete;

    // A job in flight: start() would be ignored.
    bool busy() const { return worker_.busy(); }
    // Starts computing `request`'s pictures of a copy of `mlp`, tagged with `version` (the model's
    // version the copy is of); ignored while busy. False when ignored.
    bool start(const Mlp& mlp, const PlaneRequest& request, const PlaneColours& colours, std::uint64_t version);
    // The pictures finished since the last take, swapped into `out` with their version (`out`'s old
    // buffers are recycled by a later job); false, leaving `out` alone, when none is new.
    bool take(PlanePictures& out, std::uint64_t& version);

private:
    GridEvaluator evaluator_{1};  // one thread: the UI thread has the other core
    PlanePictures work_;          // the job's; touched only by the job in flight
    std::mutex mutex_;
    PlanePictures done_;  // guarded by mutex_
    std::uint64_t done_version_ = 0;
    bool ready_ = false;
    BackgroundWorker worker_;  // last: destroyed (and joined) first, while the members above still exist
};

}  // namespace actviz::app
