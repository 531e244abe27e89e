#pragma once
// One computation off the UI thread whose latest start is the only one that counts: a file being
// opened or saved (file_job.hpp), a new network being made (classifier_live.hpp). The frames keep
// coming, and the UI takes the result once it is complete; Cancel, or a newer start, drops the
// result of the one under way when it arrives. A job cannot stop half-way (a write is atomic, a
// parse or a network all or nothing): a dropped one runs to its end and is thrown away.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <utility>

#include "app/background_worker.hpp"

namespace actviz::app {

template <class Result>
class LatestJob {
   public:
    // Runs `work` on the worker; a start under way is dropped (its result never arrives).
    void start(std::function<Result()> work) {
        std::uint64_t generation = 0;
        {
            std::lock_guard lock(mutex_);
            generation = ++generation_;
            finished_.reset();
            waiting_ = true;
        }
        started_ = std::chrono::steady_clock::now();
        worker_.post([this, generation, work = std::move(work)](const std::atomic<bool>&) {
            Result result = work();
            std::lock_guard lock(mutex_);
            if (generation == generation_ && waiting_) finished_ = std::move(result);
        });
    }

    // The result of the latest start(), once, when it is complete; nothing while it is under way.
    std::optional<Result> take() {
        std::lock_guard lock(mutex_);
        if (!finished_) return std::nullopt;
        std::optional<Result> done = std::move(finished_);
        finished_.reset();
        waiting_ = false;
        return done;
    }

    void cancel() {
        std::lock_guard lock(mutex_);
        ++generation_;
        finished_.reset();
        waiting_ = false;
    }

    bool busy() const {  // started, and neither taken nor cancelled
        std::lock_guard lock(mutex_);
        return waiting_;
    }
    double seconds() const {  // since the latest start()
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    }

   private:
    mutable std::mutex mutex_;
    std::optional<Result> finished_;  // guarded by mutex_
    std::uint64_t generation_ = 0;    // guarded by mutex_: results of older starts are dropped
    bool waiting_ = false;            // guarded by mutex_: a start not taken or cancelled
    std::chrono::steady_clock::time_point started_{};
    BackgroundWorker worker_;  // last: joined first on destruction, while the rest still exists
};

}  // namespace actviz::app
