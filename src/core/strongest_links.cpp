#include "core/strongest_links.hpp"

#include <algorithm>
#include <cmath>

namespace actviz {

std::vector<Link> strongest_links(const Eigen::Ref<const Matrix>& weights, int budget) {
    std::vector<Link> links;
    links.reserve(static_cast<size_t>(weights.size()));
    for (Eigen::Index c = 0; c < weights.cols(); ++c) {
        for (Eigen::Index r = 0; r < weights.rows(); ++r) {
            links.push_back({static_cast<int>(r), static_cast<int>(c), weights(r, c)});
        }
    }
    // A total order (ties by column, then row), so the links chosen never depend on the sort.
    const auto stronger = [](const Link& a, const Link& b) {
        const double wa = std::fabs(a.weight), wb = std::fabs(b.weight);
        if (wa != wb) return wa > wb;
        return a.from != b.from ? a.from < b.from : a.to < b.to;
    };
    const auto keep = static_cast<size_t>(std::max(budget, 0));
    if (links.size() > keep) {
        std::nth_element(links.begin(), links.begin() + static_cast<std::ptrdiff_t>(keep), links.end(), stronger);
        links.resize(keep);
    }
    std::sort(links.begin(), links.end(), stronger);
    return links;
}

}  // namespace actviz
