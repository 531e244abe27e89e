#pragma once
// Work computed beside the frame from a snapshot the UI thread hands over (a copy of the weights,
// data shared and never changed): one job at a time on a low-priority thread (BackgroundWorker),
// its result taken once, at the start of a later frame. A new job starts only when the last is done,
// so results follow the model at the pace the worker computes them, never a queue of stale ones.
// The Classifier's planes (plane_worker.hpp) and the records of large data sets, the Classifier's
// and the Bake-off's (record_worker.hpp), use it.

#include <atomic>
#include <mutex>
#include <utility>

#include "app/background_worker.hpp"

namespace actviz::app {

template <typename Result, typename Tag>
class SnapshotWorker {
public:
    SnapshotWorker() = default;
    SnapshotWorker(const SnapshotWorker&) = delete;
    SnapshotWorker& operator=(const SnapshotWorker&) = delete;

    // A job in flight: start() would be ignored.
    bool busy() const { return worker_.busy(); }
    // A job in flight or a result not taken yet: a frame must come to take it in (an idle window
    // draws only on input).
    bool outstanding() const {
        if (worker_.busy()) return true;  // the job sets ready_ before it stops being busy
        std::lock_guard lock(mutex_);
        return ready_;
    }
    // Runs `compute(Result&, cancel)` on the worker — it must own everything it reads — into
    // recycled buffers, the result tagged with `tag`. `cancel` is set when the worker is destroyed:
    // a long job may stop early, its result is never taken. Ignored (false) while busy.
    template <typename Compute>
    bool start(Compute compute, Tag tag) {
        if (worker_.busy()) return false;
        worker_.post([this, compute = std::move(compute), tag = std::move(tag)](const std::atomic<bool>& cancel) mutable {
            compute(work_, cancel);
            std::lock_guard lock(mutex_);
            std::swap(work_, done_);
            done_tag_ = std::move(tag);
            ready_ = true;
        });
        return true;
    }
    // The result finished since the last take, swapped into `out` with its tag (`out`'s old buffers
    // go to a later job); false, leaving `out` alone, when none is new.
    bool take(Result& out, Tag& tag) {
        std::lock_guard lock(mutex_);
        if (!ready_) return false;
        std::swap(out, done_);
        tag = done_tag_;
        ready_ = false;
        return true;
    }

private:
    Result work_;  // the job's; touched only by the job in flight
    mutable std::mutex mutex_;
    Result done_;  // guarded by mutex_, as are the two below
    Tag done_tag_{};
    bool ready_ = false;
    BackgroundWorker worker_;  // last: destroyed (and joined) first, while the members above still exist
};

}  // namespace actviz::app
