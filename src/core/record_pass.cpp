#include "core/record_pass.hpp"

#include <algorithm>
#include <cmath>
#include <type_traits>

#include "core/loss.hpp"

namespace actviz {

void RecordPass::run(const Mlp& mlp, const RecordInputs& inputs, RecordResult& out) {
    if (inputs.double_data) {
        run_in<double>(mlp, inputs, *inputs.double_data, out);
    } else {
        run_in<float>(mlp, inputs, *inputs.float_data, out);
    }
}

template <typename T>
void RecordPass::run_in(const Mlp& mlp, const RecordInputs& inputs, const EvalData<T>& data, RecordResult& out) {
    Buffers<T>& buffers = this->buffers<T>();
    PassWorkspace<T>& work = buffers.train;
    PassWorkspace<T>& test_work = buffers.test;
    HistoryRecord& entry = out.entry;
    entry = HistoryRecord{};
    entry.step = inputs.step;
    const Eigen::Index n = data.train_x.cols();
    work.resize(mlp, n);
    forward<T>(mlp, data.train_x, work);
    out.predicted_train.resize(static_cast<size_t>(n));
    const LossResult train = softmax_cross_entropy<T>(work.logits(), data.train_labels, &work.dlogits(), out.predicted_train);
    entry.train_loss = train.loss;
    entry.train_accuracy = static_cast<double>(train.correct) / static_cast<double>(n);
    backward<T>(mlp, data.train_x, work);
    gradient_ = work.gradient.template cast<double>();
    add_penalty_gradient(mlp, inputs.l2, inputs.l1, gradient_);
    for (int l = 0; l < mlp.layer_count(); ++l) entry.layer_grad_norm.push_back(mlp.weight_in(gradient_, l).norm());

    out.unit_activity.resize(static_cast<size_t>(mlp.hidden_count()));
    int dead = 0, units = 0;
    for (int h = 0; h < mlp.hidden_count(); ++h) {
        const T limit = mlp.inactivity(h).limit<T>();
        const auto& df = work.df[static_cast<size_t>(h)];
        Vector& activity = out.unit_activity[static_cast<size_t>(h)];
        activity = (df.array().abs() >= limit).template cast<double>().rowwise().sum() / static_cast<double>(n);
        const int layer_dead = static_cast<int>((activity.array() == 0).count());
        entry.layer_dead_fraction.push_back(static_cast<double>(layer_dead) / static_cast<double>(activity.size()));
        dead += layer_dead;
        units += static_cast<int>(activity.size());
    }
    entry.dead_fraction = units == 0 ? 0.0 : static_cast<double>(dead) / units;
    count_histograms<T>(mlp, work, inputs, out.z_histograms);

    out.predicted_test.clear();
    if (data.test_x.cols() > 0) {
        test_work.resize(mlp, data.test_x.cols());
        forward<T>(mlp, data.test_x, test_work);
        out.predicted_test.resize(static_cast<size_t>(data.test_x.cols()));
        const LossResult test = softmax_cross_entropy<T>(test_work.logits(), data.test_labels, nullptr, out.predicted_test);
        entry.test_loss = test.loss;
        entry.test_accuracy = static_cast<double>(test.correct) / static_cast<double>(data.test_x.cols());
    }
    bool finite = std::isfinite(entry.train_loss) && (!entry.test_loss || std::isfinite(*entry.test_loss));
    for (double norm : entry.layer_grad_norm) finite = finite && std::isfinite(norm);
    out.finite = finite;
}

template <typename T>
void RecordPass::count_histograms(const Mlp& mlp, const PassWorkspace<T>& work, const RecordInputs& inputs,
                                  std::vector<LayerZHistogram>& histograms) {
    histograms.resize(static_cast<size_t>(mlp.hidden_count()));
    for (int h = 0; h < mlp.hidden_count(); ++h) {
        const auto i = static_cast<size_t>(h);
        const auto& z = work.z[i];
        LayerZHistogram& histogram = histograms[i];
        histogram.step = inputs.step;
        const double half_width = i < inputs.histogram_half_widths.size() ? inputs.histogram_half_widths[i] : 0.0;
        histogram.lo = -half_width;
        histogram.hi = half_width;
        // The extent of the bulk of z: |z| at its 99.5th percentile, so that a few far points (Adam at lr 1
        // throws some to |z| ~ 100) neither squash the picture nor make the range grow again at once.
        // Runs only when a range is chosen (a reset, an activation change, the data leaving the range).
        const auto max_abs_z = [&z] {
            std::vector<T> magnitudes;
            magnitudes.reserve(static_cast<size_t>(z.size()));
            for (Eigen::Index k = 0; k < z.size(); ++k) {
                if (std::isfinite(z.data()[k])) magnitudes.push_back(std::abs(z.data()[k]));
            }
            if (magnitudes.empty()) return 0.0;
            const auto at = magnitudes.begin() + static_cast<std::ptrdiff_t>(
                                                     static_cast<double>(magnitudes.size() - 1) * 0.995);
            std::nth_element(magnitudes.begin(), at, magnitudes.end());
            return static_cast<double>(*at);
        };
        if (!(histogram.hi > 0)) {
            const double r = z_histogram_half_width(mlp.activation(h), mlp.activation_parameters(h), max_abs_z());
            histogram.lo = -r;
            histogram.hi = r;
        }
        const InactivityRule rule = mlp.inactivity(h);
        count_z<T>(z, work.df[i], rule, histogram);
        const ZCounts& layer = histogram.layer;
        // Grows (never shrinks) when the data has left the range: counted again over the new one.
        if (layer.total > 0 &&
            static_cast<double>(layer.underflow + layer.overflow) > kZHistogramOverflowShare * static_cast<double>(layer.total)) {
            const double r = nice_half_width(max_abs_z());
            if (r > histogram.hi) {
                histogram.lo = -r;
                histogram.hi = r;
                count_z<T>(z, work.df[i], rule, histogram);
            }
        }
    }
}

}  // namespace actviz
