#include "core/gradflow.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <stdexcept>
#include <system_error>
#include <thread>

#include <Eigen/Eigenvalues>

#include "core/gradflow_pass.hpp"
#include "core/rng.hpp"

namespace actviz {
namespace {

std::optional<std::string> check_count(const char* name, int value, int max) {
    if (value >= 1 && value <= max) return std::nullopt;
    return std::string(name) + " must be between 1 and " + std::to_string(max) + ", got " + std::to_string(value);
}

// Streams of one seed: tag 0 is the data, tag l ≥ 1 the weights of layer l, and the output layer
// has its own tag, so no layer's weights depend on how deep the network is.
constexpr std::uint64_t kDataStream = 0;
constexpr std::uint64_t kOutputStream = ~std::uint64_t{0};

std::uint64_t stream_seed(std::uint64_t seed, std::uint64_t tag) {
    Rng mixer(seed ^ (tag * 0x9e3779b97f4a7c15ULL));
    mixer.next_u64();
    return mixer.next_u64() ^ tag;
}

// Runs `work` on this thread and threads − 1 more (fewer when the system refuses one); each copy
// takes its share of the layers from a shared counter.
void run_on_threads(int threads, const std::function<void()>& work) {
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t) {
        try {
            pool.emplace_back(work);
        } catch (const std::system_error&) {
            break;
        }
    }
    work();
    for (std::thread& thread : pool) thread.join();
}

}  // namespace

std::optional<std::string> GradflowConfig::validate() const {
    if (auto reason = check_count("depth", depth, kGradflowMaxDepth)) return reason;
    if (auto reason = check_count("width", width, kGradflowMaxWidth)) return reason;
    if (auto reason = check_count("batch", batch, kGradflowMaxBatch)) return reason;
    if (!activation) return "no activation chosen";
    if (auto reason = activation->invalid_reason(parameters)) return reason;
    return init_settings_error(init, gain, normal_std, bias, kGradflowMaxGain, kGradflowMaxBias);
}

std::size_t estimate_bytes(const GradflowConfig& config) {
    const double depth = config.depth, width = config.width, batch = config.batch;
    const double scalar = config.float32 ? sizeof(float) : sizeof(double);
    const double threads = std::max(1u, std::thread::hardware_concurrency());
    double bytes = (depth + 1) * (width * width + width) * sizeof(double);        // the network
    if (config.float32) bytes += (depth + 1) * (width * width + width) * scalar;  // its float copy
    bytes += 2 * width * batch * sizeof(double);                                  // inputs and targets
    // a_0..a_depth, f′ / ∂L/∂z per layer, targets, ∂L/∂y and two ∂L/∂a buffers per slice.
    double cached = (depth + 1) + depth + 4;
    if (config.layernorm) cached += depth;  // u_l (plus 1/σ per sample, counted below)
    bytes += cached * width * batch * scalar + (config.layernorm ? depth * batch * scalar : 0);
    bytes += threads * width * width * scalar;  // one ∂L/∂W scratch per thread
    return static_cast<std::size_t>(bytes);
}

Network make_network(const GradflowConfig& config, const GradflowControl& control) {
    Network network;
    network.weights.assign(config.depth + 1, Eigen::MatrixXd(config.width, config.width));
    network.biases.assign(config.depth + 1, Eigen::VectorXd::Constant(config.width, config.bias));
    // Layers draw from independent streams, so they can be filled in parallel with the same result.
    std::atomic<int> next{0};
    const auto fill = [&] {
        for (int l; (l = next.fetch_add(1)) <= config.depth;) {
            if (control.cancel && control.cancel->load(std::memory_order_relaxed)) return;
            Rng rng(stream_seed(config.seed, l == config.depth ? kOutputStream : static_cast<std::uint64_t>(l) + 1));
            initialise_weights(network.weights[l], config.init, config.gain, config.normal_std, rng);
        }
    };
    run_on_threads(std::min(detail::gradflow_thread_count(control), config.depth + 1), fill);
    return network;
}

GradflowBatch make_batch(const GradflowConfig& config) {
    Rng rng(stream_seed(config.seed, kDataStream));
    GradflowBatch data{Eigen::MatrixXd(config.width, config.batch), Eigen::MatrixXd(config.width, config.batch)};
    // Sample by sample, so sample j does not depend on the batch size.
    for (int j = 0; j < config.batch; ++j) {
        for (int i = 0; i < config.width; ++i) data.inputs(i, j) = rng.normal();
    }
    for (int j = 0; j < config.batch; ++j) {
        for (int i = 0; i < config.width; ++i) data.targets(i, j) = rng.normal();
    }
    return data;
}

GradflowResult simulate_gradient_flow(const GradflowConfig& config, const Network& network, const GradflowBatch& data,
                                      const GradflowControl& control) {
    if (auto reason = config.validate()) throw std::invalid_argument(*reason);
    bool shapes_match = network.depth() == config.depth && network.biases.size() == network.weights.size() &&
                        data.inputs.rows() == config.width && data.inputs.cols() == config.batch &&
                        data.targets.rows() == config.width && data.targets.cols() == config.batch;
    for (size_t l = 0; shapes_match && l < network.weights.size(); ++l) {
        shapes_match = network.weights[l].rows() == config.width && network.weights[l].cols() == config.width &&
                       network.biases[l].size() == config.width;
    }
    if (!shapes_match) throw std::invalid_argument("gradient flow: network or data shape differs from the config");
    GradflowResult result = config.float32 ? detail::gradflow_pass<float>(config, network, data, control)
                                           : detail::gradflow_pass<double>(config, network, data, control);
    if (!control.spectral_bound || result.cancelled) return result;
    result.spectral_norms = spectral_norms(network, control);
    if (control.cancel && control.cancel->load(std::memory_order_relaxed)) {
        GradflowResult cancelled;
        cancelled.cancelled = true;
        return cancelled;
    }
    result.act_grad_bound = act_grad_bounds(result.layers, result.spectral_norms, config.residual, config.layernorm);
    return result;
}

double spectral_norm(const Eigen::MatrixXd& w) {
    if (w.size() == 0) return 0;
    if (!w.allFinite()) return std::numeric_limits<double>::quiet_NaN();
    // σ_max(W)² is the largest eigenvalue of the smaller Gram matrix, which a symmetric solver finds
    // to a relative error of a few ulps (the largest eigenvalue is well conditioned, unlike the
    // smallest): as accurate as an SVD here, faster, and a third of BDCSVD's compile time under
    // the sanitizers. Scaled by max|w| first, so that the Gram matrix neither overflows nor underflows.
    const double scale = w.cwiseAbs().maxCoeff();
    if (scale == 0) return 0;
    const Eigen::MatrixXd v = w / scale;
    const Eigen::MatrixXd gram = v.rows() < v.cols() ? Eigen::MatrixXd(v * v.transpose()) : Eigen::MatrixXd(v.transpose() * v);
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(gram, Eigen::EigenvaluesOnly);
    return scale * std::sqrt(std::max(solver.eigenvalues().maxCoeff(), 0.0));
}

std::vector<double> spectral_norms(const Network& network, const GradflowControl& control) {
    const int depth = network.depth();
    std::vector<double> norms(std::max(depth, 0), 0.0);
    // One eigenvalue problem per hidden layer, handed out to the threads layer by layer.
    std::atomic<int> next{0};
    const auto cancelled = [&] { return control.cancel && control.cancel->load(std::memory_order_relaxed); };
    const auto work = [&] {
        for (int l; (l = next.fetch_add(1)) < depth;) {
            if (cancelled()) return;
            norms[l] = spectral_norm(network.weights[l]);
        }
    };
    run_on_threads(std::min(detail::gradflow_thread_count(control), std::max(depth, 1)), work);
    if (cancelled()) return {};
    return norms;
}

double backward_factor_bound(double spectral_norm, const LayerStats& layer, bool residual, bool layernorm) {
    const double factor = spectral_norm * layer.max_abs_slope * (layernorm ? layer.max_inverse_std : 1.0);
    return residual ? 1 + factor : factor;
}

std::vector<double> act_grad_bounds(const std::vector<LayerStats>& layers, const std::vector<double>& spectral_norms,
                                    bool residual, bool layernorm) {
    const int n = static_cast<int>(layers.size());
    if (n == 0 || spectral_norms.size() != layers.size()) return {};
    std::vector<double> bound(n);
    bound[n - 1] = layers[n - 1].act_grad_norm;
    for (int l = n - 1; l >= 1; --l) {  // 0-based l is hidden layer l + 1: its step leads to layer l
        bound[l - 1] = bound[l] * backward_factor_bound(spectral_norms[l], layers[l], residual, layernorm);
    }
    return bound;
}

RunFiniteness finiteness_of(const GradflowResult& result) {
    RunFiniteness run;
    const auto note = [&](double value, int layer) {
        if (std::isinf(value)) run.overflow = Overflow::Infinity;
        else if (std::isnan(value) && run.overflow == Overflow::None) run.overflow = Overflow::NotANumber;
        else return;
        if (layer > 0 && run.first_layer == 0) run.first_layer = layer;
    };
    for (size_t l = 0; l < result.layers.size(); ++l) {
        const LayerStats& s = result.layers[l];
        const int layer = static_cast<int>(l) + 1;
        for (double value : {s.weight_grad_norm, s.act_grad_norm, s.mean_abs_dz}) note(value, layer);
        const bool activations_finite = std::isfinite(s.act_mean) && std::isfinite(s.act_std) &&
                                        std::isfinite(s.saturated_fraction) && std::isfinite(s.zero_slope_fraction);
        if (!activations_finite && run.activations_overflow_layer == 0) run.activations_overflow_layer = layer;
        if (s.zero_slope_fraction == 1) run.dead_layer = layer;
    }
    note(result.loss, 0);
    return run;
}

GradientRatio gradient_ratio(double first, double last, const RunFiniteness& run) {
    constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    char text[64];
    if (run.overflow != Overflow::None) {
        const bool infinite = run.overflow == Overflow::Infinity;
        if (run.first_layer > 0) {
            std::snprintf(text, sizeof text, infinite ? "overflow (∞ from layer %d)" : "NaN (from layer %d)", run.first_layer);
        } else {
            std::snprintf(text, sizeof text, infinite ? "overflow (∞ loss)" : "NaN (loss)");
        }
        return {infinite ? GradientVerdict::Overflow : GradientVerdict::NotANumber, kNaN,
                infinite ? "∞ (overflow)" : "NaN", text};
    }
    // Both ends exactly 0: every unit dead or every gradient underflowed; nothing learns.
    if (first == 0 && last == 0) return {GradientVerdict::NoGradient, kNaN, "0 / 0", "no gradient at all"};
    // Layer 1 gets nothing because a whole layer above it is off: blocked, not a vanishing product.
    if (first == 0 && run.dead_layer > 1) {
        std::snprintf(text, sizeof text, "no gradient below layer %d: every unit there is off", run.dead_layer);
        return {GradientVerdict::Blocked, -std::numeric_limits<double>::infinity(), "0 (blocked)", text};
    }
    const double log_ratio = first == 0  ? -std::numeric_limits<double>::infinity()
                             : last == 0 ? std::numeric_limits<double>::infinity()
                                         : std::log10(first) - std::log10(last);
    if (first == 0) std::snprintf(text, sizeof text, "0 (underflow)");
    else std::snprintf(text, sizeof text, "%.2e", std::pow(10.0, log_ratio));
    if (log_ratio < -3) return {GradientVerdict::Vanishing, log_ratio, text, "vanishing (< 1e-3)"};
    if (log_ratio > 3) return {GradientVerdict::Exploding, log_ratio, text, "exploding (> 1e3)"};
    return {GradientVerdict::Healthy, log_ratio, text, "healthy"};
}

GradflowResult simulate_gradient_flow(const GradflowConfig& config, const GradflowControl& control) {
    if (auto reason = config.validate()) throw std::invalid_argument(*reason);
    const Network network = make_network(config, control);
    if (control.cancel && control.cancel->load(std::memory_order_relaxed)) {
        GradflowResult cancelled;
        cancelled.cancelled = true;
        return cancelled;
    }
    return simulate_gradient_flow(config, network, make_batch(config), control);
}

}  // namespace actviz
