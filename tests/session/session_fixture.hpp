#pragma once
// A session as a user would leave it: settings moved on every panel, a classifier trained for a
// while on mini-batches with Adam, one point added by hand and a few erased.

#include <memory>

#include "session/session.hpp"
#include "session/session_state.hpp"

namespace actviz::session::testing {

struct Scene {
    Session session;
    std::unique_ptr<Trainer> trainer;  // the live trainer session.classifier_state was taken from
};

inline Scene make_scene() {
    Scene scene;
    Session& s = scene.session;
    s.page = "classifier";
    s.panel_visible["softmax"] = false;
    const auto elu = static_cast<size_t>(activation_index(*find_activation("elu")));
    s.activations.selected[elu] = true;
    s.activations.parameters[elu][0] = 1.7;
    s.activations.saturation_epsilon = 0.03f;
    s.activations.x_min = -3.25f;
    s.activations.zones_of = static_cast<int>(elu);
    s.activations.search = "lu";
    s.softmax.logits = {3.0, -1.5, 0.25, 7.0};
    s.softmax.temperature = 0.37f;
    s.gradflow.simulation.depth = 37;
    s.gradflow.simulation.width = 48;
    s.gradflow.simulation.curves[0].gain = 1.3f;
    s.gradflow.simulation.curves.push_back(s.gradflow.simulation.curves[0]);
    s.gradflow.simulation.curves[1].activation = activation_index(*find_activation("relu"));
    s.gradflow.simulation.curves[1].init = InitScheme::HeNormal;
    s.gradflow.quantity = settings::GradQuantity::MeanAbsDz;
    settings::ClassifierSettings& c = s.classifier;
    c.data.points = 300;
    c.architecture.hidden = {12, 6};
    c.architecture.features.x_squared = true;
    c.architecture.seed = 7;
    c.hyper.learning_rate = 0.02;
    c.hyper.batch = 32;
    c.view.tool = settings::MouseTool::Erase;
    settings::BakeoffSettings& b = s.bakeoff;  // a contest tuned away from every default
    b.activations = {activation_index(*find_activation("tanh")), activation_index(*find_activation("relu")),
                     activation_index(*find_activation("gelu"))};
    b.seeds = 3;
    b.step_budget = 750;  // away from the default 1000
    b.playing = true;
    b.min_steps_per_second = 120;
    b.log_grad = false;
    b.contest.data.kind = DatasetKind::Moons;
    b.contest.data.classes = 2;
    b.contest.data.points = 400;
    b.contest.architecture.hidden = {8, 8};
    b.contest.hyper.optimizer = OptimizerKind::Momentum;
    b.contest.hyper.momentum = 0.5;
    b.contest.hyper.nesterov = true;
    b.contest.hyper.learning_rate = 0.05;

    scene.trainer = std::make_unique<Trainer>(make_dataset(settings::to_dataset_config(c)), settings::to_trainer_config(c));
    scene.trainer->step(25);
    Dataset data = scene.trainer->data();
    add_point(data, Point{0.3, -0.7, 2}, false);
    erase_points_near(data, 0.0, 0.0, 0.15);
    scene.trainer->set_data(std::move(data));
    scene.trainer->step(17);  // a batch order part-way through its permutation
    s.classifier_state = capture_state(*scene.trainer);
    return scene;
}

}  // namespace actviz::session::testing
