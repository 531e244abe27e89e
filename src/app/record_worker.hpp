#pragma once
// Records of large data sets computed beside the frame (snapshot_worker.hpp): a record evaluates all
// the data, ~150 ms at 100,000 points, while a mini-batch step takes well under a millisecond. Dear
// records are handed to this worker as Trainer::RecordJobs (a copy of the weights, the data shared)
// and taken in by Trainer::take_record a few frames later, so no frame waits for one while training
// plays. The Classifier hands it one job at a time; the Bake-off one per contestant, evaluated in turn
// through the same buffers.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <utility>
#include <vector>

#include "app/snapshot_worker.hpp"
#include "core/record_pass.hpp"
#include "core/trainer.hpp"

namespace actviz::app {

struct ComputedRecord {
    RecordResult result;
    std::uint64_t basis = 0;  // the job's, for Trainer::take_record
};
using ComputedRecords = std::vector<ComputedRecord>;  // one per job, in the jobs' order

// Tag: what the owner needs to know whose records they are (the Classifier: its model's version;
// the Bake-off: the contestants').
template <typename Tag>
class RecordWorker {
public:
    bool busy() const { return worker_.busy(); }
    bool outstanding() const { return worker_.outstanding(); }
    // Starts evaluating `jobs`; ignored (false) while busy.
    bool start(std::vector<Trainer::RecordJob> jobs, Tag tag) {
        return worker_.start(
            [this, jobs = std::move(jobs)](ComputedRecords& out, const std::atomic<bool>& cancel) {
                const auto start = std::chrono::steady_clock::now();
                out.resize(jobs.size());
                // Cancelled (the owner replaced or destroyed this worker): the rest are never taken.
                for (std::size_t i = 0; i < jobs.size() && !cancel; ++i) {
                    pass_.run(jobs[i].mlp, jobs[i].inputs, out[i].result);
                    out[i].basis = jobs[i].basis;
                }
                last_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
            },
            std::move(tag));
    }
    // The records finished since the last take, swapped into `out` with their tag; false when none are new.
    bool take(ComputedRecords& out, Tag& tag) { return worker_.take(out, tag); }
    double last_ms() const { return last_ms_.load(); }  // the last jobs' evaluation, 0 before any

private:
    RecordPass pass_;  // the jobs' only: buffers sized for all the data, like a trainer's own
    std::atomic<double> last_ms_{0};
    SnapshotWorker<ComputedRecords, Tag> worker_;  // last: joined first
};

}  // namespace actviz::app
