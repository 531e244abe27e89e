#include "app/panels.hpp"
#include "app/placeholder.hpp"

namespace actviz::app {

void draw_classifier_panel(AppState&) {
    draw_placeholder("Coming with the classifier.",
                     "A small MLP trained here on spiral, XOR, circles and moons: its decision boundary and "
                     "dead-ReLU map redraw every frame while it learns, stalls or dies.");
}

}  // namespace actviz::app
