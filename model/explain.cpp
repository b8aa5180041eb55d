#include "explain.h"

#include "error.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cstddef>
#include <numeric>
#include <string>

namespace vitscope {

namespace {

using Matrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

void checkAttentions(const Result& result, const char* what)
{
    const Attentions& a = result.attentions;
    const std::size_t expected = static_cast<std::size_t>(a.layers) * a.heads * a.tokens * a.tokens;
    if (a.layers <= 0 || a.heads <= 0 || a.tokens <= 0 || a.data.size() != expected)
        throw Error(std::string(what) + ": the result holds no attentions (layers "
                    + std::to_string(a.layers) + ", heads " + std::to_string(a.heads) + ", tokens "
                    + std::to_string(a.tokens) + ", " + std::to_string(a.data.size()) + " values)");
    if (result.layout.tokens() != a.tokens || result.layout.grid_h <= 0 || result.layout.grid_w <= 0)
        throw Error(std::string(what) + ": token layout (" + std::to_string(result.layout.tokens())
                    + " tokens, grid " + std::to_string(result.layout.grid_h) + "x"
                    + std::to_string(result.layout.grid_w) + ") does not match the attentions' "
                    + std::to_string(a.tokens) + " tokens");
}

// Heads of one layer fused into one (T, T) map.
Matrix fuseHeads(const Attentions& a, int layer, HeadFusion fusion)
{
    using ConstMap = Eigen::Map<const Matrix>;
    Matrix fused = ConstMap(a.map(layer, 0), a.tokens, a.tokens); // (T, T)
    for (int h = 1; h < a.heads; ++h) {
        const ConstMap head(a.map(layer, h), a.tokens, a.tokens);
        switch (fusion) {
        case HeadFusion::Mean: fused += head; break;
        case HeadFusion::Max: fused = fused.cwiseMax(head); break;
        case HeadFusion::Min: fused = fused.cwiseMin(head); break;
        }
    }
    if (fusion == HeadFusion::Mean)
        fused /= static_cast<float>(a.heads);
    return fused;
}

} // namespace

std::vector<float> attentionMap(const Result& result, int layer, int head, int query, HeadFusion fusion)
{
    checkAttentions(result, "attention map");
    const Attentions& a = result.attentions;
    if (layer < 0 || layer >= a.layers || head < -1 || head >= a.heads || query < 0 || query >= a.tokens)
        throw Error("attention map: layer " + std::to_string(layer) + ", head " + std::to_string(head)
                    + ", query " + std::to_string(query) + " out of range (" + std::to_string(a.layers)
                    + " layers, " + std::to_string(a.heads) + " heads, " + std::to_string(a.tokens) + " tokens)");
    const TokenLayout& layout = result.layout;
    const int patches = layout.grid_h * layout.grid_w;
    std::vector<float> map(static_cast<std::size_t>(patches)); // (gh, gw)
    for (int p = 0; p < patches; ++p) {
        const int key = layout.patch_begin + p;
        if (head >= 0) {
            map[p] = a.at(layer, head, query, key);
            continue;
        }
        float v = a.at(layer, 0, query, key);
        for (int h = 1; h < a.heads; ++h) {
            const float x = a.at(layer, h, query, key);
            switch (fusion) {
            case HeadFusion::Mean: v += x; break;
            case HeadFusion::Max: v = std::max(v, x); break;
            case HeadFusion::Min: v = std::min(v, x); break;
            }
        }
        map[p] = fusion == HeadFusion::Mean ? v / static_cast<float>(a.heads) : v;
    }
    return map;
}

std::vector<float> attentionRollout(const Result& result, HeadFusion fusion, float discard_ratio)
{
    checkAttentions(result, "attention rollout");
    if (!(discard_ratio >= 0.0f && discard_ratio < 1.0f))
        throw Error("attention rollout: discard ratio " + std::to_string(discard_ratio)
                    + " is outside [0, 1)");
    const Attentions& a = result.attentions;
    const TokenLayout& layout = result.layout;
    const int T = a.tokens;
    const std::size_t entries = static_cast<std::size_t>(T) * T;
    const auto discard = static_cast<std::size_t>(static_cast<double>(entries) * discard_ratio);
    const std::size_t kept = layout.cls >= 0 ? static_cast<std::size_t>(layout.cls) * T + layout.cls : entries;

    Matrix rollout = Matrix::Identity(T, T); // (T, T)
    Matrix step(T, T);
    std::vector<std::size_t> order(entries);
    for (int layer = 0; layer < a.layers; ++layer) {
        Matrix fused = fuseHeads(a, layer, fusion); // (T, T)
        if (discard > 0) {
            // The `discard` smallest entries, ties broken by position so the set is well defined.
            std::iota(order.begin(), order.end(), std::size_t{0});
            const float* v = fused.data();
            std::nth_element(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(discard - 1),
                             order.end(), [v](std::size_t x, std::size_t y) {
                                 return v[x] < v[y] || (v[x] == v[y] && x < y);
                             });
            for (std::size_t i = 0; i < discard; ++i)
                if (order[i] != kept)
                    fused.data()[order[i]] = 0.0f;
        }
        fused += Matrix::Identity(T, T);
        fused.array().colwise() /= fused.rowwise().sum().array();
        step.noalias() = fused * rollout;
        rollout.swap(step);
    }

    const int patches = layout.grid_h * layout.grid_w;
    std::vector<float> map(static_cast<std::size_t>(patches)); // (gh, gw)
    for (int p = 0; p < patches; ++p) {
        const int key = layout.patch_begin + p;
        if (layout.cls >= 0) {
            map[p] = rollout(layout.cls, key);
        } else {
            // No class token: what the average-pooled output draws from each patch.
            float sum = 0.0f;
            for (int q = 0; q < patches; ++q)
                sum += rollout(layout.patch_begin + q, key);
            map[p] = sum / static_cast<float>(patches);
        }
    }
    return map;
}

} // namespace vitscope
