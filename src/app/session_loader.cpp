#include "app/session_loader.hpp"

#include <utility>

#include "session/session_file.hpp"

namespace actviz::app {

void SessionLoader::start(const std::string& path) {
    std::uint64_t generation = 0;
    {
        std::lock_guard lock(mutex_);
        generation = ++generation_;
        finished_.reset();
        waiting_ = true;
    }
    path_ = path;
    started_ = std::chrono::steady_clock::now();
    worker_.post([this, path, generation](const std::atomic<bool>&) {
        // Parsing cannot stop half-way; a cancelled or replaced open just drops what it gives.
        session::ParseResult result = session::load_session_file(path);
        std::lock_guard lock(mutex_);
        if (generation == generation_ && waiting_) finished_ = Opened{path, std::move(result)};
    });
}

std::optional<SessionLoader::Opened> SessionLoader::take() {
    std::lock_guard lock(mutex_);
    if (!finished_) return std::nullopt;
    std::optional<Opened> opened = std::move(finished_);
    finished_.reset();
    waiting_ = false;
    return opened;
}

void SessionLoader::cancel() {
    std::lock_guard lock(mutex_);
    ++generation_;
    finished_.reset();
    waiting_ = false;
}

bool SessionLoader::busy() const {
    std::lock_guard lock(mutex_);
    return waiting_;
}

double SessionLoader::seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
}

}  // namespace actviz::app
