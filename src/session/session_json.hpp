#pragma once
// A Session as JSON text and back.

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "session/session.hpp"

namespace actviz::session {

// Pretty-printed JSON; doubles are written in the shortest form that reads back bit-identical.
std::string to_json_text(const Session& session);

struct LoadedSession {
    Session session;
    // The classifier's trainer rebuilt from the settings and restored to classifier_state (null
    // when the session has no state): built here so a state that does not fit is refused on load.
    std::unique_ptr<Trainer> trainer;
};

struct ParseResult {
    std::optional<LoadedSession> loaded;
    std::string error;  // one line, when `loaded` is empty
};

// Parses, upgrades older schema versions, and checks every value against the UI's ranges. Never
// throws; anything wrong gives one message and no session.
ParseResult from_json_text(std::string_view text);

}  // namespace actviz::session
