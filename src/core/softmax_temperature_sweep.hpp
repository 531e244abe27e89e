#pragma once
// The temperature chart: each class's probability and the entropy of softmax(z / T) over a
// log-spaced sweep of T (the Softmax panel's slider range, 0.01 to 100), for fixed logits. It shows
// the textbook's exercise (T = 0.1, 0.5, 1, 2, 10) as one curve per class: small T → one-hot argmax
// (entropy → 0 for distinct logits), large T → uniform (entropy → log K).

#include <vector>

#include <Eigen/Core>

namespace actviz {

inline constexpr double kSweepMinTemperature = 0.01;
inline constexpr double kSweepMaxTemperature = 100;

struct TemperatureSweep {
    std::vector<double> temperatures;  // ascending, log-spaced, first and last exactly the ends asked for
    Eigen::MatrixXd probabilities;     // K × temperatures.size(): column t = softmax(z, T_t).probabilities
    std::vector<double> entropy;       // per temperature, in nats
    int marked = -1;                   // the column of the temperature asked to be marked; -1: none
};

// `count` ≥ 2 temperatures from t_min to t_max (0 < t_min < t_max), evenly spaced in log T;
// logits as softmax() requires them.
TemperatureSweep temperature_sweep(const Eigen::VectorXd& logits, int count = 201,
                                   double t_min = kSweepMinTemperature, double t_max = kSweepMaxTemperature);

// The same sweep with `temperature` itself one of its columns (put in order among the others unless
// it is one already), `marked` its index: the chart passes through softmax(z, T) at the slider's T
// exactly, where a line between two neighbouring columns would only come near it. A temperature
// outside [t_min, t_max] is not added (marked stays −1).
TemperatureSweep temperature_sweep_marked(const Eigen::VectorXd& logits, double temperature, int count = 201,
                                          double t_min = kSweepMinTemperature, double t_max = kSweepMaxTemperature);

}  // namespace actviz
