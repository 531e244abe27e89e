#pragma once
// The Classifier's records of large data sets computed beside the frame (snapshot_worker.hpp): a
// record evaluates all the data, ~150 ms at 100,000 points, while a mini-batch step takes well under
// a millisecond. Dear records are handed to this worker as a Trainer::RecordJob (a copy of the
// weights, the data shared) and taken in by Trainer::take_record a few frames later, so no frame
// waits for one while training plays.

#include <atomic>
#include <chrono>
#include <cstdint>

#include "app/snapshot_worker.hpp"
#include "core/record_pass.hpp"
#include "core/trainer.hpp"

namespace actviz::app {

class RecordWorker {
public:
    struct Tag {
        std::uint64_t version = 0;  // the model's version the job's weights are of
        std::uint64_t basis = 0;    // Trainer::take_record's
    };
    bool busy() const { return worker_.busy(); }
    // Starts evaluating `job`; ignored (false) while busy.
    bool start(Trainer::RecordJob job, std::uint64_t version) {
        const Tag tag{version, job.basis};
        return worker_.start(
            [this, job = std::move(job)](RecordResult& out) {
                const auto start = std::chrono::steady_clock::now();
                pass_.run(job.mlp, job.inputs, out);
                last_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
            },
            tag);
    }
    // The record finished since the last take, swapped into `out` with its tag; false when none is new.
    bool take(RecordResult& out, Tag& tag) { return worker_.take(out, tag); }
    double last_ms() const { return last_ms_.load(); }  // the last job's evaluation, 0 before any

private:
    RecordPass pass_;  // the jobs' only: buffers sized for all the data, like the trainer's own
    std::atomic<double> last_ms_{0};
    SnapshotWorker<RecordResult, Tag> worker_;  // last: joined first
};

}  // namespace actviz::app
