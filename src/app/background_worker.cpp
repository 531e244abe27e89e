#include "app/background_worker.hpp"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace actviz::app {

void run_below_the_ui() { setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10); }

BackgroundWorker::BackgroundWorker() : thread_([this] { loop(); }) {}

BackgroundWorker::~BackgroundWorker() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        pending_ = nullptr;
    }
    cancel_ = true;
    wake_.notify_one();
    thread_.join();
}

void BackgroundWorker::post(Job job) {
    {
        // Under the lock, so the flag cannot hit the new job: the loop clears it, under the same
        // lock, when it takes the job.
        std::lock_guard lock(mutex_);
        cancel_ = true;  // the running job, if any, stops early
        pending_ = std::move(job);
        busy_ = true;
    }
    wake_.notify_one();
}

void BackgroundWorker::loop() {
    run_below_the_ui();
    for (;;) {
        Job job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || pending_; });
            if (stopping_) return;
            job = std::move(pending_);
            pending_ = nullptr;
            cancel_ = false;
        }
        job(cancel_);
        std::lock_guard lock(mutex_);
        if (!pending_) busy_ = false;
    }
}

}  // namespace actviz::app
