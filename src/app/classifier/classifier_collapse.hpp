#pragma once
// "Stacked linear layers collapse to one", live: when every hidden activation of the Classifier's
// network is the identity, the panel shows the one layer it equals (W*, b*: core/linear_collapse)
// and, beside its loss and accuracy, those of a network with no hidden layer at all trained on the
// same points with the same optimiser for the same number of steps (the "twin").

#include <chrono>
#include <memory>

#include "core/trainer.hpp"
#include "imgui.h"

namespace actviz::app {

// A network without hidden layers that follows another trainer: same data, optimiser, batch,
// penalties and seed, stepped to the same step count. Rebuilt when any of those change or the
// followed trainer goes back in steps (a reset).
class LinearTwin {
public:
    // Steps the twin towards `followed`'s step count within `budget` (a twin far behind, e.g. after
    // a session opened at step 50,000, catches up over several frames), then records once.
    void follow(const Trainer& followed, std::chrono::nanoseconds budget = std::chrono::milliseconds(4));
    const Trainer* trainer() const { return twin_.get(); }
    void clear() { twin_.reset(); }

private:
    std::unique_ptr<Trainer> twin_;
};

// The collapsed map, its numbers and the twin's, in `size`. Call only when the network's hidden
// layers are all linear (all_hidden_layers_linear) and it has at least one.
void draw_collapsed_map(const Trainer& trainer, LinearTwin& twin, ImVec2 size);

}  // namespace actviz::app
