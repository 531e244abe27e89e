#include "cli/session_flags.hpp"

#include <algorithm>
#include <type_traits>

#include "cli/parse_value.hpp"
#include "settings/setting.hpp"
#include "cli/usage_error.hpp"
#include "core/features.hpp"
#include "core/init.hpp"
#include "session/session_file.hpp"
#include "settings/bakeoff_settings.hpp"
#include "settings/classifier_settings.hpp"
#include "settings/gradflow_settings.hpp"
#include "settings/panels.hpp"

namespace actviz::cli {
namespace {

// Implied flags, each added only when the user did not give it.
class Implied {
   public:
    explicit Implied(const Flags& given) : given_(given) {}
    void add(const std::string& name, const std::string& value) {
        if (given_.has(name)) return;
        args_.push_back("--" + name);
        args_.push_back(value);
    }
    void add(const std::string& name, double value) { add(name, format_number(value)); }
    // A described setting's flag with the session's value.
    template <typename Owner, typename T>
    void add(const settings::Setting<Owner, T>& setting, const Owner& owner) {
        if constexpr (std::is_integral_v<T>) {
            add(std::string(setting.flag), std::to_string(setting.of(owner)));
        } else {
            add(std::string(setting.flag), static_cast<double>(setting.of(owner)));
        }
    }
    template <typename Owner>
    void add(const settings::Switch<Owner>& setting, const Owner& owner) {
        add_switch(std::string(setting.flag), setting.of(owner));
    }
    void add_switch(const std::string& name, bool on) {
        if (on && !given_.has(name)) args_.push_back("--" + name);
    }
    // The activation and its parameters, unless the user chose another activation (whose
    // parameters the session does not know).
    void add_activation(const Activation& activation, const ParameterValues& values) {
        if (given_.has("activation") || given_.has("formula")) return;
        add("activation", std::string(activation.name));
        for (size_t i = 0; i < activation.params().size(); ++i) {
            std::string flag(activation.params()[i].name);
            std::replace(flag.begin(), flag.end(), '_', '-');
            add(flag, values[i]);
        }
    }
    std::vector<std::string>& args() { return args_; }

   private:
    const Flags& given_;
    std::vector<std::string> args_;
};

std::string seed_text(int seed, const char* panel) {
    if (seed < 0) {
        throw UsageError(std::string("the session's ") + panel + " seed is " + std::to_string(seed) +
                         "; the command line takes seeds ≥ 0: give --seed");
    }
    return std::to_string(seed);
}

void gradflow_flags(const session::Session& s, const Flags& given, Implied& implied) {
    const auto& sim = s.gradflow.simulation;
    int curve = 1;
    if (auto text = given.value("curve")) {
        curve = static_cast<int>(parse_integer("--curve", *text, 1, static_cast<long long>(sim.curves.size())));
    }
    const settings::GradflowCurve& c = sim.curves[static_cast<size_t>(curve - 1)];
    namespace g = settings::gradflow_setting;
    for (const auto* setting : {&g::kDepth, &g::kWidth, &g::kBatch}) implied.add(*setting, sim);
    implied.add_activation(activations()[static_cast<size_t>(c.activation)], c.parameters);
    implied.add("init", std::string(init_scheme_name(c.init)));
    implied.add(g::kGain, c);
    if (c.init == InitScheme::Normal && !given.has("init")) implied.add(g::kNormalStd, sim);
    implied.add(g::kBias, sim);
    if (!given.has("seed")) implied.add("seed", seed_text(sim.seed, "gradflow"));
    implied.add(g::kResidual, c);
    implied.add(g::kLayernorm, c);
    implied.add(g::kFloat32, sim);
}

bool other_data_given(const Flags& given) {
    return std::any_of(std::begin(kDatasetFlagNames), std::end(kDatasetFlagNames),
                       [&](std::string_view name) { return given.has(name); });
}

// The session's points (hand edits included), or the points it imported, unless a flag given asks
// for other data.
std::optional<Dataset> session_points(const session::Session& s, const Flags& given) {
    if (other_data_given(given)) return std::nullopt;
    if (s.classifier_state) return s.classifier_state->data;
    if (s.classifier.data.imported) return s.classifier.data.imported->data;
    return std::nullopt;
}

// The groups the Classifier and the Bake-off share (data, network, optimiser), without the activation.
void training_flags(const settings::ClassifierSettings& c, const Flags& given, Implied& implied,
                    const std::optional<Dataset>& points) {
    namespace d = settings::classifier_setting;
    // Imported points are not described by flags: they travel beside them (SessionArgs::data), and
    // --data given explicitly brings its own.
    if (!c.data.imported && !given.has("data")) {
        implied.add("dataset", std::string(dataset_info(c.data.kind).name));
        implied.add("classes", std::to_string(c.data.classes));
        implied.add(d::kPoints, c.data);
        implied.add(d::kNoise, c.data);
    }
    implied.add(d::kTestRatio, c.data);
    std::string hidden;
    for (int units : c.architecture.hidden) hidden += (hidden.empty() ? "" : ",") + std::to_string(units);
    implied.add("hidden", hidden.empty() ? "0" : hidden);
    std::string features;
    const FeatureSet& f = c.architecture.features;
    const bool on[] = {f.x_squared, f.y_squared, f.xy, f.sin_x, f.sin_y};
    for (size_t i = 0; i < optional_feature_names().size(); ++i) {
        if (on[i]) features += (features.empty() ? "" : ",") + std::string(optional_feature_names()[i]);
    }
    if (!features.empty()) implied.add("features", features);
    implied.add("init", std::string(init_scheme_name(c.architecture.init)));
    implied.add(d::kGain, c.architecture);
    implied.add(d::kBias, c.architecture);
    implied.add("optimizer", std::string(optimizer_name(c.hyper.optimizer)));
    // μ and Nesterov belong to the session's optimizer: another one given on the command line drops them.
    if (!given.has("optimizer") && c.hyper.optimizer == OptimizerKind::Momentum) {
        implied.add(d::kNesterov, c.hyper);
        implied.add(d::kMomentum, c.hyper);
    }
    implied.add(d::kLearningRate, c.hyper);
    // The panel trains a batch larger than its (hand-thinned) training set as one full batch; typed,
    // such a --batch is refused, so the equivalent 0 stands for it.
    const bool whole = points && c.hyper.batch > static_cast<int>(points->train.size());
    implied.add("batch", std::to_string(whole ? 0 : c.hyper.batch));
    implied.add(d::kL2, c.hyper);
    implied.add(d::kL1, c.hyper);
}

void train_flags(const session::Session& s, const Flags& given, Implied& implied,
                 const std::optional<Dataset>& points) {
    const settings::ClassifierSettings& c = s.classifier;
    training_flags(c, given, implied, points);
    implied.add_activation(activations()[static_cast<size_t>(c.hyper.activation)], c.hyper.parameters);
    if (!given.has("seed")) implied.add("seed", seed_text(c.architecture.seed, "classifier"));
    // As many steps as the session had trained, so its history can be reproduced row for row.
    if (s.classifier_state) implied.add("steps", std::to_string(s.classifier_state->trainer.steps));
}

// The Bake-off panel's contest: its activations, seeds, step budget (--steps, unless given) and
// shared groups.
void bakeoff_flags(const session::Session& s, const Flags& given, Implied& implied) {
    const settings::BakeoffSettings& b = s.bakeoff;
    training_flags(b.contest, given, implied, std::nullopt);
    std::string names;
    for (int index : b.activations) names += (names.empty() ? "" : ",") + std::string(activations()[static_cast<size_t>(index)].name);
    implied.add("activations", names);
    implied.add(settings::bakeoff_setting::kSeeds, b);
    implied.add(settings::bakeoff_setting::kStepBudget, b);
    if (!given.has("seed")) implied.add("seed", seed_text(b.contest.architecture.seed, "bakeoff"));
}

// A fresh session whose `subcommand`'s panel has the preset `id` applied: what the window shows
// after --panel P --preset ID, before it trains.
session::Session preset_session(const std::string& subcommand, std::string_view id) {
    const settings::PanelId panel = subcommand == "gradflow" ? settings::PanelId::Gradflow
                                    : subcommand == "bakeoff" ? settings::PanelId::Bakeoff
                                                              : settings::PanelId::Classifier;
    if (!settings::has_preset(panel, id)) {
        std::string ids;
        for (std::string_view known : settings::preset_ids(panel)) ids += (ids.empty() ? "" : ", ") + std::string(known);
        throw UsageError("--preset expects one of " + ids + ", got '" + std::string(id) + "'");
    }
    session::Session s;
    if (panel == settings::PanelId::Gradflow) settings::find_gradflow_preset(id)->apply(s.gradflow);
    else if (panel == settings::PanelId::Bakeoff) settings::find_bakeoff_preset(id)->apply(s.bakeoff);
    else settings::find_classifier_preset(id)->apply(s.classifier);
    return s;
}

}  // namespace

SessionArgs expand_session_flags(const std::string& subcommand, std::span<const std::string> args,
                                 std::span<const FlagSpec> known) {
    std::vector<FlagSpec> specs(known.begin(), known.end());
    specs.push_back(FlagSpec{"session"});
    specs.push_back(FlagSpec{"preset"});
    if (subcommand == "gradflow") specs.push_back(FlagSpec{"curve"});
    const Flags given(args, specs);
    const auto path = given.value("session");
    const auto preset = given.value("preset");
    if (path && preset) throw UsageError("--session and --preset both choose the settings: give one");
    if (!path && !preset) {
        if (given.has("curve")) throw UsageError("--curve picks a curve of --session's or --preset's gradient flow panel");
        return {{args.begin(), args.end()}, std::nullopt};
    }
    session::Session s;
    if (path) {
        session::ParseResult loaded = session::load_session_file(std::string(*path));
        if (!loaded.loaded) throw UsageError(loaded.error);
        s = std::move(loaded.loaded->session);
    } else {
        s = preset_session(subcommand, *preset);
    }
    Implied implied(given);
    SessionArgs result;
    if (subcommand == "gradflow") {
        gradflow_flags(s, given, implied);
    } else if (subcommand == "bakeoff") {
        if (s.bakeoff.contest.data.imported && !other_data_given(given)) result.data = s.bakeoff.contest.data.imported->data;
        bakeoff_flags(s, given, implied);
    } else {
        result.data = session_points(s, given);
        train_flags(s, given, implied, result.data);
    }
    result.args = std::move(implied.args());
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        if (arg == "--session" || arg == "--preset" || arg == "--curve") {
            ++i;  // and its value
            continue;
        }
        if (arg.starts_with("--session=") || arg.starts_with("--preset=") || arg.starts_with("--curve=")) continue;
        result.args.push_back(args[i]);
    }
    return result;
}

}  // namespace actviz::cli
