#pragma once
// What is wrong with a training network, judged from one history record: the words the
// Classifier's unit grid shows beside each hidden layer and the line above it. A layer is
// "healthy" only when none of the following holds (the worst one found is reported):
//   dead or saturated units   the layer's share of units inactive at every training point against
//                             the usual thresholds: concerning ≥ 10%, serious > 30%, critical > 50%;
//   vanishing / exploding     ‖∂L/∂W_l‖ / ‖∂L/∂W_out‖ below 1e-3 or above 1e3 (the Gradient flow
//                             page's thresholds, here per layer against the output layer): critical;
//   starving                  while the loss is still at chance, a layer that gets under a tenth of
//                             the output layer's gradient: serious (the layers near the input of a
//                             deep sigmoid stack, on the way to its plateau; healthy networks pass
//                             chance with every layer above it);
//   stalled                   the whole network, after at least one step: the loss still at chance
//                             while the largest layer ‖∂L/∂W‖ has fallen below 1% of its value at
//                             the run's start (or to 0): a plateau the optimiser barely moves on.
//                             Every unit may be alive and the gradient ratio near 1 there: a deep
//                             sigmoid stack washes the input out of its last layer, so the output
//                             layer's gradient is as small as the first's. Critical.
// "At chance" means a training loss no better than 98% of the chance loss (the cross-entropy of
// predicting every point with the training set's class shares, log K for balanced classes), or
// worse: the texts say "no better than chance".

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/dataset.hpp"
#include "core/trainer.hpp"

namespace actviz {

inline constexpr double kVanishingRatio = 1e-3;   // ‖∂L/∂W_l‖ / ‖∂L/∂W_out‖ below: vanishing
inline constexpr double kExplodingRatio = 1e3;    // above: exploding
inline constexpr double kStarvingRatio = 1e-1;    // below, while at chance: starving
inline constexpr double kStalledShare = 1e-2;     // largest ‖∂L/∂W‖ below this share of the start's, at chance: stalled
inline constexpr double kAtChanceShare = 0.98;    // of the chance loss

enum class Severity { Healthy, Concerning, Serious, Critical };

struct LayerVerdict {
    Severity severity = Severity::Healthy;
    std::string word;  // "healthy", "concerning", "serious", "critical", "vanishing ∇", "exploding ∇",
                       // "starving", "stalled"
};

struct NetworkVerdict {
    Severity severity = Severity::Healthy;
    std::string text;  // one line on what is wrong ("stalled at chance: ..."), or what was checked when nothing is
};

// −Σ p_k log p_k over the class shares of `points` (0 for none): the loss of guessing the shares.
double chance_loss(std::span<const Point> points, int classes);

// One verdict per hidden layer of `record` (input side first). `start` is the run's first record
// (step 0: Trainer::history().front()); `chance` is chance_loss() of the training points;
// `inactive` the statistic's word (InactivityRule::statistic()). Units on their negative side
// (leaky ReLU) still learn through α: their share is shown, never judged a fault.
std::vector<LayerVerdict> judge_layers(const HistoryRecord& record, const HistoryRecord& start, double chance,
                                       std::string_view inactive = "dead");
// The network's worst fault in one line: stalled, vanishing, exploding, starving, then the layer with
// the most `inactive` ("dead" or "saturated") units; when none, what was checked (and, for
// "negative-side" units, their largest share, as information).
NetworkVerdict judge_network(const HistoryRecord& record, const HistoryRecord& start, double chance,
                             std::string_view inactive);

}  // namespace actviz
