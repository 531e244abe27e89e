#include "app/panels.hpp"
#include "app/placeholder.hpp"

namespace actviz::app {

void draw_gradflow_panel(AppState&) {
    draw_placeholder("Coming with the gradient-flow simulator.",
                     "A simulated N-layer backward pass: per-layer gradient norms ‖∂L/∂W‖ on a log scale, so "
                     "vanishing (sigmoid's σ′ ≤ 0.25 per layer) and exploding gradients can be seen side by side.");
}

}  // namespace actviz::app
