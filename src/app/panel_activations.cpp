#include "app/panels.hpp"
#include "app/placeholder.hpp"

namespace actviz::app {

void draw_activations_panel(AppState&) {
    draw_placeholder("Coming with the activation lab.",
                     "Every activation PyTorch offers (sigmoid, tanh, ReLU, GELU, SiLU, Mish, ...) plotted with its "
                     "derivative f′, live, with sliders for α, β, λ and the softmax temperature T.");
}

}  // namespace actviz::app
