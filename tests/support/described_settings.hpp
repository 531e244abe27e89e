#pragma once
// Every setting described once (settings/setting.hpp), with where it sits in a session file and
// which subcommand takes its flag: the range tests walk this list, so a description added to the
// settings and forgotten here is the one place left to add it.

#include <cstddef>
#include <string>
#include <type_traits>
#include <vector>

#include "settings/activations_settings.hpp"
#include "settings/softmax_settings.hpp"
#include "settings/bakeoff_settings.hpp"
#include "settings/classifier_settings.hpp"
#include "settings/gradflow_settings.hpp"

namespace actviz::testing {

struct DescribedSetting {
    std::vector<std::string> path;  // keys from the session's top level ("classifier", "hyper", "l1")
    double min, max;
    bool integer;
    std::string flag;     // "" when not on the command line
    std::string command;  // the subcommand whose flag it is
    bool list = false;    // an element of a list (ListSetting): the path ends at element 0; the flag
                          // takes "a,b,…" (its count held to min_count..max_count as well)
    std::size_t min_count = 1;
};

template <typename Owner, typename T>
DescribedSetting described(std::vector<std::string> parents, const settings::Setting<Owner, T>& s, std::string command) {
    parents.push_back(std::string(s.key));
    return {std::move(parents), s.min, s.max, std::is_integral_v<T>, std::string(s.flag),
            s.flag.empty() ? "" : std::move(command)};
}

// A list's elements: element 0 in the session (the GUI monkey checks each), the flag as a list.
template <typename Owner, typename T>
DescribedSetting described(std::vector<std::string> parents, const settings::ListSetting<Owner, T>& s, std::string command) {
    parents.push_back(std::string(s.key));
    parents.push_back("0");
    return {std::move(parents), s.min, s.max, std::is_integral_v<T>, std::string(s.flag),
            s.flag.empty() ? "" : std::move(command), true, s.min_count};
}

inline std::vector<DescribedSetting> described_settings() {
    namespace c = settings::classifier_setting;
    namespace g = settings::gradflow_setting;
    namespace b = settings::bakeoff_setting;
    std::vector<DescribedSetting> all = {
        described({"activations"}, settings::kSaturationEpsilon, ""),
        described({"softmax"}, settings::kLogits, "softmax"),
        described({"softmax"}, settings::kTemperature, "softmax"),
        described({"gradflow"}, g::kDepth, "gradflow"),
        described({"gradflow"}, g::kWidth, "gradflow"),
        described({"gradflow"}, g::kBatch, "gradflow"),
        described({"gradflow"}, g::kBias, "gradflow"),
        described({"gradflow"}, g::kNormalStd, "gradflow"),
        described({"gradflow", "curves", "0"}, g::kGain, "gradflow"),
        described({"classifier", "run"}, c::kStepsPerFrame, ""),
        described({"classifier", "run"}, c::kFrameBudget, ""),
        described({"bakeoff"}, b::kSeeds, "bakeoff"),
        described({"bakeoff"}, b::kMaxStepsPerFrame, ""),
        described({"bakeoff"}, b::kFrameBudget, ""),
        described({"bakeoff"}, b::kMinStepsPerSecond, ""),
        described({"bakeoff"}, b::kStepBudget, "bakeoff"),
    };
    // The groups the Classifier and the Bake-off's contest share.
    for (const auto& [root, command] : {std::pair{std::vector<std::string>{"classifier"}, "train"},
                                        std::pair{std::vector<std::string>{"bakeoff", "contest"}, "bakeoff"}}) {
        auto under = [&root](const char* group) {
            std::vector<std::string> path = root;
            path.push_back(group);
            return path;
        };
        all.push_back(described(under("data"), c::kPoints, command));
        all.push_back(described(under("data"), c::kNoise, command));
        all.push_back(described(under("data"), c::kTestRatio, command));
        all.push_back(described(under("architecture"), c::kGain, command));
        all.push_back(described(under("architecture"), c::kBias, command));
        all.push_back(described(under("hyper"), c::kLearningRate, command));
        all.push_back(described(under("hyper"), c::kMomentum, command));
        all.push_back(described(under("hyper"), c::kL2, command));
        all.push_back(described(under("hyper"), c::kL1, command));
    }
    return all;
}

// The nearest value outside the range below (`below`) or above it: one integer, or a relative
// step of 1e-6 (an absolute 1e-9 at zero), wide enough to survive a float member's rounding.
inline double one_step_outside(const DescribedSetting& s, bool below) {
    const double bound = below ? s.min : s.max;
    if (s.integer) return below ? bound - 1 : bound + 1;
    const double step = bound == 0 ? 1e-9 : std::abs(bound) * 1e-6;
    return below ? bound - step : bound + step;
}

}  // namespace actviz::testing
