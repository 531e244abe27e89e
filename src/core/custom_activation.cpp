#include "core/custom_activation.hpp"

#include <cmath>
#include <cstdio>
#include <deque>
#include <mutex>

namespace actviz {
namespace detail {
const Activation* append_activation(const Activation& activation);  // core/activation.cpp
}

namespace {

// The definitions behind the catalogue's custom entries: a deque never moves what it holds.
struct Definitions {
    std::mutex mutex;
    std::deque<CustomActivation> entries;
};

Definitions& definitions() {
    static Definitions instance;
    return instance;
}

constexpr Parameter kAlpha{"alpha", "α", 1, -10, 10};
constexpr Parameter kBeta{"beta", "β", 1, -10, 10};

std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

}  // namespace

std::optional<std::string> invalid_custom_name(std::string_view name) {
    if (name.empty()) return "give the activation a name";
    if (name.size() > kMaxCustomNameLength)
        return "the name is " + std::to_string(name.size()) + " bytes long; at most " + std::to_string(kMaxCustomNameLength);
    for (const char c : name)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return "the name has a control character";
    if (name.front() == ' ' || name.back() == ' ') return "the name starts or ends with a space";
    // The command line lists activations separated by commas, with formula:EXPR entries.
    if (name.find(',') != std::string_view::npos) return "a name cannot hold a comma";
    int depth = 0;
    for (const char c : name) {
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        if (depth < 0) break;
    }
    if (depth != 0) return "a name's parentheses must pair up";
    if (name.starts_with("formula:")) return "a name cannot start with formula:";
    const auto builtins = activations().first(builtin_activation_count());
    for (const Activation& a : builtins)
        if (a.name == name || a.display == name) return "'" + std::string(name) + "' is a built-in activation's name";
    return std::nullopt;
}

std::optional<std::string> invalid_custom_parameters(const CustomActivationSpec& spec, int count) {
    for (int i = 0; i < count; ++i) {
        const CustomParameterRange& r = spec.parameters[static_cast<size_t>(i)];
        const std::string symbol = i == 0 ? "alpha" : "beta";
        for (const double v : {r.min, r.max, r.default_value})
            if (!std::isfinite(v) || std::fabs(v) > kMaxCustomParameterMagnitude)
                return symbol + "'s range and default must be numbers from " + number(-kMaxCustomParameterMagnitude) +
                       " to " + number(kMaxCustomParameterMagnitude);
        if (!(r.min < r.max)) return symbol + " needs min < max, got " + number(r.min) + " and " + number(r.max);
        if (r.default_value < r.min || r.default_value > r.max)
            return symbol + "'s default " + number(r.default_value) + " is outside its range " + number(r.min) + " to " +
                   number(r.max);
    }
    return std::nullopt;
}

CustomDefinition define_custom_activation(const CustomActivationSpec& spec, bool provisional) {
    CustomDefinition result;
    if (auto why = invalid_custom_name(spec.name)) {
        result.error.message = *why;
        return result;
    }
    FormulaResult compiled = compile_formula(spec.formula);
    if (!compiled.formula) {
        result.error = compiled.error;
        return result;
    }
    const int parameter_count = compiled.formula->parameter_count;
    if (auto why = invalid_custom_parameters(spec, parameter_count)) {
        result.error.message = *why;
        return result;
    }

    Definitions& defs = definitions();
    const std::lock_guard lock(defs.mutex);
    const Activation* previous = find_activation(spec.name);
    if (previous && previous->custom && previous->custom->spec == spec) {
        result.activation = previous;
        return result;
    }
    if (defs.entries.size() >= kMaxCustomActivations) {
        result.error.message = "at most " + std::to_string(kMaxCustomActivations) +
                               " activations can be defined in one run; restart actviz to define more";
        return result;
    }
    CustomActivation& custom = defs.entries.emplace_back();
    custom.spec = spec;
    custom.compiled = std::move(*compiled.formula);
    custom.formula_line = "f(x) = " + custom.compiled.text;
    custom.derivative_line = "f′(x) = " + custom.compiled.derivative;

    Activation entry{};
    entry.name = custom.spec.name;
    entry.display = custom.spec.name;
    entry.family = Family::Custom;
    entry.formula = custom.formula_line;
    entry.derivative_formula = custom.derivative_line;
    entry.parameters = {kAlpha, kBeta};
    for (int i = 0; i < kMaxParameters; ++i) {
        const CustomParameterRange& r = spec.parameters[static_cast<size_t>(i)];
        entry.parameters[static_cast<size_t>(i)].default_value = r.default_value;
        entry.parameters[static_cast<size_t>(i)].min = r.min;
        entry.parameters[static_cast<size_t>(i)].max = r.max;
    }
    entry.parameter_count = parameter_count;
    // Read off the curve by the property table (activation_properties.hpp); no claim is made here.
    entry.properties = {"see the table", false, false};
    entry.custom = &custom;
    custom.provisional.store(provisional, std::memory_order_release);
    const Activation* appended = detail::append_activation(entry);
    if (!appended) {
        defs.entries.pop_back();
        result.error.message = "the catalogue is full; restart actviz to define more";
        return result;
    }
    if (previous && previous->custom && !provisional) const_cast<CustomActivation*>(previous->custom)->superseded.store(true);
    result.activation = appended;
    return result;
}

void publish_custom_activation(const Activation& activation) {
    if (!activation.custom || !activation.custom->provisional.load(std::memory_order_acquire)) return;
    Definitions& defs = definitions();
    const std::lock_guard lock(defs.mutex);
    const Activation* previous = find_activation(activation.name);
    if (previous && previous != &activation && previous->custom)
        const_cast<CustomActivation*>(previous->custom)->superseded.store(true);
    const_cast<CustomActivation*>(activation.custom)->provisional.store(false, std::memory_order_release);
}

std::vector<const Activation*> custom_activations() {
    std::vector<const Activation*> listed;
    for (const Activation& a : activations())
        if (a.custom && a.listed()) listed.push_back(&a);
    return listed;
}

namespace {

bool has_piecewise_ops(const FormulaProgram& program) {
    for (const FormulaInstruction& in : program.code) {
        switch (in.op) {
            case FormulaOp::Abs: case FormulaOp::Sign: case FormulaOp::Step:
            case FormulaOp::Max: case FormulaOp::Min: case FormulaOp::Pick:
                return true;
            default:
                break;
        }
    }
    return false;
}

std::vector<double> find_slope_jumps(const FormulaProgram& slope, const ParameterValues& p) {
    constexpr double kStep = 0.001;
    const auto n = static_cast<Eigen::Index>(2 * kCustomKinkRange / kStep) + 1;
    std::vector<double> xs(static_cast<size_t>(n)), f(xs.size()), df(xs.size());
    for (Eigen::Index i = 0; i < n; ++i) xs[static_cast<size_t>(i)] = -kCustomKinkRange + static_cast<double>(i) * kStep;
    double* out[] = {f.data(), df.data()};
    slope.run<double>(xs.data(), n, p, out);
    const auto slope_at = [&](double x) { return slope.value(x, p, 1); };
    std::vector<double> kinks;
    for (size_t i = 2; i + 3 < xs.size(); ++i) {
        const double jump = std::fabs(df[i + 1] - df[i]);
        if (!std::isfinite(jump)) continue;
        // Smooth change is about as large a step away; a jump stands out against both sides. (Two
        // steps away, not one: a sample right on a kink takes autograd's tie value, a step of its own.)
        const double beside = std::max(std::fabs(df[i - 1] - df[i - 2]), std::fabs(df[i + 3] - df[i + 2]));
        if (jump < 1e-6 * (1 + std::fabs(df[i])) || jump < 20 * beside) continue;
        double lo = xs[i], hi = xs[i + 1];
        const double left = df[i], right = df[i + 1];
        for (int k = 0; k < 60 && hi - lo > 1e-13; ++k) {
            const double mid = 0.5 * (lo + hi);
            (std::fabs(slope_at(mid) - left) <= std::fabs(slope_at(mid) - right) ? lo : hi) = mid;
        }
        double at = 0.5 * (lo + hi);
        if (std::fabs(at) < 1e-9) at = 0;  // max(0, x)'s kink is at 0, not at 1e-13
        if (kinks.empty() || at - kinks.back() > 2 * kStep) kinks.push_back(at);  // a tie sample: one kink, two steps
    }
    return kinks;
}

}  // namespace

std::vector<double> custom_kinks(const CustomActivation& custom, const ParameterValues& p) {
    if (!has_piecewise_ops(custom.compiled.slope)) return {};
    const std::lock_guard lock(custom.kinks_mutex);
    if (custom.kinks_cache && custom.kinks_cache->first == p) return custom.kinks_cache->second;
    std::vector<double> kinks = find_slope_jumps(custom.compiled.slope, p);
    custom.kinks_cache.emplace(p, kinks);
    return kinks;
}

}  // namespace actviz
