#include "session/weights_json.hpp"

#include "core/custom_activation.hpp"

#include <nlohmann/json.hpp>

#include "core/features.hpp"

namespace actviz::session {

std::string weights_to_json(const Mlp& mlp) {
    using json = nlohmann::ordered_json;
    int feature_count = 0;
    const auto names = feature_names(mlp.config().features, feature_count);
    json inputs = json::array();
    for (int i = 0; i < feature_count; ++i) inputs.push_back(std::string(names[static_cast<size_t>(i)]));
    json layers = json::array();
    for (int l = 0; l < mlp.layer_count(); ++l) {
        const auto w = mlp.weight(l);
        const auto b = mlp.bias(l);
        json rows = json::array();
        for (Eigen::Index r = 0; r < w.rows(); ++r) {
            json row = json::array();
            for (Eigen::Index c = 0; c < w.cols(); ++c) row.push_back(w(r, c));
            rows.push_back(std::move(row));
        }
        json layer = {{"in", w.cols()}, {"out", w.rows()}};
        if (l < mlp.hidden_count()) {
            const Activation& activation = mlp.activation(l);
            json parameters = json::object();
            const ParameterValues values = mlp.activation_parameters(l);
            for (size_t i = 0; i < activation.params().size(); ++i) {
                parameters[std::string(activation.params()[i].name)] = values[i];
            }
            layer["activation"] = std::string(activation.name);
            // A typed activation's name alone would not say what it computes.
            if (activation.custom) layer["formula"] = activation.custom->spec.formula;
            layer["parameters"] = std::move(parameters);
        } else {
            layer["activation"] = "none (logits; softmax in the loss)";
        }
        layer["weight"] = std::move(rows);
        layer["bias"] = std::vector<double>(b.data(), b.data() + b.size());
        layers.push_back(std::move(layer));
    }
    const json document = {{"actviz_weights", 1}, {"inputs", std::move(inputs)}, {"classes", mlp.classes()},
                           {"layers", std::move(layers)}};
    return document.dump(1) + "\n";
}

}  // namespace actviz::session
