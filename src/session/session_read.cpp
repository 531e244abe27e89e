// [SECTION] helpers   [SECTION] panels' settings   [SECTION] the document
// Reading untrusted session text into a Session. Every value is checked against the range the UI
// allows (the same constants and the core's validate() functions) before anything is returned, so a
// loaded session can be shown and computed without further checks.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <memory>

#include "core/features.hpp"
#include "core/init.hpp"
#include "session/json_parse.hpp"
#include "session/json_reader.hpp"
#include "session/session_json.hpp"
#include "session/session_state.hpp"
#include "session/session_upgrade.hpp"
#include "session/setting_json.hpp"
#include "settings/panels.hpp"
#include "settings/setting_names.hpp"

namespace actviz::session {
namespace {

using nlohmann::json;

// [SECTION] helpers

template <typename Enum, typename Names>
void read_enum(const ObjectReader& in, std::string_view key, Enum& out, const Names& names) {
    int index = static_cast<int>(out);
    in.choice(key, index, std::span<const std::string_view>(names.data(), names.size()));
    out = static_cast<Enum>(index);
}

// The typed activations the session being read has defined so far (provisionally: not yet found by
// name in the catalogue), for the panels' settings to name. One read at a time per thread.
thread_local const std::vector<const Activation*>* t_session_definitions = nullptr;

// An activation by name: one the session defines (its newest definition), else a listed one.
const Activation* session_activation(std::string_view name) {
    if (t_session_definitions) {
        for (auto it = t_session_definitions->rbegin(); it != t_session_definitions->rend(); ++it)
            if ((*it)->name == name) return *it;
    }
    return find_activation(name);
}

// An activation by name (a built-in, or one typed as a formula and defined above): its catalogue index.
void read_activation(const ObjectReader& in, std::string_view key, int& index) {
    if (!in.has(key)) return;
    const nlohmann::json& value = in.member(key);
    if (!value.is_string()) fail(in.path_of(key), "expected an activation's name");
    const auto& name = value.get_ref<const std::string&>();
    const Activation* activation = session_activation(name);
    if (!activation) fail(in.path_of(key), "no activation called '" + name.substr(0, 64) + "' (see actviz list)");
    index = activation_index(*activation);
}

// `parameters` of `activation` from an object {"alpha": 1.0, ...}: each within its slider's range
// and consistent (hardtanh min < max); absent ones keep their value.
void read_parameters(const ObjectReader& in, const Activation& activation, ParameterValues& values) {
    for (const auto& [key, value] : in.json().items()) {
        if (key == "selected") continue;  // the Activations panel stores its check box beside them
        const int index = activation.parameter_index(key);
        if (index < 0) fail(in.path_of(key), std::string(activation.name) + " has no parameter called that");
        const Parameter& p = activation.params()[static_cast<size_t>(index)];
        in.number(key, values[static_cast<size_t>(index)], p.min, p.max);
    }
    if (auto reason = activation.invalid_reason(values)) fail(in.path(), *reason);
}

// [SECTION] panels' settings

settings::ActivationsSettings read_activations(const ObjectReader& in) {
    settings::ActivationsSettings s;
    if (in.has("functions")) {
        const ObjectReader functions = in.object("functions");
        for (const auto& [name, value] : functions.json().items()) {
            const Activation* activation = session_activation(name);
            if (!activation) fail(functions.path_of(name), "no such activation (see actviz list)");
            const auto index = static_cast<size_t>(activation_index(*activation));
            const ObjectReader entry = functions.object(name);
            bool selected = s.selected[index];
            entry.boolean("selected", selected);
            s.selected[index] = selected;
            read_parameters(entry, *activation, s.parameters[index]);
        }
    }
    read_enum(in, "curves", s.curves, settings::kCurveChoiceNames);
    in.boolean("second_derivative", s.show_second_derivative);
    in.boolean("log_derivative", s.log_derivative);
    in.boolean("shade_zones", s.shade_zones);
    read_setting(in, settings::kSaturationEpsilon, s);
    in.number("x_min", s.x_min, -settings::kMaxAbsX, settings::kMaxAbsX);
    in.number("x_max", s.x_max, -settings::kMaxAbsX, settings::kMaxAbsX);
    if (!(s.x_min < s.x_max)) fail(in.path_of("x_max"), "must be greater than x_min");
    if (in.has("zones_of") && !in.member("zones_of").is_null()) read_activation(in, "zones_of", s.zones_of);
    in.text("search", s.search, settings::kMaxSearchLength);
    in.boolean("classifier_overlay", s.classifier_overlay);
    in.integer("classifier_layer", s.classifier_layer, 0, kMaxHiddenLayers - 1);
    return s;
}

settings::SoftmaxSettings read_softmax(const ObjectReader& in) {
    settings::SoftmaxSettings s;
    read_setting(in, settings::kLogits, s);
    read_setting(in, settings::kTemperature, s);
    return s;
}

settings::GradflowCurve read_curve(const ObjectReader& in) {
    settings::GradflowCurve c;
    read_activation(in, "activation", c.activation);
    const Activation& activation = activations()[static_cast<size_t>(c.activation)];
    c.parameters = activation.defaults();
    if (in.has("parameters")) read_parameters(in.object("parameters"), activation, c.parameters);
    read_enum(in, "init", c.init, init_scheme_names());
    read_setting(in, settings::gradflow_setting::kGain, c);
    read_setting(in, settings::gradflow_setting::kResidual, c);
    read_setting(in, settings::gradflow_setting::kLayernorm, c);
    return c;
}

settings::GradflowSettings read_gradflow(const ObjectReader& in) {
    settings::GradflowSettings s;
    settings::GradflowSimulation& sim = s.simulation;
    if (in.has("curves")) {
        const json& curves = read_array(in.member("curves"), in.path_of("curves"), settings::kMaxGradflowCurves);
        if (curves.empty()) fail(in.path_of("curves"), "needs at least one curve");
        sim.curves.clear();
        for (size_t i = 0; i < curves.size(); ++i) {
            sim.curves.push_back(read_curve(ObjectReader(curves[i], in.path_of("curves") + "[" + std::to_string(i) + "]")));
        }
    }
    namespace g = settings::gradflow_setting;
    for (const auto* setting : {&g::kDepth, &g::kWidth, &g::kBatch}) read_setting(in, *setting, sim);
    for (const auto* setting : {&g::kBias, &g::kNormalStd}) read_setting(in, *setting, sim);
    in.integer("seed", sim.seed, std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
    read_setting(in, g::kFloat32, sim);
    read_enum(in, "quantity", s.quantity, settings::kQuantityNames);
    in.boolean("chain_rule_bound", s.show_chain_rule_bound);
    read_enum(in, "density", s.density_value, settings::kDensityValueNames);
    in.integer("density_curve", s.density_curve, 0, settings::kMaxGradflowCurves - 1);
    for (size_t i = 0; i < sim.curves.size(); ++i) {
        if (auto reason = sim.config_for(static_cast<int>(i)).validate()) fail(in.path(), *reason);
    }
    return s;
}

// The user's own points (File > Import data): checked as the CSV reader checks them.
std::shared_ptr<const ImportedData> read_imported(const ObjectReader& in) {
    auto imported = std::make_shared<ImportedData>();
    in.text("name", imported->name, 256);
    const std::string path = in.path_of("labels");
    const json& labels = read_array(in.member("labels"), path, static_cast<std::size_t>(kMaxClasses));
    if (labels.size() < 2) fail(path, "needs 2 to " + std::to_string(kMaxClasses) + " class labels");
    for (size_t i = 0; i < labels.size(); ++i) {
        const json holder_value = {{"label", labels[i]}};  // named: the reader keeps a reference
        std::string label;
        ObjectReader(holder_value, path + "[" + std::to_string(i) + "]").text("label", label, kMaxPointsLineBytes);
        imported->labels.push_back(std::move(label));
    }
    const int classes = static_cast<int>(imported->labels.size());
    in.boolean("split_from_file", imported->split_from_file);
    imported->data.classes = classes;
    imported->data.train = read_points(in, "train", classes);
    imported->data.test = read_points(in, "test", classes);
    if (imported->data.train.empty()) fail(in.path_of("train"), "needs at least one training point");
    if (imported->data.train.size() + imported->data.test.size() > static_cast<std::size_t>(kMaxPoints)) {
        fail(in.path(), "more than " + std::to_string(kMaxPoints) + " points");
    }
    if (in.has("rescale")) {
        const ObjectReader r = in.object("rescale");
        PlaneRescale rescale;
        const double huge = std::numeric_limits<double>::max();
        r.number("scale", rescale.scale, std::numeric_limits<double>::min(), huge);
        r.number("centre_x", rescale.centre_x, -huge, huge);
        r.number("centre_y", rescale.centre_y, -huge, huge);
        imported->rescale = rescale;
    }
    for (const auto* set : {&imported->data.train, &imported->data.test}) {
        for (const Point& p : *set) {
            imported->beyond_plane = imported->beyond_plane || std::fabs(p.x) > kPlaneExtent || std::fabs(p.y) > kPlaneExtent;
        }
    }
    return imported;
}

void read_classifier_data(const ObjectReader& in, settings::ClassifierData& d) {
    std::vector<std::string_view> names;
    for (const DatasetInfo& info : dataset_infos()) names.push_back(info.name);
    read_enum(in, "dataset", d.kind, names);
    in.integer("classes", d.classes, 2, kMaxClasses);
    read_setting(in, settings::classifier_setting::kPoints, d);
    for (const auto* setting : {&settings::classifier_setting::kNoise, &settings::classifier_setting::kTestRatio}) {
        read_setting(in, *setting, d);
    }
    if (in.has("imported")) d.imported = read_imported(in.object("imported"));
}

void read_architecture(const ObjectReader& in, settings::ClassifierArchitecture& a) {
    if (in.has("hidden")) {
        const std::string path = in.path_of("hidden");
        const json& hidden = read_array(in.member("hidden"), path, kMaxHiddenLayers);
        a.hidden.clear();
        for (size_t i = 0; i < hidden.size(); ++i) {
            a.hidden.push_back(static_cast<int>(read_integer(hidden[i], path + "[" + std::to_string(i) + "]", 1, kMaxUnits)));
        }
    }
    if (in.has("features")) {
        const std::string path = in.path_of("features");
        const json& features = read_array(in.member("features"), path, optional_feature_names().size());
        a.features = FeatureSet{};
        bool* on[] = {&a.features.x_squared, &a.features.y_squared, &a.features.xy, &a.features.sin_x,
                      &a.features.sin_y};
        for (size_t i = 0; i < features.size(); ++i) {
            const json holder_value = {{"feature", features[i]}};  // named: the reader keeps a reference
            const ObjectReader holder(holder_value, path + "[" + std::to_string(i) + "]");
            int index = -1;
            holder.choice("feature", index, optional_feature_names());
            *on[static_cast<size_t>(index)] = true;
        }
    }
    read_enum(in, "init", a.init, init_scheme_names());
    read_setting(in, settings::classifier_setting::kGain, a);
    read_setting(in, settings::classifier_setting::kBias, a);
    in.integer("seed", a.seed, std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
}

void read_hyper(const ObjectReader& in, settings::ClassifierHyper& h, int train_points) {
    if (in.has("activation")) {
        read_activation(in, "activation", h.activation);
        h.parameters = activations()[static_cast<size_t>(h.activation)].defaults();
    }
    if (in.has("parameters")) read_parameters(in.object("parameters"), activations()[static_cast<size_t>(h.activation)], h.parameters);
    read_enum(in, "optimizer", h.optimizer, optimizer_names());
    namespace c = settings::classifier_setting;
    for (const auto* setting : {&c::kLearningRate, &c::kMomentum, &c::kL2, &c::kL1}) read_setting(in, *setting, h);
    read_setting(in, c::kNesterov, h);
    in.integer("batch", h.batch, 0, std::max(train_points, 1));
}

// What the Classifier and the Bake-off share: data, architecture, hyper-parameters.
void read_training_groups(const ObjectReader& in, settings::ClassifierSettings& s) {
    if (in.has("data")) read_classifier_data(in.object("data"), s.data);
    if (in.has("architecture")) read_architecture(in.object("architecture"), s.architecture);
    // The batch slider's range is the training set; hand-added points can only raise it, so the
    // generated set's size is the bound that applies before the state is read.
    const int train_points = kMaxPoints;
    if (in.has("hyper")) read_hyper(in.object("hyper"), s.hyper, train_points);
}

// The dataset takes that many classes, and the whole is a configuration the trainer accepts.
void check_training_groups(const ObjectReader& in, const settings::ClassifierSettings& s) {
    const DatasetInfo& info = dataset_info(s.data.kind);
    // Imported points bring their own class count (settings_error checks it against them).
    if (!s.data.imported && (s.data.classes < info.min_classes || s.data.classes > info.max_classes)) {
        fail(in.path_of("data.classes"), std::string(info.name) + " takes " + std::to_string(info.min_classes) +
                                             " to " + std::to_string(info.max_classes) + " classes");
    }
    if (auto reason = settings::settings_error(s)) fail(in.path(), *reason);
}

settings::ClassifierSettings read_classifier(const ObjectReader& in) {
    settings::ClassifierSettings s;
    read_training_groups(in, s);
    if (in.has("run")) {
        const ObjectReader run = in.object("run");
        run.boolean("playing", s.run.playing);
        read_setting(run, settings::classifier_setting::kStepsPerFrame, s.run);
        run.boolean("automatic", s.run.automatic);
        read_setting(run, settings::classifier_setting::kFrameBudget, s.run);
    }
    if (in.has("view")) {
        const ObjectReader view = in.object("view");
        view.integer("dead_layer", s.view.dead_layer, -1, static_cast<int>(s.architecture.hidden.size()) - 1);
        view.boolean("unit_curves", s.view.unit_curves);
        view.boolean("network", s.view.network);
        view.boolean("linear_regions", s.view.linear_regions);
        view.boolean("show_test", s.view.show_test);
        view.boolean("show_contours", s.view.show_contours);
        view.boolean("log_loss", s.view.log_loss);
        view.boolean("log_grad", s.view.log_grad);
        read_enum(view, "tool", s.view.tool, settings::kMouseToolNames);
        view.integer("paint_class", s.view.paint_class, 0, s.data.classes - 1);
        view.boolean("add_to_test", s.view.add_to_test);
    }
    in.text("preset", s.preset, 64);
    if (!s.preset.empty() && !settings::find_classifier_preset(s.preset)) {
        fail(in.path_of("preset"), "expected one of " + settings::classifier_preset_ids() + " or \"\"");
    }
    check_training_groups(in, s);
    return s;
}

settings::BakeoffSettings read_bakeoff(const ObjectReader& in) {
    settings::BakeoffSettings s;
    if (in.has("contest")) {
        const ObjectReader contest = in.object("contest");
        read_training_groups(contest, s.contest);
        check_training_groups(contest, s.contest);
    }
    if (in.has("activations")) {
        const std::string path = in.path_of("activations");
        const json& names = read_array(in.member("activations"), path, settings::kMaxBakeoffActivations);
        s.activations.clear();
        for (size_t i = 0; i < names.size(); ++i) {
            const json holder_value = {{"activation", names[i]}};  // named: the reader keeps a reference
            int index = 0;
            read_activation(ObjectReader(holder_value, path + "[" + std::to_string(i) + "]"), "activation", index);
            if (std::find(s.activations.begin(), s.activations.end(), index) != s.activations.end()) {
                fail(path + "[" + std::to_string(i) + "]", "is listed twice");
            }
            s.activations.push_back(index);
        }
        std::sort(s.activations.begin(), s.activations.end());  // the panel keeps them in catalogue order
    }
    namespace b = settings::bakeoff_setting;
    for (const auto* setting : {&b::kSeeds, &b::kMaxStepsPerFrame, &b::kMinStepsPerSecond, &b::kStepBudget}) read_setting(in, *setting, s);
    read_setting(in, b::kFrameBudget, s);
    in.boolean("playing", s.playing);
    in.boolean("log_loss", s.log_loss);
    in.boolean("log_grad", s.log_grad);
    in.boolean("unit_curves", s.show_unit_curves);
    in.integer("unit_curves_layer", s.unit_curves_layer, 0, kMaxHiddenLayers - 1);
    if (auto reason = settings::bakeoff_settings_error(s)) fail(in.path(), *reason);
    return s;
}

// [SECTION] the document

// The typed activations, each defined (compiled and added to the catalogue) as it is read, so the
// panels' settings below can name them. At most kMaxSessionCustomActivations.
std::vector<CustomActivationSpec> read_custom_activations(const ObjectReader& in, std::vector<const Activation*>& defined) {
    std::vector<CustomActivationSpec> specs;
    const json& list = read_array(in.member("custom_activations"), in.path_of("custom_activations"), kMaxSessionCustomActivations);
    for (size_t i = 0; i < list.size(); ++i) {
        const ObjectReader entry(list[i], in.path_of("custom_activations") + "[" + std::to_string(i) + "]");
        CustomActivationSpec spec;
        entry.text("name", spec.name, kMaxCustomNameLength);
        entry.text("formula", spec.formula, kMaxFormulaLength);
        const char* symbols[] = {"alpha", "beta"};
        for (size_t k = 0; k < spec.parameters.size(); ++k) {
            if (!entry.has(symbols[k])) continue;
            const ObjectReader range = entry.object(symbols[k]);
            CustomParameterRange& r = spec.parameters[k];
            for (auto [key, value] : {std::pair{"default", &r.default_value}, {"min", &r.min}, {"max", &r.max}})
                range.number(key, *value, -kMaxCustomParameterMagnitude, kMaxCustomParameterMagnitude);
        }
        if (entry.has("colour") && !entry.member("colour").is_null()) {
            std::string text;
            entry.text("colour", text, 7);
            unsigned value = 0;
            if (text.size() != 7 || text[0] != '#' || std::sscanf(text.c_str() + 1, "%6x", &value) != 1)
                fail(entry.path_of("colour"), "a colour is written #rrggbb");
            spec.colour = value == 0 ? 0x000001 : value;  // 0 means "the catalogue's colour"; black stays black
        }
        const CustomDefinition definition = define_custom_activation(spec, /*provisional=*/true);
        if (!definition.activation) fail(entry.path(), definition.error.message);
        defined.push_back(definition.activation);
        specs.push_back(std::move(spec));
    }
    return specs;
}

WindowGeometry read_window(const ObjectReader& in) {
    WindowGeometry window;
    in.integer("x", window.x, -kMaxWindowCoordinate, kMaxWindowCoordinate);
    in.integer("y", window.y, -kMaxWindowCoordinate, kMaxWindowCoordinate);
    for (const char* key : {"width", "height"}) {
        if (!in.has(key)) fail(in.path_of(key), "missing: the window's size needs a width and a height");
    }
    in.integer("width", window.width, kMinWindowSize, kMaxWindowSize);
    in.integer("height", window.height, kMinWindowSize, kMaxWindowSize);
    in.boolean("maximised", window.maximised);
    return window;
}

Session read_session(const json& document) {
    const ObjectReader in(document, "");
    Session s;
    struct Scope {  // the session's own definitions resolve its names while it is read
        explicit Scope(const std::vector<const Activation*>& defined) { t_session_definitions = &defined; }
        ~Scope() { t_session_definitions = nullptr; }
    } scope(s.defined_activations);
    if (in.has("custom_activations")) s.custom_activations = read_custom_activations(in, s.defined_activations);
    std::vector<std::string_view> pages;
    for (const settings::PanelName& name : settings::kPanelNames) pages.push_back(name.id);
    pages.push_back("all");
    int page = 0;
    if (in.has("page")) {
        in.choice("page", page, pages);
        s.page = std::string(pages[static_cast<size_t>(page)]);
    }
    if (in.has("panel_visible")) {
        const ObjectReader visible = in.object("panel_visible");
        for (const auto& [id, value] : visible.json().items()) {
            if (!settings::find_panel(id)) {
                fail(visible.path_of(id), "no such panel");
            }
            s.panel_visible[id] = read_boolean(value, visible.path_of(id));
        }
    }
    in.boolean("link_activations", s.link_activations);
    if (in.has("activations")) s.activations = read_activations(in.object("activations"));
    if (in.has("softmax")) s.softmax = read_softmax(in.object("softmax"));
    if (in.has("gradflow")) s.gradflow = read_gradflow(in.object("gradflow"));
    if (in.has("classifier")) s.classifier = read_classifier(in.object("classifier"));
    if (in.has("bakeoff")) s.bakeoff = read_bakeoff(in.object("bakeoff"));
    if (in.has("classifier_state")) {
        s.classifier_state = read_classifier_state(in.object("classifier_state"), s.classifier.data.classes);
    }
    if (in.has("window")) s.window = read_window(in.object("window"));
    return s;
}

}  // namespace

ParseResult from_json_text(std::string_view text) {
    ParseResult result;
    try {
        if (text.size() > kMaxSessionBytes) {
            throw SessionError(std::to_string(text.size()) + " bytes, larger than 64 MiB (the most a session may be)");
        }
        json document = parse_limited(text);
        upgrade(document, kSessionVersion, upgrade_steps());
        LoadedSession loaded{read_session(document), nullptr};
        if (loaded.session.classifier_state) {
            loaded.trainer = restore_trainer(loaded.session.classifier, *loaded.session.classifier_state);
        }
        result.loaded = std::move(loaded);
    } catch (const SessionError& e) {
        result.error = e.what();
    } catch (const std::bad_alloc&) {
        result.error = "out of memory while reading";
    } catch (const std::exception& e) {  // anything else the parser or Eigen throws: still one message
        result.error = e.what();
    }
    return result;
}

}  // namespace actviz::session
