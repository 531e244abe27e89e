#pragma once
// A VectorXd written inline in a test: vec({1000, 1001, 1002}).

#include <Eigen/Core>

#include <initializer_list>

namespace actviz::test {

inline Eigen::VectorXd vec(std::initializer_list<double> values) {
    Eigen::VectorXd v(static_cast<Eigen::Index>(values.size()));
    Eigen::Index i = 0;
    for (double value : values) v[i++] = value;
    return v;
}

}  // namespace actviz::test
