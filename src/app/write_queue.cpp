#include "app/write_queue.hpp"

#include <exception>
#include <utility>

#include "app/app_state.hpp"
#include "app/background_worker.hpp"
#include "app/export.hpp"

namespace actviz::app {

std::function<void(AppState&, const std::optional<std::string>&)> WriteQueue::say(std::string what, std::string verb,
                                                                                   std::string path) {
    return [what = std::move(what), verb = std::move(verb), path = std::move(path)](AppState& state,
                                                                                    const std::optional<std::string>& error) {
        notify(state, error ? what + " not " + verb + " (" + shown_path(path) + "): " + *error
                            : what + " " + verb + ": " + shown_path(path));
    };
}

WriteQueue::WriteQueue() : thread_([this] { loop(); }) {}

WriteQueue::~WriteQueue() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

void WriteQueue::push(Write write) {
    {
        std::lock_guard lock(mutex_);
        queued_.push_back(std::move(write));
    }
    wake_.notify_one();
}

void WriteQueue::take_finished(AppState& state) {
    std::vector<Finished> finished;
    {
        std::lock_guard lock(mutex_);
        finished.swap(finished_);
    }
    for (Finished& write : finished) {
        if (write.done) write.done(state, write.error);
    }
}

void WriteQueue::finish(AppState& state) {
    {
        std::unique_lock lock(mutex_);
        written_.wait(lock, [this] { return queued_.empty(); });
    }
    take_finished(state);
}

bool WriteQueue::reserved(const std::string& path) const {
    std::lock_guard lock(mutex_);
    for (const Write& write : queued_) {
        if (write.path == path) return true;
    }
    return false;
}

bool WriteQueue::idle() const {
    std::lock_guard lock(mutex_);
    return queued_.empty() && finished_.empty();
}

void WriteQueue::loop() {
    run_below_the_ui();  // a frame must not wait for an encoder
    for (;;) {
        std::function<std::optional<std::string>()> run;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !queued_.empty(); });
            if (queued_.empty()) return;  // stopping, with nothing left to write
            run = std::move(queued_.front().run);  // it stays queued, its name reserved, until written
        }
        std::optional<std::string> error;
        try {
            if (run) error = run();
        } catch (const std::exception& e) {  // out of memory making a huge file's text: said, not fatal
            error = e.what();
        }
        {
            std::lock_guard lock(mutex_);
            finished_.push_back({std::move(queued_.front().done), std::move(error)});
            queued_.pop_front();  // its name is free to be picked again only now, with the file there
        }
        written_.notify_all();
    }
}

}  // namespace actviz::app
