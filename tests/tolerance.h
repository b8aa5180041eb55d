#pragma once
// One comparison for every test that holds a result against a reference (llm.c's check_tensor):
// the largest absolute difference, where it is, and the reference's scale for relative bounds.
// A NaN counts as an infinite difference, and tensors of different sizes never match.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <span>

struct Diff {
    double max_abs = 0.0;   // max |got - expected|
    std::size_t where = 0;  // its flat index
    float got = 0.0f;
    float expected = 0.0f;
    double ref_scale = 0.0; // max |expected|
};

inline Diff compareTensors(std::span<const float> got, std::span<const float> expected)
{
    Diff d;
    if (got.size() != expected.size()) {
        d.max_abs = std::numeric_limits<double>::infinity();
        return d;
    }
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const double e = std::abs(static_cast<double>(got[i]) - expected[i]);
        // NaN must fail, so compare with !(e <= max).
        if (!(e <= d.max_abs)) {
            d.max_abs = std::isnan(e) ? std::numeric_limits<double>::infinity() : e;
            d.where = i;
            d.got = got[i];
            d.expected = expected[i];
        }
        d.ref_scale = std::max(d.ref_scale, static_cast<double>(std::abs(expected[i])));
    }
    return d;
}
