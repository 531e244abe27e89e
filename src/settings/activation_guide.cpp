#include "settings/activation_guide.hpp"

namespace actviz::settings {

const std::vector<GuideSection>& activation_guide() {
    static const std::vector<GuideSection> guide = {
        {"Hidden layers",
         {
             {"Start here",
              "ReLU, with He (Kaiming) initialisation: the cheapest function there is (see the cost column of the "
              "Activations page's table), a slope of exactly 1 for every positive input, so the gradient does not "
              "shrink through active units.",
              {{"Seven activations raced", PanelId::Bakeoff, "bakeoff-spiral"}, {"Compare the curves", PanelId::Activations, ""}}},
             {"Units die (the dead share rises, accuracy stalls)",
              "Leaky ReLU (or ELU): a small slope for negative inputs, so a unit pushed below zero for every point "
              "still gets a gradient and can climb back. Check the initialisation and the learning rate first: "
              "they are the usual killers.",
              {{"A learning rate that kills", PanelId::Classifier, "dying-relu-lr"},
               {"Leaky ReLU revives the dead", PanelId::Classifier, "leaky-relu-revives"},
               {"The debugging challenge", PanelId::Classifier, "debugging-challenge"}}},
             {"Transformer-style models",
              "GELU: a smooth ReLU whose derivative is zero at one point only, so no unit can die; the default of "
              "BERT and GPT.",
              {{"GELU vs ReLU", PanelId::Classifier, "gelu-vs-relu"}}},
             {"Deep stacks of sigmoid or tanh",
              "Avoid sigmoid in hidden layers: σ′ ≤ 0.25, so every layer can shrink the gradient fourfold. tanh is "
              "healthier (tanh′(0) = 1, zero-centred) but needs Xavier initialisation, and deep networks of either "
              "need help such as residual connections.",
              {{"Sigmoid, 20 layers", PanelId::Gradflow, "sigmoid-20"},
               {"tanh vanishes too", PanelId::Gradflow, "tanh-vanishes"},
               {"A deep sigmoid net learns slowly", PanelId::Classifier, "sigmoid-deep"},
               {"Residual connections", PanelId::Gradflow, "residual-depth-100"}}},
             {"No activation at all (identity)",
              "Never between hidden layers: a product of linear maps is linear, so any number of identity layers "
              "equals one layer and draws straight boundaries.",
              {{"Linear layers collapse", PanelId::Classifier, "linear-collapse"}}},
         }},
        {"Output layer",
         {
             {"Two classes",
              "Sigmoid with binary cross-entropy (PyTorch: BCEWithLogitsLoss on the raw output). With two classes "
              "softmax is exactly a sigmoid of the difference of the logits.",
              {{"Softmax with two classes", PanelId::Softmax, ""}}},
             {"Several classes",
              "Softmax with cross-entropy (PyTorch: CrossEntropyLoss on the raw logits: it applies the softmax "
              "itself, in the numerically safe way).",
              {{"Softmax and its temperature", PanelId::Softmax, "classic"},
               {"[1000, 1001, 1002], computed safely", PanelId::Softmax, "textbook-1000"}}},
             {"Regression", "The identity with mean squared error: the output may take any value.", {}},
             {"Positive targets (counts, rates, scales)",
              "Softplus, log(1 + e^x): positive and smooth, and nearly the identity for large outputs.",
              {{"Softplus beside ReLU", PanelId::Activations, ""}}},
         }},
        {"Pitfalls",
         {
             {"Softmax as a hidden activation",
              "Softmax is not applied unit by unit: it couples a whole layer, whose outputs then sum to 1, so a "
              "layer of 64 units averages 1/64 and every unit's gradient passes through the Jacobian "
              "p_i(δ_ij − p_j), small wherever one unit wins. Use an element-wise activation in hidden layers.",
              {}},
             {"A softmax before a loss that applies its own",
              "If the network ends in a softmax and the loss (CrossEntropyLoss) applies another, the loss sees "
              "softmax(softmax(z)): probabilities in [0, 1] softmaxed again are nearly uniform, so the loss can "
              "never fall far and its gradient is damped. The numbers below are computed for one example.",
              {}},
         }},
    };
    return guide;
}

}  // namespace actviz::settings
