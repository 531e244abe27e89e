// [SECTION] Helpers: norms without underflow, threads, progress
// [SECTION] Pass: the cached matrices
// [SECTION] Forward (one slice of the batch)
// [SECTION] Backward (one slice), then ∂L/∂W per layer over the whole batch
// [SECTION] Statistics and the run

#include "core/gradflow_pass.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <type_traits>

#include "core/activation_analysis.hpp"
#include "core/activation_kernels.hpp"
#include "core/float_env.hpp"

namespace actviz::detail {
namespace {

// [SECTION] Helpers: norms without underflow, threads, progress ----------------------------------

// Σ x² over a block without underflow or overflow: a sigmoid net's 1e-170 gradients would square
// to 0 in double (1e-30 ones in float). The block is scaled by a power of two (exact) that brings
// its largest entry near 1, squared and summed vectorised in T, and the scale is put back in long
// double (exponent range ±4932). Entries below 2^−60 of the largest are negligible either way.
template <typename Derived>
long double sum_of_squares(const Eigen::MatrixBase<Derived>& block) {
    using T = typename Derived::Scalar;
    const T largest = block.cwiseAbs().template maxCoeff<Eigen::PropagateNaN>();
    if (!(largest > 0) || !std::isfinite(largest)) return static_cast<long double>(largest) * largest;  // 0, ∞, NaN
    const int exponent =
        std::clamp(std::ilogb(largest), std::numeric_limits<T>::min_exponent, std::numeric_limits<T>::max_exponent - 2);
    const T scale = std::ldexp(T(1), -exponent);
    const T scaled = (block * scale).squaredNorm();
    return std::ldexp(static_cast<long double>(scaled), 2 * exponent);
}

double norm_from_squares(long double sum) { return static_cast<double>(std::sqrt(sum)); }

// Runs work(worker) on `threads` threads (the caller is worker 0) with the denormal mode set in
// each. Work is handed out through atomics inside `work`, so if the system refuses a thread the
// others simply do its share.
template <typename Work>
void run_on_threads(int threads, bool flush_denormals, const Work& work) {
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t) {
        try {
            pool.emplace_back([&work, flush_denormals, t] {
                const DenormalScope mode(flush_denormals);
                work(t);
            });
        } catch (const std::system_error&) {
            break;
        }
    }
    {
        const DenormalScope mode(flush_denormals);
        work(0);
    }
    for (std::thread& thread : pool) thread.join();
}

class Progress {
   public:
    Progress(const GradflowControl& control, long long total) : control_(control), total_(total) {}

    bool cancelled() const { return control_.cancel && control_.cancel->load(std::memory_order_relaxed); }

    void step() {
        const long long done = done_.fetch_add(1, std::memory_order_relaxed) + 1;
        if (!control_.progress) return;
        // Threads finish out of order; only ever raise the shown value.
        const double fraction = static_cast<double>(done) / static_cast<double>(total_);
        double shown = control_.progress->load(std::memory_order_relaxed);
        while (shown < fraction && !control_.progress->compare_exchange_weak(shown, fraction)) {
        }
    }

   private:
    const GradflowControl& control_;
    long long total_;
    std::atomic<long long> done_{0};
};

// Per slice and layer, the sums the layer's statistics are combined from.
struct SlicePartial {
    double act_mean = 0;      // mean of a_l over the slice
    double act_m2 = 0;        // Σ (a_l − slice mean)²
    long double grad_sq = 0;  // Σ (∂L/∂a_l)²
    double abs_dz = 0;        // Σ |∂L/∂z_l|
    long long saturated = 0;  // entries with 0 < |f′(u_l)| < threshold
    long long zero_slope = 0; // entries with f′(u_l) = 0
    double max_slope = 0;     // max |f′(u_l)|
    double max_rstd = 1;      // layer norm: max 1/σ over the slice's samples
};

// [SECTION] Pass: the cached matrices ---------------------------------------------------------------

template <typename T>
class Pass {
   public:
    using Mat = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>;
    using Vec = Eigen::Matrix<T, Eigen::Dynamic, 1>;

    Pass(const GradflowConfig& config, const Network& network, const GradflowBatch& data,
         const GradflowControl& control);
    GradflowResult run();

   private:
    void forward(int slice);
    void backward(int slice);
    void weight_gradient(int layer, Mat& scratch);
    void layernorm_forward(int layer, Eigen::Index c0, Eigen::Index n);
    void layernorm_backward(int layer, Eigen::Index c0, Eigen::Index n);
    LayerStats combine(int layer) const;
    void count_positions_of(int layer, const T* u, Eigen::Index count);
    void count_slopes_of(int layer, const T* d, Eigen::Index count);
    void count_gradients(int layer, const T* dz, Eigen::Index count);
    std::shared_ptr<const GradflowDensity> density() const;

    const GradflowConfig& config_;
    const GradflowControl& control_;
    const Activation& activation_;
    const ParameterValues parameters_;
    const int depth_, width_, batch_, slices_;
    const double saturation_threshold_;  // kSaturatedDerivativeShare (1%) of max|f′|
    const ActivationKernel<T> kernel_;

    std::vector<Mat> converted_weights_;  // float32 runs: the network's weights as T
    std::vector<Vec> converted_biases_;
    std::vector<const Mat*> w_;  // depth + 1: w_[l − 1] = W_l (width × width, out × in), w_[depth] = W_o
    std::vector<const Vec*> b_;  // depth + 1: b_[l − 1] = b_l (width), b_[depth] = b_o

    std::vector<Mat> a_;  // depth + 1 matrices width × batch: a_0 = x, a_l = output of hidden layer l
    std::vector<Mat> d_;  // [1..depth] width × batch: f′(u_l) after the forward pass, ∂L/∂z_l after the backward
    std::vector<Mat> u_;  // [1..depth] width × batch, layer norm only: u_l = (z_l − μ)/σ per column
    std::vector<Vec> rstd_;         // [1..depth] batch, layer norm only: 1/√(var + ε) of each sample's z_l
    Mat targets_;                   // width × batch: t
    Mat dy_;                        // width × batch: ∂L/∂y = 2(y − t)/(width·batch)
    std::vector<Mat> grad_;         // per slice: width × slice columns, ∂L/∂a of the layer being processed
    std::vector<Mat> grad_next_;    // per slice: the same for the layer below (swapped with grad_)
    std::vector<int> slice_begin_;  // slices + 1 column offsets

    std::vector<std::vector<SlicePartial>> partials_;  // [slice][layer], layer 1..depth
    // [(layer − 1) · width + unit]: set once any sample gives the unit a non-zero f′ (a unit never set is
    // dead). Atomic because the slices' threads set them concurrently; only ever set, never read, until the end.
    std::unique_ptr<std::atomic<bool>[]> unit_alive_;
    std::unique_ptr<std::atomic<int>[]> units_alive_;  // [layer − 1]: how many of unit_alive_ are set
    std::vector<long double> slice_loss_;              // Σ (y − t)² per slice
    std::vector<long double> weight_grad_sq_;          // [layer] ‖∂L/∂W_l‖²
    // The density map (control.density), counted by each slice into the layer's totals under the
    // layer's lock: slices only meet there when they reach the same layer at the same moment.
    const bool count_density_;
    double z_lo_ = 0, z_hi_ = 0;
    T inactive_limit_ = 0;                                 // the activation's InactivityRule, in T
    std::vector<ZCounts> z_counts_;                        // [layer − 1]
    std::vector<std::vector<std::int64_t>> grad_counts_;   // [layer − 1][exponent − lowest_exponent<T>()]
    std::vector<std::int64_t> grad_zero_, grad_nonfinite_, grad_total_;  // [layer − 1]
    std::unique_ptr<std::mutex[]> layer_locks_;            // [layer − 1]
    Progress progress_;
};

template <typename T>
Pass<T>::Pass(const GradflowConfig& config, const Network& network, const GradflowBatch& data,
              const GradflowControl& control)
    : config_(config),
      control_(control),
      activation_(*config.activation),
      parameters_(config.parameters),
      depth_(config.depth),
      width_(config.width),
      batch_(config.batch),
      slices_(gradflow_slice_count(config.batch)),
      saturation_threshold_(kSaturatedDerivativeShare *
                            analyse(*config.activation, config.parameters).max_abs_derivative.value),
      kernel_(*config.activation, config.parameters),
      count_density_(control.density),
      progress_(control, 2LL * slices_ * config.depth + config.depth) {
    if constexpr (std::is_same_v<T, double>) {
        for (int l = 0; l <= depth_; ++l) {
            w_.push_back(&network.weights[l]);
            b_.push_back(&network.biases[l]);
        }
    } else {
        converted_weights_.reserve(depth_ + 1);
        converted_biases_.reserve(depth_ + 1);
        for (int l = 0; l <= depth_; ++l) {
            converted_weights_.push_back(network.weights[l].template cast<T>());
            converted_biases_.push_back(network.biases[l].template cast<T>());
            w_.push_back(&converted_weights_.back());
            b_.push_back(&converted_biases_.back());
        }
    }
    a_.reserve(depth_ + 1);
    a_.push_back(data.inputs.template cast<T>());
    for (int l = 1; l <= depth_; ++l) a_.emplace_back(width_, batch_);
    d_.resize(depth_ + 1);
    for (int l = 1; l <= depth_; ++l) d_[l].resize(width_, batch_);
    if (config.layernorm) {
        u_.resize(depth_ + 1);
        rstd_.resize(depth_ + 1);
        for (int l = 1; l <= depth_; ++l) {
            u_[l].resize(width_, batch_);
            rstd_[l].resize(batch_);
        }
    }
    targets_ = data.targets.template cast<T>();
    dy_.resize(width_, batch_);
    for (int s = 0; s <= slices_; ++s)
        slice_begin_.push_back(static_cast<int>(static_cast<long long>(batch_) * s / slices_));
    for (int s = 0; s < slices_; ++s) {
        const int n = slice_begin_[s + 1] - slice_begin_[s];
        grad_.emplace_back(width_, n);
        grad_next_.emplace_back(width_, n);
    }
    partials_.assign(slices_, std::vector<SlicePartial>(depth_ + 1));
    unit_alive_ = std::make_unique<std::atomic<bool>[]>(static_cast<size_t>(depth_) * width_);
    for (size_t i = 0; i < static_cast<size_t>(depth_) * width_; ++i) unit_alive_[i].store(false, std::memory_order_relaxed);
    units_alive_ = std::make_unique<std::atomic<int>[]>(static_cast<size_t>(depth_));
    for (int l = 0; l < depth_; ++l) units_alive_[l].store(0, std::memory_order_relaxed);
    slice_loss_.assign(slices_, 0);
    weight_grad_sq_.assign(depth_ + 1, 0);
    if (count_density_) {
        const double r = control.density_half_width > 0
                             ? control.density_half_width
                             : gradflow_density_half_width(*config.activation, config.parameters);
        z_lo_ = -r, z_hi_ = r;
        inactive_limit_ = inactivity_rule(*config.activation, config.parameters).template limit<T>();
        z_counts_.resize(depth_);
        for (ZCounts& counts : z_counts_) counts.clear();
        grad_counts_.assign(depth_, std::vector<std::int64_t>(highest_exponent<T>() - lowest_exponent<T>() + 1, 0));
        grad_zero_.assign(depth_, 0), grad_nonfinite_.assign(depth_, 0), grad_total_.assign(depth_, 0);
        layer_locks_ = std::make_unique<std::mutex[]>(static_cast<size_t>(depth_));
    }
    if (GradflowGradients* g = control.gradients) {
        g->weights.assign(depth_ + 1, Eigen::MatrixXd(width_, width_));
        g->biases.assign(depth_ + 1, Eigen::VectorXd(width_));
        g->inputs.resize(width_, batch_);
    }
}

// [SECTION] Forward (one slice of the batch) ---------------------------------------------------------

template <typename T>
void Pass<T>::layernorm_forward(int l, Eigen::Index c0, Eigen::Index n) {
    for (Eigen::Index c = c0; c < c0 + n; ++c) {
        const auto z = a_[l].col(c);
        const T mean = z.mean();
        const T variance = (z.array() - mean).square().mean();  // biased, as nn.LayerNorm
        const T rstd = T(1) / std::sqrt(variance + T(kLayerNormEpsilon));
        u_[l].col(c) = (z.array() - mean) * rstd;
        rstd_[l][c] = rstd;
    }
}

template <typename T>
void Pass<T>::forward(int s) {
    const Eigen::Index c0 = slice_begin_[s], n = slice_begin_[s + 1] - slice_begin_[s];
    const Eigen::Index count = n * width_;
    for (int l = 1; l <= depth_; ++l) {
        if (progress_.cancelled()) return;
        // z_l is computed into a_l's columns, then replaced by f(u_l) entry by entry below.
        auto z = a_[l].middleCols(c0, n);
        z.noalias() = *w_[l - 1] * a_[l - 1].middleCols(c0, n);
        z.colwise() += *b_[l - 1];
        if (config_.layernorm) layernorm_forward(l, c0, n);
        // Columns of a column-major matrix are contiguous, so a slice is one flat run of entries.
        const T* u = (config_.layernorm ? u_[l].data() : a_[l].data()) + c0 * width_;
        const T* previous = a_[l - 1].data() + c0 * width_;
        T* a = a_[l].data() + c0 * width_;
        T* d = d_[l].data() + c0 * width_;
        if (count_density_) count_positions_of(l, u, count);  // before f overwrites z (without layer norm, u is a_l)
        kernel_.apply(u, a, d, count);  // a_l's storage held z_l, but u (or the saved u_l) was read first
        using Flat = Eigen::Map<Eigen::Array<T, Eigen::Dynamic, 1>>;
        Flat a_flat(a, count);
        const Flat d_flat(d, count);
        if (config_.residual) a_flat += Eigen::Map<const Eigen::Array<T, Eigen::Dynamic, 1>>(previous, count);
        SlicePartial& partial = partials_[s][l];
        partial.zero_slope = (d_flat == T(0)).count();
        partial.saturated = (d_flat.abs() < static_cast<T>(saturation_threshold_)).count() - partial.zero_slope;
        partial.max_slope = static_cast<double>(d_flat.abs().template maxCoeff<Eigen::PropagateNaN>());
        if (count_density_) count_slopes_of(l, d, count);
        if (config_.layernorm) {
            partial.max_rstd =
                static_cast<double>(rstd_[l].segment(c0, n).template maxCoeff<Eigen::PropagateNaN>());
        }
        // A unit (row) with any non-zero f′ in this slice is alive. Only while some unit of the layer has
        // not been seen alive: in a healthy layer the first slice finds them all and the rest skip this.
        std::atomic<bool>* alive = unit_alive_.get() + static_cast<size_t>(l - 1) * width_;
        if (partial.zero_slope > 0 && units_alive_[l - 1].load(std::memory_order_relaxed) < width_) {
            const Eigen::Map<const Mat> d_block(d, width_, n);
            const Eigen::Array<bool, Eigen::Dynamic, 1> any = (d_block.array() != T(0)).rowwise().any();
            for (int i = 0; i < width_; ++i) {
                if (any[i] && !alive[i].exchange(true, std::memory_order_relaxed)) {
                    units_alive_[l - 1].fetch_add(1, std::memory_order_relaxed);
                }
            }
        } else if (partial.zero_slope == 0) {
            for (int i = 0; i < width_; ++i) {  // no zero anywhere: every unit alive
                if (!alive[i].exchange(true, std::memory_order_relaxed)) units_alive_[l - 1].fetch_add(1, std::memory_order_relaxed);
            }
        }
        // Sums in T (Eigen's vectorised pairwise reductions): float32 runs report float statistics.
        const T mean = a_flat.sum() / static_cast<T>(count);
        partial.act_mean = static_cast<double>(mean);
        partial.act_m2 = static_cast<double>((a_flat - mean).square().sum());
        progress_.step();
    }
}

// [SECTION] Backward (one slice), then ∂L/∂W per layer over the whole batch ------------------------

// u = (z − μ)·r with r = (var + ε)^−½ gives ∂u_i/∂z_j = r(δ_ij − 1/N − u_i u_j / N), hence per sample
// ∂L/∂z = r·(∂L/∂u − mean(∂L/∂u) − u·mean(∂L/∂u ⊙ u)), exact for any ε.
template <typename T>
void Pass<T>::layernorm_backward(int l, Eigen::Index c0, Eigen::Index n) {
    for (Eigen::Index c = c0; c < c0 + n; ++c) {
        auto du = d_[l].col(c);
        const auto u = u_[l].col(c);
        const T mean_du = du.mean();
        const T mean_du_u = du.dot(u) / T(width_);
        du = rstd_[l][c] * (du.array() - mean_du - u.array() * mean_du_u).matrix();
    }
}

template <typename T>
void Pass<T>::backward(int s) {
    if (progress_.cancelled()) return;
    const Eigen::Index c0 = slice_begin_[s], n = slice_begin_[s + 1] - slice_begin_[s];
    auto dy = dy_.middleCols(c0, n);
    dy.noalias() = *w_[depth_] * a_[depth_].middleCols(c0, n);
    dy.colwise() += *b_[depth_];
    dy -= targets_.middleCols(c0, n);
    slice_loss_[s] = sum_of_squares(dy);
    dy *= static_cast<T>(2.0 / (static_cast<double>(width_) * batch_));  // nn.MSELoss, mean reduction
    Mat* grad = &grad_[s];
    Mat* grad_next = &grad_next_[s];
    grad->noalias() = w_[depth_]->transpose() * dy;
    const bool want_input_gradient = control_.gradients != nullptr;
    for (int l = depth_; l >= 1; --l) {
        if (progress_.cancelled()) return;
        SlicePartial& partial = partials_[s][l];
        partial.grad_sq = sum_of_squares(*grad);
        auto dz = d_[l].middleCols(c0, n);
        dz.array() *= grad->array();  // ∂L/∂u = ∂L/∂a ⊙ f′(u) (the skip path adds nothing to u)
        if (config_.layernorm) layernorm_backward(l, c0, n);
        partial.abs_dz = static_cast<double>(dz.cwiseAbs().sum());
        if (count_density_) count_gradients(l, d_[l].data() + c0 * width_, n * width_);
        if (l > 1 || want_input_gradient) {
            grad_next->noalias() = w_[l - 1]->transpose() * dz;
            if (config_.residual) *grad_next += *grad;  // a_l = a_{l−1} + f(u_l)
            std::swap(grad, grad_next);
        }
        progress_.step();
    }
    if (want_input_gradient) control_.gradients->inputs.middleCols(c0, n) = grad->template cast<double>();
}

// ∂L/∂W_l = ∂L/∂z_l · a_{l−1}ᵀ sums over every sample, so it waits for all slices.
template <typename T>
void Pass<T>::weight_gradient(int l, Mat& scratch) {
    const bool output = l == depth_ + 1;
    const Mat& dz = output ? dy_ : d_[l];
    const Mat& input = output ? a_[depth_] : a_[l - 1];
    scratch.noalias() = dz * input.transpose();
    if (!output) weight_grad_sq_[l] = sum_of_squares(scratch);
    if (GradflowGradients* g = control_.gradients) {
        const int index = output ? depth_ : l - 1;
        g->weights[index] = scratch.template cast<double>();
        g->biases[index] = dz.template cast<double>().rowwise().sum();
    }
}

// [SECTION] Statistics and the run ----------------------------------------------------------------------

template <typename T>
LayerStats Pass<T>::combine(int l) const {
    LayerStats stats;
    const double total = static_cast<double>(width_) * batch_;
    long double grad_sq = 0;
    double abs_dz = 0, mean = 0;
    long long saturated = 0, zero_slope = 0;
    double max_slope = 0, max_rstd = 1;
    bool nan_slope = false;
    for (int s = 0; s < slices_; ++s) {
        const SlicePartial& p = partials_[s][l];
        grad_sq += p.grad_sq;
        abs_dz += p.abs_dz;
        saturated += p.saturated;
        zero_slope += p.zero_slope;
        nan_slope |= std::isnan(p.max_slope);
        max_slope = std::max(max_slope, p.max_slope);
        max_rstd = s == 0 ? p.max_rstd : std::max(max_rstd, p.max_rstd);
        mean += p.act_mean * (static_cast<double>(slice_begin_[s + 1] - slice_begin_[s]) * width_);
    }
    mean /= total;
    // Chan et al.'s pairwise combination: M2 = Σ M2_s + n_s (mean_s − mean)².
    double m2 = 0;
    for (int s = 0; s < slices_; ++s) {
        const SlicePartial& p = partials_[s][l];
        const double n = static_cast<double>(slice_begin_[s + 1] - slice_begin_[s]) * width_;
        m2 += p.act_m2 + n * (p.act_mean - mean) * (p.act_mean - mean);
    }
    stats.weight_grad_norm = norm_from_squares(weight_grad_sq_[l]);
    stats.act_grad_norm = norm_from_squares(grad_sq);
    stats.mean_abs_dz = abs_dz / total;
    stats.act_mean = mean;
    stats.act_std = std::sqrt(m2 / total);
    stats.saturated_fraction = static_cast<double>(saturated) / total;
    stats.zero_slope_fraction = static_cast<double>(zero_slope) / total;
    long long dead_units = 0;
    const std::atomic<bool>* alive = unit_alive_.get() + static_cast<size_t>(l - 1) * width_;
    for (int i = 0; i < width_; ++i) dead_units += !alive[i].load(std::memory_order_relaxed);
    stats.dead_unit_fraction = static_cast<double>(dead_units) / width_;
    stats.max_abs_slope = nan_slope ? std::numeric_limits<double>::quiet_NaN() : max_slope;
    stats.max_inverse_std = max_rstd;
    return stats;
}

// The density map's counts of one slice's entries of layer l (gradflow_density.hpp): `u`, what f is
// applied to, before f overwrites it; `d`, its f′, before the backward pass turns it into ∂L/∂z.
template <typename T>
void Pass<T>::count_positions_of(int l, const T* u, Eigen::Index count) {
    const std::lock_guard lock(layer_locks_[static_cast<size_t>(l - 1)]);
    count_positions<T>(u, count, z_lo_, z_hi_, z_counts_[static_cast<size_t>(l - 1)]);
}

template <typename T>
void Pass<T>::count_slopes_of(int l, const T* d, Eigen::Index count) {
    const std::lock_guard lock(layer_locks_[static_cast<size_t>(l - 1)]);
    count_slopes<T>(d, count, static_cast<T>(saturation_threshold_), inactive_limit_, z_counts_[static_cast<size_t>(l - 1)]);
}

template <typename T>
void Pass<T>::count_gradients(int l, const T* dz, Eigen::Index count) {
    const auto layer = static_cast<size_t>(l - 1);
    const std::lock_guard lock(layer_locks_[layer]);
    count_magnitudes<T>(dz, count, lowest_exponent<T>(), grad_counts_[layer].data(), grad_zero_[layer],
                        grad_nonfinite_[layer]);
    grad_total_[layer] += count;
}

// The totals as the result keeps them: each layer's magnitudes trimmed to the exponents that occur.
template <typename T>
std::shared_ptr<const GradflowDensity> Pass<T>::density() const {
    auto density = std::make_shared<GradflowDensity>();
    density->z_lo = z_lo_, density->z_hi = z_hi_;
    density->z = z_counts_;
    density->gradient.resize(static_cast<size_t>(depth_));
    for (size_t l = 0; l < static_cast<size_t>(depth_); ++l) {
        const std::vector<std::int64_t>& dense = grad_counts_[l];
        MagnitudeCounts& out = density->gradient[l];
        out.zero = grad_zero_[l], out.nonfinite = grad_nonfinite_[l], out.total = grad_total_[l];
        const auto first = std::find_if(dense.begin(), dense.end(), [](std::int64_t c) { return c != 0; });
        if (first == dense.end()) continue;
        const auto last = std::find_if(dense.rbegin(), dense.rend(), [](std::int64_t c) { return c != 0; }).base();
        out.first_exponent = lowest_exponent<T>() + static_cast<int>(first - dense.begin());
        out.bins.assign(first, last);
    }
    return density;
}

template <typename T>
GradflowResult Pass<T>::run() {
    const int threads = gradflow_thread_count(control_);
    const bool flush = std::is_same_v<T, float>;
    std::atomic<int> next_slice{0};
    run_on_threads(std::min(threads, slices_), flush, [&](int) {
        for (int s; (s = next_slice.fetch_add(1)) < slices_;) {
            forward(s);
            backward(s);
        }
    });
    GradflowResult result;
    if (progress_.cancelled()) {
        result.cancelled = true;
        return result;
    }
    const int layers = depth_ + (control_.gradients ? 1 : 0);  // the output layer only when asked
    std::vector<Mat> scratch(std::min(threads, layers), Mat(width_, width_));
    std::atomic<int> next_layer{1};
    run_on_threads(static_cast<int>(scratch.size()), flush, [&](int worker) {
        for (int l; (l = next_layer.fetch_add(1)) <= layers;) {
            if (progress_.cancelled()) return;
            weight_gradient(l, scratch[worker]);
            progress_.step();
        }
    });
    if (progress_.cancelled()) {
        result.cancelled = true;
        return result;
    }
    long double loss = 0;
    for (long double part : slice_loss_) loss += part;
    result.loss = static_cast<double>(loss / (static_cast<long double>(width_) * batch_));
    for (int l = 1; l <= depth_; ++l) result.layers.push_back(combine(l));
    if (count_density_) result.density = density();
    return result;
}

}  // namespace

int gradflow_slice_count(int batch) { return std::clamp((batch + 64) / 128, 1, 64); }

int gradflow_thread_count(const GradflowControl& control) {
    if (control.threads > 0) return control.threads;
    return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

template <typename Scalar>
GradflowResult gradflow_pass(const GradflowConfig& config, const Network& network, const GradflowBatch& data,
                             const GradflowControl& control) {
    return Pass<Scalar>(config, network, data, control).run();
}

template GradflowResult gradflow_pass<float>(const GradflowConfig&, const Network&, const GradflowBatch&,
                                             const GradflowControl&);
template GradflowResult gradflow_pass<double>(const GradflowConfig&, const Network&, const GradflowBatch&,
                                              const GradflowControl&);

}  // namespace actviz::detail
