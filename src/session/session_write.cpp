// [SECTION] settings → JSON   [SECTION] classifier state → JSON   [SECTION] the document
#include <charconv>
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "core/features.hpp"
#include "core/init.hpp"
#include "session/session_json.hpp"
#include "session/setting_json.hpp"
#include "settings/setting_names.hpp"

namespace actviz::session {
namespace {

// Insertion order: the version first, then the panels in the order the app shows them.
using json = nlohmann::ordered_json;

template <typename Names, typename Enum>
std::string name_of(const Names& names, Enum value) {
    return std::string(names[static_cast<size_t>(value)]);
}

json parameters_json(const Activation& activation, const ParameterValues& values) {
    json out = json::object();
    for (size_t i = 0; i < activation.params().size(); ++i) out[std::string(activation.params()[i].name)] = values[i];
    return out;
}

json vector_json(const Vector& v) { return json(std::vector<double>(v.data(), v.data() + v.size())); }

// [SECTION] settings → JSON

json activations_json(const settings::ActivationsSettings& s) {
    json functions = json::object();
    const auto catalogue = activations();
    for (size_t i = 0; i < catalogue.size() && i < s.selected.size() && i < s.parameters.size(); ++i) {
        if (!catalogue[i].listed()) continue;  // a formula since redefined: its name now means the new one
        json entry = parameters_json(catalogue[i], s.parameters[i]);
        entry["selected"] = static_cast<bool>(s.selected[i]);
        functions[std::string(catalogue[i].name)] = std::move(entry);
    }
    json zones = nullptr;
    if (s.zones_of >= 0 && static_cast<size_t>(s.zones_of) < catalogue.size()) {
        zones = std::string(catalogue[static_cast<size_t>(s.zones_of)].name);
    }
    return {{"functions", std::move(functions)},
            {"curves", name_of(settings::kCurveChoiceNames, s.curves)},
            {"second_derivative", s.show_second_derivative},
            {"log_derivative", s.log_derivative},
            {"shade_zones", s.shade_zones},
            {"saturation_epsilon", float_json(s.saturation_epsilon)},  // settings::kSaturationEpsilon
            {"x_min", float_json(s.x_min)},
            {"x_max", float_json(s.x_max)},
            {"zones_of", std::move(zones)},
            {"search", s.search},
            {"classifier_overlay", s.classifier_overlay},
            {"classifier_layer", s.classifier_layer}};
}

json gradflow_json(const settings::GradflowSettings& s) {
    json curves = json::array();
    for (const settings::GradflowCurve& c : s.simulation.curves) {
        const Activation& activation = activations()[static_cast<size_t>(c.activation)];
        json curve = {{"activation", std::string(activation.name)},
                      {"parameters", parameters_json(activation, c.parameters)},
                      {"init", std::string(init_scheme_name(c.init))}};
        write_setting(curve, settings::gradflow_setting::kGain, c);
        write_setting(curve, settings::gradflow_setting::kResidual, c);
        write_setting(curve, settings::gradflow_setting::kLayernorm, c);
        curves.push_back(std::move(curve));
    }
    namespace g = settings::gradflow_setting;
    const settings::GradflowSimulation& sim = s.simulation;
    json out = {{"curves", std::move(curves)}};
    for (const auto* setting : {&g::kDepth, &g::kWidth, &g::kBatch}) write_setting(out, *setting, sim);
    for (const auto* setting : {&g::kBias, &g::kNormalStd}) write_setting(out, *setting, sim);
    out["seed"] = sim.seed;
    write_setting(out, g::kFloat32, sim);
    out["quantity"] = name_of(settings::kQuantityNames, s.quantity);
    out["chain_rule_bound"] = s.show_chain_rule_bound;
    out["density"] = name_of(settings::kDensityValueNames, s.density_value);
    out["density_curve"] = s.density_curve;
    return out;
}

json points_json(const std::vector<Point>& points);

// The user's own points, as imported (hand edits live in classifier_state).
json imported_json(const ImportedData& imported) {
    json out = {{"name", imported.name},
                {"labels", imported.labels},
                {"split_from_file", imported.split_from_file},
                {"train", points_json(imported.data.train)},
                {"test", points_json(imported.data.test)}};
    if (const auto& r = imported.rescale) {
        out["rescale"] = {{"scale", r->scale}, {"centre_x", r->centre_x}, {"centre_y", r->centre_y}};
    }
    return out;
}

// What the Classifier and the Bake-off share: data, architecture, hyper-parameters.
json training_groups_json(const settings::ClassifierSettings& s) {
    namespace c = settings::classifier_setting;
    json data = {{"dataset", std::string(dataset_info(s.data.kind).name)}, {"classes", s.data.classes}};
    for (const auto* setting : {&c::kPoints}) write_setting(data, *setting, s.data);
    for (const auto* setting : {&c::kNoise, &c::kTestRatio}) write_setting(data, *setting, s.data);
    if (s.data.imported) data["imported"] = imported_json(*s.data.imported);

    json features = json::array();
    const FeatureSet& f = s.architecture.features;
    const bool on[] = {f.x_squared, f.y_squared, f.xy, f.sin_x, f.sin_y};
    for (size_t i = 0; i < optional_feature_names().size(); ++i) {
        if (on[i]) features.push_back(std::string(optional_feature_names()[i]));
    }
    json architecture = {{"hidden", s.architecture.hidden},
                         {"features", std::move(features)},
                         {"init", std::string(init_scheme_name(s.architecture.init))}};
    for (const auto* setting : {&c::kGain, &c::kBias}) write_setting(architecture, *setting, s.architecture);
    architecture["seed"] = s.architecture.seed;

    const Activation& activation = activations()[static_cast<size_t>(s.hyper.activation)];
    json hyper = {{"activation", std::string(activation.name)},
                  {"parameters", parameters_json(activation, s.hyper.parameters)},
                  {"optimizer", std::string(optimizer_name(s.hyper.optimizer))}};
    for (const auto* setting : {&c::kLearningRate, &c::kMomentum}) write_setting(hyper, *setting, s.hyper);
    write_setting(hyper, c::kNesterov, s.hyper);
    hyper["batch"] = s.hyper.batch;
    for (const auto* setting : {&c::kL2, &c::kL1}) write_setting(hyper, *setting, s.hyper);
    return {{"data", std::move(data)}, {"architecture", std::move(architecture)}, {"hyper", std::move(hyper)}};
}

json classifier_json(const settings::ClassifierSettings& s) {
    namespace c = settings::classifier_setting;
    json out = training_groups_json(s);
    json run = {{"playing", s.run.playing}};
    write_setting(run, c::kStepsPerFrame, s.run);
    run["automatic"] = s.run.automatic;
    write_setting(run, c::kFrameBudget, s.run);
    out["run"] = std::move(run);
    out["view"] = {{"dead_layer", s.view.dead_layer},
                   {"unit_curves", s.view.unit_curves},
                   {"network", s.view.network},
                   {"linear_regions", s.view.linear_regions},
                   {"show_test", s.view.show_test},
                   {"show_contours", s.view.show_contours},
                   {"log_loss", s.view.log_loss},
                   {"log_grad", s.view.log_grad},
                   {"tool", name_of(settings::kMouseToolNames, s.view.tool)},
                   {"paint_class", s.view.paint_class},
                   {"add_to_test", s.view.add_to_test}};
    out["preset"] = s.preset;
    return out;
}

json bakeoff_json(const settings::BakeoffSettings& s) {
    namespace b = settings::bakeoff_setting;
    json names = json::array();
    for (int index : s.activations) names.push_back(std::string(activations()[static_cast<size_t>(index)].name));
    json out = {{"contest", training_groups_json(s.contest)}, {"activations", std::move(names)}};
    for (const auto* setting : {&b::kSeeds, &b::kMaxStepsPerFrame, &b::kMinStepsPerSecond, &b::kStepBudget}) write_setting(out, *setting, s);
    write_setting(out, b::kFrameBudget, s);
    out["playing"] = s.playing;
    out["log_loss"] = s.log_loss;
    out["log_grad"] = s.log_grad;
    out["unit_curves"] = s.show_unit_curves;
    out["unit_curves_layer"] = s.unit_curves_layer;
    return out;
}

// [SECTION] classifier state → JSON

json points_json(const std::vector<Point>& points) {
    json out = json::array();
    for (const Point& p : points) out.push_back(json::array({p.x, p.y, p.label}));
    return out;
}

json history_json(const std::vector<HistoryRecord>& history) {
    json out = json::array();
    for (const HistoryRecord& r : history) {
        json entry = {{"step", r.step},
                      {"train_loss", r.train_loss},
                      {"train_accuracy", r.train_accuracy},
                      {"dead_fraction", r.dead_fraction},
                      {"layer_dead_fraction", r.layer_dead_fraction},
                      {"layer_grad_norm", r.layer_grad_norm}};
        if (r.test_loss) entry["test_loss"] = *r.test_loss;
        if (r.test_accuracy) entry["test_accuracy"] = *r.test_accuracy;
        out.push_back(std::move(entry));
    }
    return out;
}

// The optimiser's state in core's order (optimizer_buffers, then optimizer_counters).
json optimizer_json(const OptimizerState& state) {
    json out = json::object();
    for (const ConstNamedBuffer& buffer : optimizer_buffers(state)) out[std::string(buffer.name)] = vector_json(*buffer.values);
    for (const ConstNamedCounter& counter : optimizer_counters(state)) out[std::string(counter.name)] = *counter.value;
    return out;
}

json classifier_state_json(const ClassifierState& state) {
    const TrainerState& t = state.trainer;
    return {{"train", points_json(state.data.train)},
            {"test", points_json(state.data.test)},
            {"parameters", vector_json(t.parameters)},
            {"optimizer", optimizer_json(t.optimizer)},
            {"steps", t.steps},
            {"batch_rng",
             {{"words", t.batch_rng.words},
              {"spare_normal", t.batch_rng.spare_normal},
              {"has_spare_normal", t.batch_rng.has_spare_normal}}},
            {"batch_order", t.batch_order},
            {"batch_cursor", t.batch_cursor},
            {"last_batch_loss", t.last_batch_loss},
            {"last_batch_accuracy", t.last_batch_accuracy},
            {"history", history_json(t.history)}};
}

json softmax_json(const settings::SoftmaxSettings& s) {
    json out = json::object();
    write_setting(out, settings::kLogits, s);
    write_setting(out, settings::kTemperature, s);
    return out;
}

// "#rrggbb", or null for the catalogue's own colour.
json colour_json(std::uint32_t colour) {
    if (colour == 0) return nullptr;
    char text[8];
    std::snprintf(text, sizeof text, "#%06x", static_cast<unsigned>(colour & 0xffffff));
    return std::string(text);
}

json custom_activations_json(const std::vector<CustomActivationSpec>& specs) {
    json out = json::array();
    for (const CustomActivationSpec& spec : specs) {
        json entry = {{"name", spec.name}, {"formula", spec.formula}};
        const char* symbols[] = {"alpha", "beta"};
        for (size_t i = 0; i < spec.parameters.size(); ++i) {
            const CustomParameterRange& r = spec.parameters[i];
            entry[symbols[i]] = {{"default", r.default_value}, {"min", r.min}, {"max", r.max}};
        }
        entry["colour"] = colour_json(spec.colour);
        out.push_back(std::move(entry));
    }
    return out;
}

}  // namespace

// [SECTION] the document

std::string to_json_text(const Session& session) {
    json visible = json::object();
    for (const auto& [id, shown] : session.panel_visible) visible[id] = shown;
    json doc = {{"actviz_session", kSessionVersion},
                {"page", session.page},
                {"panel_visible", std::move(visible)},
                {"link_activations", session.link_activations},
                {"custom_activations", custom_activations_json(session.custom_activations)},
                {"activations", activations_json(session.activations)},
                {"softmax", softmax_json(session.softmax)},
                {"gradflow", gradflow_json(session.gradflow)},
                {"classifier", classifier_json(session.classifier)},
                {"bakeoff", bakeoff_json(session.bakeoff)}};
    if (session.window) {
        const WindowGeometry& w = *session.window;
        doc["window"] = {{"x", w.x}, {"y", w.y}, {"width", w.width}, {"height", w.height}, {"maximised", w.maximised}};
    }
    if (session.classifier_state) doc["classifier_state"] = classifier_state_json(*session.classifier_state);
    return doc.dump(1) + "\n";
}

}  // namespace actviz::session
