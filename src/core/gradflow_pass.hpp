#pragma once
// The forward and backward pass behind simulate_gradient_flow, in float or double (internal to core).

#include "core/gradflow.hpp"

namespace actviz::detail {

template <typename Scalar>
GradflowResult gradflow_pass(const GradflowConfig& config, const Network& network, const GradflowBatch& data,
                             const GradflowControl& control);

extern template GradflowResult gradflow_pass<float>(const GradflowConfig&, const Network&, const GradflowBatch&,
                                                    const GradflowControl&);
extern template GradflowResult gradflow_pass<double>(const GradflowConfig&, const Network&, const GradflowBatch&,
                                                     const GradflowControl&);

// Columns per slice of the batch: each slice runs the whole forward and backward pass on its own
// (samples are independent until ∂L/∂W sums over them), so threads never wait for each other
// inside a pass. The split depends on the batch only, so results do not depend on the thread count.
int gradflow_slice_count(int batch);

// Worker threads a run uses: control.threads, or every hardware thread when 0.
int gradflow_thread_count(const GradflowControl& control);

}  // namespace actviz::detail
