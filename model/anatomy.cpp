#include "anatomy.h"

#include "error.h"
#include "kernels.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <span>
#include <string>

namespace vitscope {

namespace {

using RowMatrixF = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using RowMatrixD = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

} // namespace

FilterComponents patchFilterComponents(const Model& model, int count)
{
    if (count < 1)
        throw Error("patch filter components: asked for " + std::to_string(count) + " components");
    const ViTConfig& c = model.config();
    const int D = c.hidden, M = c.channels * c.patch * c.patch;
    // (D, C*P*P) filters, centred: PCA in double, so that small components keep their digits.
    RowMatrixD filters = Eigen::Map<const RowMatrixF>(model.weights().patch_w.data(), D, M).cast<double>();
    filters.rowwise() -= filters.colwise().mean();

    // The eigenvectors of the (M, M) covariance, or, with fewer filters than values per filter, of
    // the (D, D) Gram matrix mapped back: same non-zero spectrum, the smaller problem.
    Eigen::VectorXd eigenvalues;  // ascending
    RowMatrixD directions;        // (M, n) columns: unit eigenvectors of the covariance
    if (M <= D) {
        RowMatrixD covariance(M, M);
        covariance.noalias() = filters.transpose() * filters / D;
        const Eigen::SelfAdjointEigenSolver<RowMatrixD> solver(covariance);
        eigenvalues = solver.eigenvalues();
        directions = solver.eigenvectors();
    } else {
        RowMatrixD gram(D, D);
        gram.noalias() = filters * filters.transpose() / D;
        const Eigen::SelfAdjointEigenSolver<RowMatrixD> solver(gram);
        eigenvalues = solver.eigenvalues();
        directions.noalias() = filters.transpose() * solver.eigenvectors(); // (M, D), column norms sqrt(D lambda)
        for (int j = 0; j < D; ++j)
            directions.col(j) /= std::max(directions.col(j).norm(), 1e-300);
    }

    FilterComponents result;
    result.channels = c.channels;
    result.patch = c.patch;
    result.total_variance = filters.squaredNorm() / D;
    // Directions the filters do not span (rounding noise) are not components.
    const double floor = 1e-12 * std::max(result.total_variance, 1e-300);
    const int available = static_cast<int>(eigenvalues.size());
    for (int j = available - 1; j >= 0 && result.count < count && eigenvalues(j) > floor; --j) {
        Eigen::VectorXd v = directions.col(j);
        Eigen::Index largest = 0;
        v.cwiseAbs().maxCoeff(&largest);
        if (v(largest) < 0)
            v = -v;
        for (int i = 0; i < M; ++i)
            result.components.push_back(static_cast<float>(v(i)));
        result.variances.push_back(eigenvalues(j));
        ++result.count;
    }
    return result;
}

PositionSimilarity positionSimilarity(const Model& model)
{
    const ViTConfig& c = model.config();
    const int D = c.hidden;
    PositionSimilarity result;
    result.grid_h = c.image_height / c.patch;
    result.grid_w = c.image_width / c.patch;
    const int N = result.grid_h * result.grid_w;
    const std::vector<float>& pos = model.weights().pos_embed; // (Npos, D), the patch rows last
    const std::size_t prefix = pos.size() / D - static_cast<std::size_t>(N);
    RowMatrixF unit = Eigen::Map<const RowMatrixF>(pos.data() + prefix * D, N, D); // (N, D)
    for (int i = 0; i < N; ++i) {
        const float norm = unit.row(i).norm();
        // A zero embedding points nowhere: similar to nothing, itself included.
        if (norm > 0.0f)
            unit.row(i) /= norm;
    }
    result.values.resize(static_cast<std::size_t>(N) * N);
    Eigen::Map<RowMatrixF> similarity(result.values.data(), N, N);
    similarity.noalias() = unit * unit.transpose();
    return result;
}

std::vector<float> meanAttentionDistance(const Result& result, int patch)
{
    const Attentions& a = result.attentions;
    const TokenLayout& layout = result.layout;
    if (patch < 1)
        throw Error("mean attention distance: patch size " + std::to_string(patch));
    if (a.layers <= 0 || a.heads <= 0 || a.tokens != layout.tokens() || layout.grid_h <= 0 || layout.grid_w <= 0
        || a.data.size() != static_cast<std::size_t>(a.layers) * a.heads * a.tokens * a.tokens)
        throw Error("mean attention distance: the result holds no attentions over a " + std::to_string(layout.grid_h)
                    + "x" + std::to_string(layout.grid_w) + " grid (" + std::to_string(a.layers) + " layers, "
                    + std::to_string(a.heads) + " heads, " + std::to_string(a.tokens) + " tokens)");
    const int N = layout.grid_h * layout.grid_w, T = a.tokens, gw = layout.grid_w;
    std::vector<float> distance(static_cast<std::size_t>(N) * N); // (N, N) pixels between patch centres
    for (int q = 0; q < N; ++q)
        for (int k = 0; k < N; ++k)
            distance[static_cast<std::size_t>(q) * N + k] =
                static_cast<float>(patch * std::hypot(q / gw - k / gw, q % gw - k % gw));

    std::vector<float> mean(static_cast<std::size_t>(a.layers) * a.heads); // (L, H)
#pragma omp parallel for schedule(dynamic)
    for (int lh = 0; lh < a.layers * a.heads; ++lh) {
        const float* map = a.map(lh / a.heads, lh % a.heads); // (T, T)
        double sum = 0.0;
        int queries = 0;
        for (int q = 0; q < N; ++q) {
            const float* row = map + static_cast<std::size_t>(layout.patch_begin + q) * T + layout.patch_begin;
            const float* d = distance.data() + static_cast<std::size_t>(q) * N;
            double weighted = 0.0, weight = 0.0;
            for (int k = 0; k < N; ++k) {
                weighted += static_cast<double>(row[k]) * d[k];
                weight += row[k];
            }
            if (weight > 0.0) {
                sum += weighted / weight;
                ++queries;
            }
        }
        mean[lh] = queries > 0 ? static_cast<float>(sum / queries) : 0.0f;
    }
    return mean;
}

LayerReadout layerReadout(const Model& model, const Result& result)
{
    const ViTConfig& c = model.config();
    const std::string what = "layer readout for model '" + c.name + "': ";
    if (c.num_labels <= 0)
        throw Error(what + "the model has no classifier, so there is no answer to read");
    const std::size_t T = result.layout.tokens(), D = c.hidden, L = c.layers;
    if (result.residuals.empty())
        throw Error(what + "the result holds no residual streams: run the model with RunControl::keep_residuals");
    if (result.residuals.size() != (L + 1) * T * D)
        throw Error(what + "the result's residual streams hold " + std::to_string(result.residuals.size())
                    + " values, not (" + std::to_string(L + 1) + ", " + std::to_string(T) + ", "
                    + std::to_string(D) + ")");
    LayerReadout readout;
    readout.steps = static_cast<int>(L) + 1;
    readout.classes = c.num_labels;
    readout.logits.reserve(static_cast<std::size_t>(readout.steps) * readout.classes);
    for (int step = 0; step < readout.steps; ++step) {
        const std::span<const float> residual(result.residuals.data() + step * T * D, T * D); // (T, D)
        const std::vector<float> logits = model.headLogits(residual, result.layout);          // (K)
        readout.logits.insert(readout.logits.end(), logits.begin(), logits.end());
    }
    readout.probabilities = readout.logits;
    kernels::softmaxRows(readout.probabilities.data(), readout.steps, readout.classes);
    return readout;
}

} // namespace vitscope
