#include "research.h"

#include "error.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numeric>
#include <string>

namespace vitscope {

namespace {

using MatrixD = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

std::string gridText(const TokenLayout& layout)
{
    return std::to_string(layout.grid_h) + "x" + std::to_string(layout.grid_w);
}

} // namespace

PrincipalComponents principalComponents(std::span<const float> rows, int n, int dims, int k)
{
    if (n < 2 || dims < 1 || rows.size() != static_cast<std::size_t>(n) * dims)
        throw Error("PCA: " + std::to_string(rows.size()) + " values are not " + std::to_string(n) + " rows of "
                    + std::to_string(dims) + " (at least 2 rows needed)");
    if (k < 1 || k > std::min(n, dims))
        throw Error("PCA: " + std::to_string(k) + " components of " + std::to_string(n) + " rows of "
                    + std::to_string(dims));
    const MatrixD x = Eigen::Map<const Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(
                          rows.data(), n, dims)
                          .cast<double>(); // (N, D)
    const Eigen::RowVectorXd mean = x.colwise().mean();
    const MatrixD centred = x.rowwise() - mean; // (N, D)
    // The smaller of the two eigenproblems: the covariance (D, D), or with fewer rows than
    // features the Gram matrix (N, N), whose eigenvectors u give the directions centred^T u.
    const bool gram = n < dims;
    MatrixD product = gram ? MatrixD(centred * centred.transpose()) : MatrixD(centred.transpose() * centred);
    product /= static_cast<double>(n - 1);
    const Eigen::SelfAdjointEigenSolver<MatrixD> solver(product);
    if (solver.info() != Eigen::Success)
        throw Error("PCA: the eigensolver did not converge");

    PrincipalComponents pca;
    pca.rows = n;
    pca.dims = dims;
    pca.count = k;
    pca.mean.assign(mean.data(), mean.data() + dims);
    pca.scores.resize(static_cast<std::size_t>(n) * k);
    for (int c = 0; c < k; ++c) {
        // Eigenvalues come in ascending order: the largest is last.
        const int column = static_cast<int>(product.rows()) - 1 - c;
        Eigen::VectorXd direction = gram ? Eigen::VectorXd(centred.transpose() * solver.eigenvectors().col(column))
                                         : Eigen::VectorXd(solver.eigenvectors().col(column)); // (D)
        direction.normalize();
        Eigen::VectorXd score = centred * direction; // (N)
        if (score.array().cube().sum() < 0.0) {
            direction = -direction;
            score = -score;
        }
        pca.components.insert(pca.components.end(), direction.data(), direction.data() + dims);
        pca.variance.push_back(std::max(0.0, solver.eigenvalues()(column)));
        for (int r = 0; r < n; ++r)
            pca.scores[static_cast<std::size_t>(r) * k + c] = static_cast<float>(score(r));
    }
    return pca;
}

FeaturePca featurePca(std::span<const Result* const> results, float threshold)
{
    if (results.empty())
        throw Error("feature PCA: no pictures");
    const int dims = static_cast<int>(results.front()->features.size()) / std::max(1, results.front()->layout.tokens());
    std::vector<float> patches; // (N, D), every picture's patch tokens in turn
    for (const Result* r : results) {
        const TokenLayout& layout = r->layout;
        if (layout.grid_h <= 0 || r->features.size() != static_cast<std::size_t>(layout.tokens()) * dims)
            throw Error("feature PCA: a result without features of hidden size " + std::to_string(dims) + " (grid "
                        + gridText(layout) + ", " + std::to_string(r->features.size()) + " values)");
        const auto begin = r->features.begin() + static_cast<std::ptrdiff_t>(layout.patch_begin) * dims;
        patches.insert(patches.end(), begin, r->features.end());
    }
    const int n = static_cast<int>(patches.size() / static_cast<std::size_t>(dims));
    if (n < 3 || dims < 3)
        throw Error("feature PCA: " + std::to_string(n) + " patches of " + std::to_string(dims)
                    + " features are too few for three components");

    FeaturePca out;
    out.fit = principalComponents(patches, n, dims, 3);
    const std::vector<float>& s = out.fit.scores; // (N, 3)
    float low[3], high[3];
    for (int c = 0; c < 3; ++c) {
        low[c] = high[c] = s[static_cast<std::size_t>(c)];
        for (int row = 1; row < n; ++row) {
            low[c] = std::min(low[c], s[static_cast<std::size_t>(row) * 3 + c]);
            high[c] = std::max(high[c], s[static_cast<std::size_t>(row) * 3 + c]);
        }
    }
    int row = 0;
    for (const Result* r : results) {
        const int count = r->layout.grid_h * r->layout.grid_w;
        std::vector<float> rgb(static_cast<std::size_t>(count) * 3); // (gh, gw, 3)
        std::vector<float> mask(static_cast<std::size_t>(count));   // (gh, gw)
        for (int p = 0; p < count; ++p, ++row) {
            for (int c = 0; c < 3; ++c) {
                const float range = high[c] - low[c];
                const float v = s[static_cast<std::size_t>(row) * 3 + c];
                rgb[static_cast<std::size_t>(p) * 3 + c] = range > 0.0f ? (v - low[c]) / range : 0.0f;
            }
            mask[p] = s[static_cast<std::size_t>(row) * 3] > threshold ? 1.0f : 0.0f;
        }
        out.rgb.push_back(std::move(rgb));
        out.foreground.push_back(std::move(mask));
    }
    return out;
}

FeaturePca featurePca(const Result& result, float threshold)
{
    const Result* one[] = {&result};
    return featurePca(one, threshold);
}

TokenNorms tokenNorms(const Result& result)
{
    const int T = result.layout.tokens();
    const int L = result.attentions.layers;
    const std::size_t streams = static_cast<std::size_t>(L + 1) * T;
    if (L <= 0 || T <= 0 || result.residuals.empty() || result.residuals.size() % streams != 0)
        throw Error("token norms: the run kept no residual streams (" + std::to_string(result.residuals.size())
                    + " values for " + std::to_string(L) + " layers and " + std::to_string(T) + " tokens)");
    const std::size_t D = result.residuals.size() / streams;
    TokenNorms norms;
    norms.layers = L;
    norms.tokens = T;
    norms.norms.resize(static_cast<std::size_t>(L) * T); // (L, T)
    for (int l = 0; l < L; ++l)
        for (int t = 0; t < T; ++t) {
            // Stream l + 1 is what block l hands on; stream 0 is the embedding.
            const float* x = result.residuals.data() + (static_cast<std::size_t>(l + 1) * T + t) * D;
            double sum = 0.0;
            for (std::size_t d = 0; d < D; ++d)
                sum += static_cast<double>(x[d]) * x[d];
            norms.norms[static_cast<std::size_t>(l) * T + t] = static_cast<float>(std::sqrt(sum));
        }
    return norms;
}

std::vector<float> patchNormMap(const TokenNorms& norms, const TokenLayout& layout, int layer)
{
    if (layer < 0 || layer >= norms.layers || norms.tokens != layout.tokens())
        throw Error("token norms: layer " + std::to_string(layer) + " of " + std::to_string(norms.layers)
                    + " layers, " + std::to_string(norms.tokens) + " tokens for a layout of "
                    + std::to_string(layout.tokens()));
    const int patches = layout.grid_h * layout.grid_w;
    std::vector<float> map(static_cast<std::size_t>(patches)); // (gh, gw)
    for (int p = 0; p < patches; ++p)
        map[p] = norms.at(layer, layout.patch_begin + p);
    return map;
}

std::vector<float> attentionMasks(const Result& result, float fraction, int layer)
{
    const Attentions& a = result.attentions;
    const TokenLayout& layout = result.layout;
    if (layout.cls < 0)
        throw Error("attention masks: the model has no class token");
    if (layer == -1)
        layer = a.layers - 1;
    if (layer < 0 || layer >= a.layers || a.tokens != layout.tokens()
        || a.data.size() != static_cast<std::size_t>(a.layers) * a.heads * a.tokens * a.tokens)
        throw Error("attention masks: layer " + std::to_string(layer) + " of a result with "
                    + std::to_string(a.layers) + " layers of attentions");
    if (!(fraction > 0.0f && fraction <= 1.0f))
        throw Error("attention masks: fraction " + std::to_string(fraction) + " is outside (0, 1]");
    const int patches = layout.grid_h * layout.grid_w;
    std::vector<float> masks(static_cast<std::size_t>(a.heads) * patches, 0.0f); // (H, gh, gw)
    std::vector<int> order(static_cast<std::size_t>(patches));
    std::vector<double> value(static_cast<std::size_t>(patches));
    for (int h = 0; h < a.heads; ++h) {
        double total = 0.0;
        for (int p = 0; p < patches; ++p)
            total += value[p] = a.at(layer, h, layout.cls, layout.patch_begin + p);
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](int x, int y) { return value[x] < value[y]; });
        double running = 0.0;
        for (int p : order) {
            running += total > 0.0 ? value[p] / total : 0.0;
            if (running > 1.0 - fraction)
                masks[static_cast<std::size_t>(h) * patches + p] = 1.0f;
        }
    }
    return masks;
}

} // namespace vitscope
