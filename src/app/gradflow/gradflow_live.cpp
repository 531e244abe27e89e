#include "app/gradflow/gradflow_live.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <thread>

namespace actviz::app {
namespace {


// One thread fewer than the machine has, so the UI thread keeps a core to itself.
int worker_threads() { return static_cast<int>(std::max(1u, std::thread::hardware_concurrency() - 1)); }

}  // namespace

GradflowConfig map_base_config(const GradflowSimulation& simulation) {
    GradflowConfig base = simulation.config_for(0);
    base.width = std::min(base.width, kMapMaxWidth);
    base.batch = std::min(base.batch, kMapMaxBatch);
    return base;
}

GradflowConfig map_cell_config(const GradflowSimulation& simulation, std::size_t depth_index, std::size_t gain_index) {
    GradflowConfig config = map_base_config(simulation);
    config.depth = kMapDepths[depth_index];
    config.gain = kMapGains[gain_index];
    return config;
}

GradflowMapCell map_cell_of(const GradflowResult& result) {
    return GradflowMapCell{result.layers.front(), result.layers.back(), finiteness_of(result)};
}

double quantity_of(const LayerStats& layer, GradQuantity quantity) {
    switch (quantity) {
        case GradQuantity::WeightGrad: return layer.weight_grad_norm;
        case GradQuantity::ActivationGrad: return layer.act_grad_norm;
        case GradQuantity::MeanAbsDz: return layer.mean_abs_dz;
    }
    return 0;
}

void GradflowLive::request(const GradflowSimulation& settings, std::size_t memory_budget) {
    if (requested_ && *requested_ == settings && requested_budget_ == memory_budget) return;
    requested_ = settings;
    requested_budget_ = memory_budget;
    std::uint64_t generation = 0;
    bool refused = false;
    {
        std::lock_guard lock(mutex_);
        // A job still running for older settings sees the new generation and stores nothing more:
        // its curves no longer match the snapshot's (6 curves computed, 1 slot left).
        generation = ++generation_;
        shared_ = GradflowSnapshot();
        shared_.curves.resize(settings.curves.size());
        shared_.busy = true;
        for (size_t i = 0; i < settings.curves.size() && shared_.error.empty(); ++i) {
            const GradflowConfig config = settings.config_for(static_cast<int>(i));
            if (auto reason = config.validate()) {
                shared_.error = *reason;
            } else if (auto refusal = over_budget(
                           "depth " + std::to_string(config.depth) + " × width " + std::to_string(config.width) +
                               " × batch " + std::to_string(config.batch) + (config.float32 ? " in float32" : " in double"),
                           static_cast<double>(estimate_bytes(config)), memory_budget)) {
                shared_.error = *refusal;
            }
        }
        refused = !shared_.error.empty();
        if (refused) shared_.busy = false;
    }
    if (refused) {
        // Nothing to run; an empty job stops the older settings' job, whose results no one will see.
        worker_.post([](const std::atomic<bool>&) {});
        return;
    }
    progress_ = 0;
    curve_progress_ = 0;
    worker_.post([this, job = Job{settings, generation}](const std::atomic<bool>& cancel) { run(job, cancel); });
}

GradflowSnapshot GradflowLive::snapshot() const {
    std::lock_guard lock(mutex_);
    GradflowSnapshot copy = shared_;
    const double curves = std::max<double>(1.0, static_cast<double>(copy.curves.size()));
    copy.progress = std::min(1.0, progress_.load() + curve_progress_.load() / curves);
    return copy;
}

void GradflowLive::run(const Job& job, const std::atomic<bool>& cancel) {
    const GradflowSimulation& settings = job.settings;
    const int curves = static_cast<int>(settings.curves.size());
    for (int i = 0; i < curves && !cancel; ++i) {
        curve_progress_ = 0;
        GradflowControl control;
        control.cancel = &cancel;
        control.progress = &curve_progress_;
        control.threads = worker_threads();
        control.density = true;  // the layer × value map, counted in the same pass
        GradflowResult result = simulate_gradient_flow(settings.config_for(i), control);
        if (result.cancelled || cancel) return;
        std::lock_guard lock(mutex_);
        if (!is_current(job)) return;  // a newer request reset the snapshot before cancel reached this job
        progress_ = static_cast<double>(i + 1) / curves;
        curve_progress_ = 0;
        shared_.curves[i] = std::move(result);
    }
    if (curves == 0) {
        std::lock_guard lock(mutex_);
        if (is_current(job)) shared_.busy = false;
        return;
    }
    // Then the true bounds, which need an SVD per layer (at width 256 about ten times a layer's pass):
    // after every curve is on screen, the network rebuilt from the seed rather than kept.
    for (int i = 0; i < curves && !cancel; ++i) {
        const GradflowConfig config = settings.config_for(i);
        if (config.width > kBoundMaxWidth) continue;
        GradflowControl control;
        control.cancel = &cancel;
        control.threads = worker_threads();
        const Network network = make_network(config, control);
        if (cancel) return;
        const std::vector<double> norms = spectral_norms(network, control);
        if (cancel || norms.empty()) return;
        std::lock_guard lock(mutex_);
        if (!is_current(job)) return;
        if (!shared_.curves[i]) continue;
        GradflowResult& result = *shared_.curves[i];
        result.spectral_norms = norms;
        result.act_grad_bound = act_grad_bounds(result.layers, norms, config.residual, config.layernorm);
    }
    for (size_t g = 0; g < kMapGains.size(); ++g) {
        for (size_t d = 0; d < kMapDepths.size(); ++d) {
            if (cancel) return;
            GradflowControl control;
            control.cancel = &cancel;
            control.threads = worker_threads();
            const GradflowResult result = simulate_gradient_flow(map_cell_config(settings, d, g), control);
            if (result.cancelled || result.layers.empty()) return;
            std::lock_guard lock(mutex_);
            if (!is_current(job)) return;
            shared_.map[d][g] = map_cell_of(result);
            ++shared_.map_cells_done;
        }
    }
    std::lock_guard lock(mutex_);
    if (is_current(job)) shared_.busy = false;
}

}  // namespace actviz::app
