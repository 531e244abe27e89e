#pragma once
// The upgrade path between schema versions: one function per step, each rewriting a version-v
// document into version v + 1 in place (renaming keys, filling new ones with what the old meaning
// implied). Loading applies them in order, so a file from any released version reads as current.
// To change the schema: bump kSessionVersion, append the step that converts the previous version,
// and add a file of the old version to tests/session/ that must still load.

#include <span>

#include <nlohmann/json.hpp>

namespace actviz::session {

using UpgradeStep = void (*)(nlohmann::json& document);

// The steps of this build: steps[i] takes version i + 1 to version i + 2.
std::span<const UpgradeStep> upgrade_steps();

// Reads the document's "actviz_session" version and applies steps[version − 1 ..] to reach `target`.
// Throws SessionError for a missing or non-integer version, one below 1, or one above `target`
// (written by a newer actviz), naming the versions this build reads.
void upgrade(nlohmann::json& document, int target, std::span<const UpgradeStep> steps);

}  // namespace actviz::session
