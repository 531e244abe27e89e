#pragma once
// Help > ReLU networks are piecewise linear: a 1 → k → 1 ReLU network (core/hinge_net.hpp) whose
// units' hinges are dragged along x on the chart, each unit's contribution drawn beside their sum,
// and an optional gradient-descent fit to a target curve that moves the hinges by itself.

#include <string>

#include "core/hinge_net.hpp"

namespace actviz::app {

struct HingeLesson {
    bool open = false;
    HingeNet net = bump_example();
    HingeTarget target = HingeTarget::Bump;
    bool fitting = false;
    float learning_rate = 0.02f;
    int steps_per_frame = 20;
    long long steps = 0;  // fit steps since the last reset
    int dragged = -1;     // the unit whose hinge the mouse holds
    std::string note;     // why the fit stopped by itself, until the next fit
};

// Draws the window while `lesson.open`; asks for frames while fitting.
void draw_hinge_window(HingeLesson& lesson, bool& animating);

}  // namespace actviz::app
