#include "session/session_upgrade.hpp"

#include <string>

#include "session/json_reader.hpp"

namespace actviz::session {

namespace {

// 1 → 2: version 2 saves the Bake-off panel ("bakeoff"). A version-1 file has none, and its Bake-off
// starts from the defaults, as it did in the actviz that wrote the file: nothing to rewrite.
void add_bakeoff_panel(nlohmann::json&) {}

// 2 → 3: version 3 saves the activations typed as formulas ("custom_activations"). A version-2 file
// has none: nothing to rewrite.
void add_custom_activations(nlohmann::json&) {}

constexpr UpgradeStep kSteps[] = {add_bakeoff_panel, add_custom_activations};

}  // namespace

std::span<const UpgradeStep> upgrade_steps() { return kSteps; }

void upgrade(nlohmann::json& document, int target, std::span<const UpgradeStep> steps) {
    if (!document.is_object() || !document.contains("actviz_session")) {
        throw SessionError("not an actviz session (no \"actviz_session\" version at the top)");
    }
    const auto& version_value = document["actviz_session"];
    if (!version_value.is_number_integer()) {
        throw SessionError("actviz_session: the version must be an integer, got " + version_value.dump().substr(0, 40));
    }
    const auto readable = "this actviz reads versions 1 to " + std::to_string(target);
    // dump() prints the number as written: an unsigned one past int64's range (2^63) would wrap to
    // a negative number through get<int64_t>.
    const std::string written = version_value.dump();
    const bool newer = version_value.is_number_unsigned()
                           ? version_value.get<std::uint64_t>() > static_cast<std::uint64_t>(target)
                           : version_value.get<std::int64_t>() > target;
    if (newer) throw SessionError("the session is version " + written + ", written by a newer actviz; " + readable);
    const auto version = version_value.get<std::int64_t>();
    if (version < 1) throw SessionError("the session version " + written + " is invalid; " + readable);
    if (static_cast<std::size_t>(target - 1) > steps.size()) {
        throw SessionError("no upgrade step to version " + std::to_string(target));  // a build mistake, tested
    }
    for (auto v = version; v < target; ++v) {
        steps[static_cast<std::size_t>(v - 1)](document);
        document["actviz_session"] = v + 1;
    }
}

}  // namespace actviz::session
