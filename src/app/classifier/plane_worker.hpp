#pragma once
// The Classifier's planes computed beside the frame while training plays (snapshot_worker.hpp): the
// UI thread hands over a copy of the weights (a few kilobytes) and goes on training and drawing, so
// the frame never waits for the pass over the plane — at the largest networks dearer than a whole
// frame — and the planes keep the plot's full resolution.

#include <atomic>
#include <cstdint>

#include "app/classifier/classifier_planes.hpp"
#include "app/snapshot_worker.hpp"

namespace actviz::app {

class PlaneWorker {
public:
    bool busy() const { return worker_.busy(); }
    bool outstanding() const { return worker_.outstanding(); }
    // Starts computing `request`'s pictures of a copy of `mlp`, tagged with `version` (the model's
    // version the copy is of); ignored (false) while busy.
    bool start(const Mlp& mlp, const PlaneRequest& request, const PlaneColours& colours, std::uint64_t version) {
        return worker_.start([this, mlp, request, colours](PlanePictures& out, const std::atomic<bool>&) { compute_planes(mlp, request, colours, evaluator_, out); },
                             version);
    }
    // The pictures finished since the last take, swapped into `out` with their version; false when none is new.
    bool take(PlanePictures& out, std::uint64_t& version) { return worker_.take(out, version); }

private:
    GridEvaluator evaluator_{1};  // the jobs' only; one thread: the UI thread has the other core
    SnapshotWorker<PlanePictures, std::uint64_t> worker_;  // last: joined first
};

}  // namespace actviz::app
