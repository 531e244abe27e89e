#pragma once
// The classifier's live state in a session: reading it from JSON, taking it from a Trainer, and
// building a Trainer that continues exactly where the saved one stopped.

#include <memory>

#include "session/json_reader.hpp"
#include "session/session.hpp"

namespace actviz::session {

// The points under `key` ([x, y, class] each, class < `classes`, |x|, |y| ≤ kMaxCoordinate); none when absent.
std::vector<Point> read_points(const ObjectReader& in, std::string_view key, int classes);

// Shapes and finiteness only; whether the state fits the network is restore_trainer's check.
ClassifierState read_classifier_state(const ObjectReader& in, int classes);

ClassifierState capture_state(const Trainer& trainer);

// A Trainer for `settings` on the state's points, restored to its weights, moments, batch order
// and history. Throws SessionError when they do not fit the settings' network.
std::unique_ptr<Trainer> restore_trainer(const settings::ClassifierSettings& settings, const ClassifierState& state);

}  // namespace actviz::session
