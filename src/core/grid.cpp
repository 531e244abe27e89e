#include "core/grid.hpp"

#include <algorithm>
#include <functional>
#include <thread>

#include "core/features.hpp"
#include "core/layer_kernel.hpp"
#include "core/linear_regions.hpp"

namespace actviz {
namespace {

// Softmax of each column of a K × n block of logits (max taken out first; exp over the whole block
// at once, vectorised), with argmax and top probability. K is a template argument for the common
// class counts so the per-pixel loops unroll; 0 means "runtime K".
template <int kClasses>
void softmax_tile(const float* logits, Eigen::Index n, int runtime_classes, float* probabilities,
                  std::uint8_t* predicted, float* confidence) {
    const int classes = kClasses > 0 ? kClasses : runtime_classes;
    for (Eigen::Index c = 0; c < n; ++c) {
        const float* z = logits + c * classes;
        int best = 0;
        for (int k = 1; k < classes; ++k) best = z[k] > z[best] ? k : best;
        predicted[c] = static_cast<std::uint8_t>(best);
        for (int k = 0; k < classes; ++k) probabilities[c * classes + k] = z[k] - z[best];
    }
    Eigen::Map<Eigen::ArrayXf> block(probabilities, n * classes);
    block = block.exp();
    for (Eigen::Index c = 0; c < n; ++c) {
        float* column = probabilities + c * classes;
        float sum = 0;
        for (int k = 0; k < classes; ++k) sum += column[k];
        const float inverse = 1.0f / sum;
        for (int k = 0; k < classes; ++k) column[k] *= inverse;
        confidence[c] = inverse;  // the top class's e⁰ = 1
    }
}

}  // namespace

GridEvaluator::GridEvaluator(int threads) {
    const int hardware = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    threads_ = threads > 0 ? threads : std::min(hardware, 4);
}

void GridEvaluator::evaluate(const Mlp& mlp, const GridView& view, const GridRequest& request, GridResult& result) {
    const int layers = mlp.layer_count();
    const int hidden = mlp.hidden_count();
    const int classes = mlp.classes();
    const Eigen::Index pixels = static_cast<Eigen::Index>(view.width) * view.height;
    result.width = view.width;
    result.height = view.height;
    result.classes = classes;

    weights_.resize(static_cast<size_t>(layers));
    biases_.resize(static_cast<size_t>(layers));
    int widest = 1;
    for (int l = 0; l < layers; ++l) {
        weights_[static_cast<size_t>(l)] = mlp.weight(l).cast<float>();
        biases_[static_cast<size_t>(l)] = mlp.bias(l).cast<float>();
        widest = std::max(widest, mlp.units(l));
    }
    xs_.resize(view.width);
    ys_.resize(view.height);
    for (int i = 0; i < view.width; ++i) xs_[i] = static_cast<float>(view.x_of(i));
    for (int j = 0; j < view.height; ++j) ys_[j] = static_cast<float>(view.y_of(j));

    std::vector<detail::LayerKernel<float>> kernels;
    std::vector<float> limits;
    kernels.reserve(static_cast<size_t>(hidden));
    for (int h = 0; h < hidden; ++h) {
        kernels.emplace_back(mlp.activation(h), mlp.activation_parameters(h));
        limits.push_back(mlp.inactivity(h).limit<float>());
    }

    const auto size = static_cast<size_t>(pixels);
    // What is not asked for is left empty, never as an earlier call left it: a result is reused.
    if (request.probabilities) {
        result.probabilities.resize(size * static_cast<size_t>(classes));
        result.predicted.resize(size);
        result.confidence.resize(size);
    } else {
        result.probabilities.clear();
        result.predicted.clear();
        result.confidence.clear();
    }
    const bool counting = request.inactive_counts && hidden > 0;
    if (request.inactive_counts) result.inactive_count.assign(size, 0);
    else result.inactive_count.clear();
    const bool unit_wanted = request.unit_layer >= 0 && request.unit_layer < hidden && request.unit >= 0 &&
                             request.unit < mlp.units(request.unit_layer);
    if (unit_wanted) result.unit_active.resize(size);
    else result.unit_active.clear();

    // Thumbnails: which nodes, and the sub-grid they are sampled on.
    const int stride = request.thumbnail_stride;
    GridThumbnails& thumbs = result.thumbnails;
    if (stride > 0) {
        thumbs.stride = stride;
        thumbs.width = (view.width - stride / 2 + stride - 1) / stride;
        thumbs.height = (view.height - stride / 2 + stride - 1) / stride;
        thumbs.layer_first.assign(1, 0);
        thumbs.layer_first.push_back(mlp.input_size());
        for (int l = 0; l < layers; ++l) thumbs.layer_first.push_back(thumbs.layer_first.back() + mlp.units(l));
        thumbs.values.assign(static_cast<size_t>(thumbs.layer_first.back()) * static_cast<size_t>(thumbs.samples()), 0.0f);
    } else {
        thumbs = GridThumbnails{};
    }
    const auto samples = static_cast<size_t>(stride > 0 ? thumbs.samples() : 0);
    // Copies rows of a features/units × n block into the thumbnails of node layer `node_layer`.
    const auto sample_block = [&](const Scratch& scratch, int node_layer, const MatrixF& block) {
        const int first = thumbs.layer_first[static_cast<size_t>(node_layer)];
        const int count = thumbs.layer_first[static_cast<size_t>(node_layer) + 1] - first;
        for (const auto& [c, sample] : scratch.samples) {
            for (int u = 0; u < count; ++u)
                thumbs.values[static_cast<size_t>(first + u) * samples + static_cast<size_t>(sample)] = block(u, c);
        }
    };

    // Activation patterns: the piece of every piecewise-linear unit, bit by bit.
    const PatternLayout pattern = request.activation_patterns ? pattern_layout(mlp) : PatternLayout{};
    const bool patterns_wanted = request.activation_patterns && pattern.words > 0;
    result.pattern_words = request.activation_patterns ? pattern.words : 0;
    if (request.activation_patterns) result.patterns.assign(size * static_cast<size_t>(pattern.words), 0);
    else result.patterns.clear();
    const auto write_patterns = [&](int h, const MatrixF& z, Eigen::Index n, Eigen::Index start) {
        const auto i = static_cast<size_t>(h);
        const int bits = pattern.bits[i];
        if (bits == 0) return;
        const std::span<const float> kinks(pattern.kinks[i]);
        const auto words = static_cast<size_t>(pattern.words);
        const auto units = static_cast<int>(z.rows());
        if (bits == 1) {  // the ReLU family: one kink, one bit, branch-free
            const float kink = kinks[0];
            for (Eigen::Index c = 0; c < n; ++c) {
                std::uint64_t* out = result.patterns.data() + static_cast<size_t>(start + c) * words;
                const float* zc = z.data() + c * z.rows();
                for (int u = 0, bit = pattern.first_bit[i]; u < units; ++u, ++bit) {
                    out[bit >> 6] |= static_cast<std::uint64_t>(zc[u] > kink) << (bit & 63);
                }
            }
            return;
        }
        for (Eigen::Index c = 0; c < n; ++c) {
            std::uint64_t* out = result.patterns.data() + static_cast<size_t>(start + c) * words;
            int bit = pattern.first_bit[i];
            for (Eigen::Index u = 0; u < z.rows(); ++u, bit += bits) {
                const int piece = piece_of(z(u, c), kinks);
                for (int b = 0; b < bits; ++b) {
                    if ((piece >> b) & 1) out[(bit + b) / 64] |= std::uint64_t{1} << ((bit + b) % 64);
                }
            }
        }
    };

    // Layers past the last one anybody needs are skipped.
    int last_layer = request.probabilities ? layers - 1 : -1;
    if (counting) last_layer = std::max(last_layer, request.count_layer < 0 ? hidden - 1 : request.count_layer);
    if (unit_wanted) last_layer = std::max(last_layer, request.unit_layer);
    if (stride > 0 || patterns_wanted) last_layer = std::max(last_layer, hidden - 1);

    const auto run_tiles = [&](Eigen::Index first_tile, Eigen::Index end_tile, Scratch& scratch) {
        for (Eigen::Index tile = first_tile; tile < end_tile; ++tile) {
            const Eigen::Index start = tile * kTile;
            const Eigen::Index n = std::min(kTile, pixels - start);
            Eigen::Index column = start % view.width, row = start / view.width;
            scratch.samples.clear();
            for (Eigen::Index c = 0; c < n; ++c) {
                scratch.xy(0, c) = xs_[column];
                scratch.xy(1, c) = ys_[row];
                if (stride > 0 && column % stride == stride / 2 && row % stride == stride / 2) {
                    scratch.samples.emplace_back(c, static_cast<int>((row / stride) * thumbs.width + column / stride));
                }
                if (++column == view.width) column = 0, ++row;
            }
            expand_features(mlp.config().features, scratch.xy.leftCols(n), scratch.inputs.leftCols(n));
            if (!scratch.samples.empty()) sample_block(scratch, 0, scratch.inputs);
            for (int l = 0; l <= last_layer; ++l) {
                const auto i = static_cast<size_t>(l);
                auto z = scratch.activations[i].leftCols(n);
                if (l == 0)
                    z.noalias() = weights_[i] * scratch.inputs.leftCols(n);
                else
                    z.noalias() = weights_[i] * scratch.activations[i - 1].leftCols(n);
                z.colwise() += biases_[i];
                if (l == hidden) break;
                if (patterns_wanted) write_patterns(l, scratch.activations[i], n, start);
                float* df = scratch.derivative.data();
                const bool count_here = counting && (request.count_layer < 0 || request.count_layer == l);
                const bool unit_here = unit_wanted && request.unit_layer == l;
                if (!count_here && !unit_here) {
                    kernels[i].apply_values(z.data(), df, z.size());
                } else {
                    kernels[i].apply(z.data(), z.data(), df, z.size());
                    const Eigen::Map<const MatrixF> derivative(df, z.rows(), n);
                    if (count_here) {
                        const auto inactive = (derivative.array().abs() < limits[i]).template cast<std::uint16_t>();
                        Eigen::Map<Eigen::Matrix<std::uint16_t, 1, Eigen::Dynamic>> counts(
                            result.inactive_count.data() + start, n);
                        counts += inactive.colwise().sum().matrix();
                    }
                    if (unit_here) {
                        for (Eigen::Index c = 0; c < n; ++c) {
                            result.unit_active[static_cast<size_t>(start + c)] =
                                std::abs(derivative(request.unit, c)) >= limits[i] ? 1 : 0;
                        }
                    }
                }
                if (!scratch.samples.empty()) sample_block(scratch, l + 1, scratch.activations[i]);
            }
            if (!request.probabilities) continue;
            const float* logits = scratch.activations.back().data();  // K × kTile, column-major
            float* probabilities = result.probabilities.data() + start * classes;
            std::uint8_t* predicted = result.predicted.data() + start;
            float* confidence = result.confidence.data() + start;
            switch (classes) {
                case 2: softmax_tile<2>(logits, n, classes, probabilities, predicted, confidence); break;
                case 3: softmax_tile<3>(logits, n, classes, probabilities, predicted, confidence); break;
                case 4: softmax_tile<4>(logits, n, classes, probabilities, predicted, confidence); break;
                default: softmax_tile<0>(logits, n, classes, probabilities, predicted, confidence); break;
            }
            const int first_output = stride > 0 ? thumbs.layer_first[static_cast<size_t>(layers)] : 0;
            for (const auto& [c, sample] : scratch.samples) {
                for (int k = 0; k < classes; ++k) {
                    thumbs.values[static_cast<size_t>(first_output + k) * samples + static_cast<size_t>(sample)] =
                        probabilities[c * classes + k];
                }
            }
        }
    };

    const Eigen::Index tiles = (pixels + kTile - 1) / kTile;
    // Threads only pay off with a few tiles each (starting one costs ~20–50 µs).
    const int threads = static_cast<int>(std::clamp<Eigen::Index>(tiles / 8, 1, threads_));
    scratch_.resize(static_cast<size_t>(threads));
    for (Scratch& scratch : scratch_) {
        scratch.activations.resize(static_cast<size_t>(layers));
        for (int l = 0; l < layers; ++l) scratch.activations[static_cast<size_t>(l)].resize(mlp.units(l), kTile);
        scratch.derivative.resize(static_cast<Eigen::Index>(widest) * kTile);
        scratch.xy.resize(2, kTile);
        scratch.inputs.resize(mlp.input_size(), kTile);
    }
    std::vector<std::thread> workers;
    for (int t = 1; t < threads; ++t) {
        workers.emplace_back(run_tiles, tiles * t / threads, tiles * (t + 1) / threads,
                             std::ref(scratch_[static_cast<size_t>(t)]));
    }
    run_tiles(0, tiles / threads, scratch_[0]);
    for (std::thread& worker : workers) worker.join();
}

}  // namespace actviz
