#include "session/session_state.hpp"

#include <cmath>
#include <limits>

namespace actviz::session {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxParameters = 1'000'000;  // 8 × 64² weights are ~33k: a generous cap before allocating
constexpr std::size_t kMaxHistory = 4'000'000;
constexpr std::size_t kMaxLayers = 16;
constexpr double kHuge = std::numeric_limits<double>::max();
// The most steps a session may have trained: the most a trainer takes (kMaxTrainerSteps), so a
// session at the limit that trains on still saves one that opens. A file claiming 2^63 - 1 steps
// used to pass and wrap around on the next step.
constexpr std::int64_t kMaxSteps = kMaxTrainerSteps;

std::string at(const std::string& path, size_t i) { return path + "[" + std::to_string(i) + "]"; }

}  // namespace

std::vector<Point> read_points(const ObjectReader& in, std::string_view key, int classes) {
    std::vector<Point> points;
    if (!in.has(key)) return points;
    const std::string path = in.path_of(key);
    const json& array = read_array(in.member(key), path, kMaxPoints);
    points.reserve(array.size());
    for (size_t i = 0; i < array.size(); ++i) {
        const json& p = read_array(array[i], at(path, i), 3);
        if (p.size() != 3) fail(at(path, i), "a point is [x, y, class]");
        points.push_back({read_number(p[0], at(path, i) + "[0]", -kMaxCoordinate, kMaxCoordinate),
                          read_number(p[1], at(path, i) + "[1]", -kMaxCoordinate, kMaxCoordinate),
                          static_cast<int>(read_integer(p[2], at(path, i) + "[2]", 0, classes - 1))});
    }
    return points;
}

namespace {

Vector read_vector(const json& value, const std::string& path, std::size_t max_size) {
    const json& array = read_array(value, path, max_size);
    Vector out(static_cast<Eigen::Index>(array.size()));
    for (size_t i = 0; i < array.size(); ++i) out[static_cast<Eigen::Index>(i)] = read_number(array[i], at(path, i), -kHuge, kHuge);
    return out;
}

std::vector<double> read_doubles(const json& value, const std::string& path, std::size_t max_size) {
    const Vector v = read_vector(value, path, max_size);
    return std::vector<double>(v.data(), v.data() + v.size());
}

HistoryRecord read_record(const ObjectReader& in) {
    HistoryRecord r;
    in.integer64("step", r.step, 0, kMaxSteps);
    in.number("train_loss", r.train_loss, 0, kHuge);
    in.number("train_accuracy", r.train_accuracy, 0, 1);
    in.number("dead_fraction", r.dead_fraction, 0, 1);
    if (in.has("test_loss")) r.test_loss = read_number(in.member("test_loss"), in.path_of("test_loss"), 0, kHuge);
    if (in.has("test_accuracy")) {
        r.test_accuracy = read_number(in.member("test_accuracy"), in.path_of("test_accuracy"), 0, 1);
    }
    r.layer_dead_fraction = read_doubles(in.member("layer_dead_fraction"), in.path_of("layer_dead_fraction"), kMaxLayers);
    r.layer_grad_norm = read_doubles(in.member("layer_grad_norm"), in.path_of("layer_grad_norm"), kMaxLayers);
    return r;
}

}  // namespace

ClassifierState read_classifier_state(const ObjectReader& in, int classes) {
    ClassifierState s;
    s.data.classes = classes;
    s.data.train = read_points(in, "train", classes);
    s.data.test = read_points(in, "test", classes);
    if (s.data.train.size() + s.data.test.size() > static_cast<std::size_t>(kMaxPoints)) {
        fail(in.path(), "more than " + std::to_string(kMaxPoints) + " points");
    }
    TrainerState& t = s.trainer;
    t.parameters = read_vector(in.member("parameters"), in.path_of("parameters"), kMaxParameters);
    const ObjectReader optimizer = in.object("optimizer");
    for (const NamedBuffer& buffer : optimizer_buffers(t.optimizer)) {
        *buffer.values = read_vector(optimizer.member(buffer.name), optimizer.path_of(buffer.name), kMaxParameters);
    }
    for (const NamedCounter& counter : optimizer_counters(t.optimizer)) {
        optimizer.integer64(counter.name, *counter.value, 0, std::numeric_limits<std::int64_t>::max());
    }
    in.integer64("steps", t.steps, 0, kMaxSteps);
    // Adam counts its own steps since it was chosen: at most the network's, plus the step that
    // diverged (Adam counted it, the network did not take it).
    optimizer.integer64("adam_steps", t.optimizer.adam_steps, 0, t.steps + 1);
    const ObjectReader rng = in.object("batch_rng");
    const json& words = read_array(rng.member("words"), rng.path_of("words"), 4);
    if (words.size() != 4) fail(rng.path_of("words"), "needs 4 words");
    for (size_t i = 0; i < 4; ++i) t.batch_rng.words[i] = read_unsigned(words[i], at(rng.path_of("words"), i));
    rng.number("spare_normal", t.batch_rng.spare_normal, -kHuge, kHuge);
    rng.boolean("has_spare_normal", t.batch_rng.has_spare_normal);
    const json& order = read_array(in.member("batch_order"), in.path_of("batch_order"), kMaxPoints);
    for (size_t i = 0; i < order.size(); ++i) {
        t.batch_order.push_back(static_cast<int>(read_integer(order[i], at(in.path_of("batch_order"), i), 0, kMaxPoints - 1)));
    }
    // The position in the batch order: at most its end.
    in.integer64("batch_cursor", t.batch_cursor, 0, static_cast<std::int64_t>(t.batch_order.size()));
    in.number("last_batch_loss", t.last_batch_loss, -kHuge, kHuge);
    in.number("last_batch_accuracy", t.last_batch_accuracy, 0, 1);
    const json& history = read_array(in.member("history"), in.path_of("history"), kMaxHistory);
    t.history.reserve(history.size());
    for (size_t i = 0; i < history.size(); ++i) t.history.push_back(read_record(ObjectReader(history[i], at(in.path_of("history"), i))));
    return s;
}

ClassifierState capture_state(const Trainer& trainer) { return {trainer.data(), trainer.state()}; }

std::unique_ptr<Trainer> restore_trainer(const settings::ClassifierSettings& settings, const ClassifierState& state) {
    std::unique_ptr<Trainer> trainer;
    try {
        trainer = std::make_unique<Trainer>(state.data, settings::to_trainer_config(settings));
    } catch (const std::exception& e) {
        throw SessionError(std::string("classifier_state: ") + e.what());
    }
    if (auto reason = trainer->restore(state.trainer)) throw SessionError("classifier_state: " + *reason);
    return trainer;
}

}  // namespace actviz::session
