#include "core/hinge_net.hpp"

#include <algorithm>
#include <cmath>

namespace actviz {
namespace {

double sample_x(int i, int samples) { return -kHingeRange + 2 * kHingeRange * i / (samples - 1); }

}  // namespace

double HingeUnit::contribution(double x) const { return v * std::max(0.0, w * x + b); }

double HingeNet::operator()(double x) const {
    double sum = c;
    for (const HingeUnit& unit : units) sum += unit.contribution(x);
    return sum;
}

double hinge_target(HingeTarget target, double x) {
    switch (target) {
        case HingeTarget::Bump: return std::max(0.0, 1 - std::fabs(x));
        case HingeTarget::Abs: return std::fabs(x);
        case HingeTarget::Square: return x * x / 3;
        case HingeTarget::Sine: return std::sin(x);
    }
    return 0;
}

HingeNet bump_example() {
    HingeNet net;
    net.units = {{1, 1, 1}, {1, 0, -2}, {1, -1, 1}};  // relu(x + 1) − 2 relu(x) + relu(x − 1)
    return net;
}

HingeNet spread_hinges(int units) {
    HingeNet net;
    units = std::clamp(units, 1, kMaxHingeUnits);
    for (int i = 0; i < units; ++i) {
        // Hinges evenly inside the range, alternately facing right and left, so every part of the
        // range is covered by some unit's live side.
        const double at = -kHingeRange + 2 * kHingeRange * (i + 0.5) / units;
        const double w = i % 2 == 0 ? 1.0 : -1.0;
        net.units.push_back({w, -w * at, 0.1});
    }
    return net;
}

double hinge_fit_error(const HingeNet& net, HingeTarget target, int samples) {
    double sum = 0;
    for (int s = 0; s < samples; ++s) {
        const double x = sample_x(s, samples), e = net(x) - hinge_target(target, x);
        sum += e * e;
    }
    return sum / samples;
}

double hinge_fit_step(HingeNet& net, HingeTarget target, double learning_rate, int samples) {
    // L = (1/n) Σ_s e_s², e_s = f(x_s) − t(x_s); ∂L/∂c = (2/n) Σ e, and for a unit with z = w x + b
    // on its live side (z > 0): ∂f/∂v = z, ∂f/∂w = v x, ∂f/∂b = v (relu′(0) = 0, as PyTorch).
    std::vector<HingeUnit> grad(net.units.size(), HingeUnit{0, 0, 0});
    double grad_c = 0, loss = 0;
    for (int s = 0; s < samples; ++s) {
        const double x = sample_x(s, samples);
        const double e = net(x) - hinge_target(target, x);
        loss += e * e;
        const double scale = 2 * e / samples;
        grad_c += scale;
        for (std::size_t i = 0; i < net.units.size(); ++i) {
            const HingeUnit& u = net.units[i];
            const double z = u.w * x + u.b;
            if (z <= 0) continue;
            grad[i].v += scale * z;
            grad[i].w += scale * u.v * x;
            grad[i].b += scale * u.v;
        }
    }
    net.c -= learning_rate * grad_c;
    for (std::size_t i = 0; i < net.units.size(); ++i) {
        net.units[i].w -= learning_rate * grad[i].w;
        net.units[i].b -= learning_rate * grad[i].b;
        net.units[i].v -= learning_rate * grad[i].v;
    }
    return loss / samples;
}

}  // namespace actviz
