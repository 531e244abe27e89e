#include "app/classifier/plane_worker.hpp"

#include <utility>

namespace actviz::app {

PlaneWorker::PlaneWorker() = default;
PlaneWorker::~PlaneWorker() = default;

bool PlaneWorker::start(const Mlp& mlp, const PlaneRequest& request, const PlaneColours& colours, std::uint64_t version) {
    if (worker_.busy()) return false;
    // The job owns its copies: the UI thread goes on changing the weights meanwhile.
    worker_.post([this, mlp, request, colours, version](const std::atomic<bool>&) {
        compute_planes(mlp, request, colours, evaluator_, work_);
        std::lock_guard lock(mutex_);
        std::swap(work_, done_);
        done_version_ = version;
        ready_ = true;
    });
    return true;
}

bool PlaneWorker::take(PlanePictures& out, std::uint64_t& version) {
    std::lock_guard lock(mutex_);
    if (!ready_) return false;
    std::swap(out, done_);
    version = done_version_;
    ready_ = false;
    return true;
}

}  // namespace actviz::app
