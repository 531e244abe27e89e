#pragma once
// The benchmarks' data set, the one the peers' scripts (compare_peers.sh) make too: 600 spiral
// points in 3 classes, noise 0.2, all of them for training.

#include "core/dataset.hpp"

inline actviz::Dataset spiral600() {
    actviz::DatasetConfig data;
    data.kind = actviz::DatasetKind::Spiral;
    data.classes = 3;
    data.points = 600;
    data.noise = 0.2;
    data.test_ratio = 0;
    return actviz::make_dataset(data);
}
