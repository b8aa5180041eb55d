// The numbers behind the "How it works" page (anatomy.h), each against an independent
// computation: hand-built attention maps and position embeddings with answers worked out by
// hand, filter components against the covariance built here and power iteration, and the layer
// readout against the model's own answer and a plain-loop head on the real transformers fixture.
#include "anatomy.h"
#include "error.h"
#include "npy.h"
#include "testresults.h"

#include <QtTest>

#include <cmath>
#include <filesystem>
#include <numbers>
#include <vector>

using namespace vitscope;
using namespace vitscope::testing;

namespace {

const std::filesystem::path dataDir = VITSCOPE_TEST_DATA;

// (T, T) attention with rows[query] = {key, weight} pairs; other entries 0.
std::vector<float> sparse(int T, const std::vector<std::vector<std::pair<int, float>>>& rows)
{
    std::vector<float> m(static_cast<std::size_t>(T) * T, 0.0f);
    for (int q = 0; q < static_cast<int>(rows.size()); ++q)
        for (const auto& [key, weight] : rows[q])
            m[static_cast<std::size_t>(q) * T + key] = weight;
    return m;
}

// A one-layer model with class token, zero weights except the patch filters and position rows
// given: enough for what anatomy.h reads from weights. D = filters' rows, grid (gh, gw) of P.
Model tinyModel(int D, int P, int gh, int gw, std::vector<float> patch_w, std::vector<float> pos_embed,
                bool pos_prefix)
{
    ViTConfig c;
    c.name = "tiny";
    c.hidden = D;
    c.layers = 1;
    c.heads = 1;
    c.mlp = 4;
    c.patch = P;
    c.image_height = gh * P;
    c.image_width = gw * P;
    c.pos_embed_has_prefix = pos_prefix;
    Weights w;
    const auto zeros = [](std::size_t n) { return std::vector<float>(n, 0.0f); };
    const std::size_t d = D, I = c.mlp;
    w.patch_w = std::move(patch_w);
    w.patch_b = zeros(d);
    w.cls_token = zeros(d);
    w.pos_embed = std::move(pos_embed);
    LayerWeights l;
    l.norm1_w = l.norm1_b = l.norm2_w = l.norm2_b = l.proj_b = l.fc2_b = zeros(d);
    l.qkv_w = zeros(3 * d * d);
    l.qkv_b = zeros(3 * d);
    l.proj_w = zeros(d * d);
    l.fc1_w = zeros(I * d);
    l.fc1_b = zeros(I);
    l.fc2_w = zeros(d * I);
    w.layers.push_back(l);
    return Model(c, w);
}

// Deterministic values in [-1, 1) (a linear congruential generator), with a few directions made
// stronger than others so that the spectrum has clear gaps.
std::vector<float> filters(int D, int M, unsigned seed)
{
    std::vector<float> w(static_cast<std::size_t>(D) * M);
    unsigned state = seed;
    for (std::size_t i = 0; i < w.size(); ++i) {
        state = state * 1664525u + 1013904223u;
        const float u = static_cast<float>(state >> 8) / 16777216.0f * 2.0f - 1.0f;
        w[i] = u / static_cast<float>(1 + i % M);
    }
    return w;
}

using Matrix = std::vector<std::vector<double>>;

// The (M, M) covariance of the centred rows of w (D, M), in plain loops.
Matrix covariance(const std::vector<float>& w, int D, int M)
{
    std::vector<double> mean(M, 0.0);
    for (int r = 0; r < D; ++r)
        for (int i = 0; i < M; ++i)
            mean[i] += w[static_cast<std::size_t>(r) * M + i] / D;
    Matrix cov(M, std::vector<double>(M, 0.0));
    for (int r = 0; r < D; ++r)
        for (int i = 0; i < M; ++i)
            for (int j = 0; j < M; ++j)
                cov[i][j] += (w[static_cast<std::size_t>(r) * M + i] - mean[i])
                             * (w[static_cast<std::size_t>(r) * M + j] - mean[j]) / D;
    return cov;
}

std::vector<double> times(const Matrix& a, const std::vector<double>& v)
{
    std::vector<double> out(v.size(), 0.0);
    for (std::size_t i = 0; i < v.size(); ++i)
        for (std::size_t j = 0; j < v.size(); ++j)
            out[i] += a[i][j] * v[j];
    return out;
}

double dot(const std::vector<double>& a, const std::vector<double>& b)
{
    double s = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i)
        s += a[i] * b[i];
    return s;
}

// The leading eigenvectors of a symmetric matrix by power iteration with deflation.
std::vector<std::vector<double>> powerIteration(Matrix a, int count)
{
    std::vector<std::vector<double>> vectors;
    const std::size_t n = a.size();
    for (int c = 0; c < count; ++c) {
        std::vector<double> v(n);
        for (std::size_t i = 0; i < n; ++i)
            v[i] = 1.0 + 0.01 * static_cast<double>(i);
        double lambda = 0.0, change = 1.0;
        for (int it = 0; it < 20000 && change > 1e-13; ++it) {
            std::vector<double> next = times(a, v);
            lambda = std::sqrt(dot(next, next));
            change = 0.0;
            for (std::size_t i = 0; i < n; ++i) {
                next[i] /= lambda;
                change = std::max(change, std::abs(next[i] - v[i]));
            }
            v = next;
        }
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < n; ++j)
                a[i][j] -= lambda * v[i] * v[j];
        vectors.push_back(v);
    }
    return vectors;
}

std::vector<double> component(const FilterComponents& pcs, int k)
{
    const std::size_t M = static_cast<std::size_t>(pcs.channels) * pcs.patch * pcs.patch;
    return {pcs.components.begin() + static_cast<long>(k * M), pcs.components.begin() + static_cast<long>((k + 1) * M)};
}

// Orthonormal rows, descending variances, each row an eigenvector of the brute-force covariance
// with its variance as eigenvalue, the largest entry positive, and the leading rows equal (up to
// sign) to what power iteration finds.
void checkComponents(const FilterComponents& pcs, const std::vector<float>& w, int D, int M, int leading)
{
    const Matrix cov = covariance(w, D, M);
    double trace = 0.0;
    for (int i = 0; i < M; ++i)
        trace += cov[i][i];
    QVERIFY(std::abs(pcs.total_variance - trace) <= 1e-9 * trace);
    QCOMPARE(pcs.components.size(), static_cast<std::size_t>(pcs.count) * M);
    for (int a = 0; a < pcs.count; ++a) {
        const std::vector<double> va = component(pcs, a);
        for (int b = 0; b <= a; ++b)
            QVERIFY2(std::abs(dot(va, component(pcs, b)) - (a == b ? 1.0 : 0.0)) < 1e-5,
                     qPrintable(QStringLiteral("components %1, %2").arg(a).arg(b)));
        if (a > 0)
            QVERIFY(pcs.variances[a] <= pcs.variances[a - 1]);
        const std::vector<double> cv = times(cov, va);
        double residual = 0.0;
        for (int i = 0; i < M; ++i)
            residual = std::max(residual, std::abs(cv[i] - pcs.variances[a] * va[i]));
        QVERIFY2(residual <= 1e-5 * pcs.variances.front(),
                 qPrintable(QStringLiteral("component %1: |C v - lambda v| = %2").arg(a).arg(residual)));
        const auto largest = std::max_element(va.begin(), va.end(),
                                              [](double x, double y) { return std::abs(x) < std::abs(y); });
        QVERIFY(*largest > 0.0);
    }
    const auto reference = powerIteration(cov, leading);
    for (int k = 0; k < leading; ++k)
        QVERIFY2(std::abs(std::abs(dot(component(pcs, k), reference[k])) - 1.0) < 1e-4,
                 qPrintable(QStringLiteral("component %1 differs from power iteration").arg(k)));
}

} // namespace

class TestAnatomy : public QObject {
    Q_OBJECT
private slots:
    void attentionDistanceOfHandBuiltMaps();
    void attentionDistanceLeavesOutPrefixAndSilentQueries();
    void attentionDistanceOfARun();
    void positionSimilarityOfHandBuiltRows();
    void positionSimilarityOfTheFixture();
    void filterComponentsMoreFiltersThanValues();
    void filterComponentsFewerFiltersThanValues();
    void filterComponentsOfTheFixture();
    void readoutEndsWithTheModelsAnswer();
    void readoutMatchesAPlainLoopHead();
    void readoutStartsWithoutThePicture();
    void rejectsBadInput();
};

// 2 x 2 grid, P = 8, T = 5 (class token first). Distances from a corner: 0, 8, 8, 8 sqrt 2.
void TestAnatomy::attentionDistanceOfHandBuiltMaps()
{
    const int T = 5;
    const std::vector<std::vector<std::pair<int, float>>> cls{{{0, 1.0f}}};
    // Layer 0, head 0: every patch looks at itself only.
    auto self = cls;
    // Head 1: every patch looks at all four patches alike: (0 + 8 + 8 + 8 sqrt 2) / 4.
    auto uniform = cls;
    // Layer 1, head 0: half to the class token, half to the patch beside it in its row: 8 after
    // renormalising over the patches.
    auto beside = cls;
    // Head 1: half to itself, half to the opposite corner: 4 sqrt 2.
    auto opposite = cls;
    for (int q = 0; q < 4; ++q) {
        const int row = q / 2, col = q % 2;
        self.push_back({{1 + q, 1.0f}});
        uniform.push_back({{1, 0.25f}, {2, 0.25f}, {3, 0.25f}, {4, 0.25f}});
        beside.push_back({{0, 0.5f}, {1 + row * 2 + (1 - col), 0.5f}});
        opposite.push_back({{1 + q, 0.5f}, {1 + (1 - row) * 2 + (1 - col), 0.5f}});
    }
    const Result r = makeResult(2, 2, {{sparse(T, self), sparse(T, uniform)}, {sparse(T, beside), sparse(T, opposite)}});
    const std::vector<float> got = meanAttentionDistance(r, 8);
    const std::vector<float> want{0.0f, 4.0f + 2.0f * std::numbers::sqrt2_v<float>, 8.0f,
                                  4.0f * std::numbers::sqrt2_v<float>};
    QCOMPARE(got.size(), want.size());
    for (std::size_t i = 0; i < want.size(); ++i)
        QVERIFY2(std::abs(got[i] - want[i]) < 1e-5f, qPrintable(QStringLiteral("%1: %2 vs %3").arg(i).arg(got[i]).arg(want[i])));
    // Pixels scale with the patch.
    QVERIFY(std::abs(meanAttentionDistance(r, 16)[2] - 16.0f) < 1e-5f);
}

// 1 x 3 grid, P = 8. Query 0: a quarter to patch 1 (8 px), three quarters to patch 2 (16 px): 14.
// Query 1: all to patch 0: 8. Query 2: all to the class token, none to patches: left out.
// Mean over the two queries that look at patches: 11.
void TestAnatomy::attentionDistanceLeavesOutPrefixAndSilentQueries()
{
    const int T = 4;
    const Result r = makeResult(1, 3, {{sparse(T, {{{0, 1.0f}}, {{2, 0.25f}, {3, 0.75f}}, {{1, 1.0f}}, {{0, 1.0f}}})}});
    const std::vector<float> got = meanAttentionDistance(r, 8);
    QCOMPARE(got.size(), std::size_t(1));
    QVERIFY2(std::abs(got[0] - 11.0f) < 1e-5f, qPrintable(QString::number(got[0])));
    // No query looks at any patch: 0, not NaN.
    const Result blind = makeResult(1, 2, {{sparse(3, {{{0, 1.0f}}, {{0, 1.0f}}, {{0, 1.0f}}})}});
    QCOMPARE(meanAttentionDistance(blind, 8), std::vector<float>{0.0f});
}

// A real run: one value per layer and head, each within the grid's reach.
void TestAnatomy::attentionDistanceOfARun()
{
    const Model model = Model::load(dataDir / "hf_vit_cls" / "model");
    const Result result = model.run(readPixels(dataDir / "hf_vit_cls" / "pixel_values.npy"));
    const std::vector<float> distances = meanAttentionDistance(result, model.config().patch);
    QCOMPARE(distances.size(), static_cast<std::size_t>(model.config().layers) * model.config().heads);
    const double reach = model.config().patch * std::hypot(result.layout.grid_h - 1, result.layout.grid_w - 1);
    for (float d : distances)
        QVERIFY2(d > 0.0f && d < reach, qPrintable(QString::number(d)));
}

// Patch rows (1,0), (0,1), (1,1), (-2,0) after a class-token row that must be skipped.
void TestAnatomy::positionSimilarityOfHandBuiltRows()
{
    const std::vector<float> patches{1, 0, 0, 1, 1, 1, -2, 0};
    const float r = std::numbers::sqrt2_v<float> / 2; // 1 / sqrt 2
    const std::vector<float> want{1, 0, r, -1, 0, 1, r, 0, r, r, 1, -r, -1, 0, -r, 1};
    std::vector<float> withPrefix{5, 5};
    withPrefix.insert(withPrefix.end(), patches.begin(), patches.end());
    for (const bool prefix : {true, false}) {
        const Model model = tinyModel(2, 2, 2, 2, filters(2, 12, 1), prefix ? withPrefix : patches, prefix);
        const PositionSimilarity s = positionSimilarity(model);
        QCOMPARE(s.grid_h, 2);
        QCOMPARE(s.grid_w, 2);
        QCOMPARE(s.values.size(), want.size());
        for (std::size_t i = 0; i < want.size(); ++i)
            QVERIFY2(std::abs(s.values[i] - want[i]) < 1e-6f, qPrintable(QStringLiteral("%1: %2").arg(i).arg(s.values[i])));
    }
}

// The stored 14 x 14 grid of a 224 / 16 checkpoint, whatever size it runs at: 1 on the diagonal,
// and one pair computed here from the raw rows in double.
void TestAnatomy::positionSimilarityOfTheFixture()
{
    const Model model = Model::load(dataDir / "hf_vit_cls" / "model");
    const PositionSimilarity s = positionSimilarity(model);
    QCOMPARE(s.grid_h, 14);
    QCOMPARE(s.grid_w, 14);
    const int N = 196, D = model.config().hidden;
    QCOMPARE(s.values.size(), static_cast<std::size_t>(N) * N);
    for (int i = 0; i < N; ++i)
        QVERIFY(std::abs(s.values[static_cast<std::size_t>(i) * N + i] - 1.0f) < 1e-5f);
    const std::vector<float>& pos = model.weights().pos_embed; // (1 + 196, D): class token first
    QCOMPARE(pos.size(), static_cast<std::size_t>(N + 1) * D);
    const int a = 17, b = 150; // patches (1, 3) and (10, 10)
    double ab = 0.0, aa = 0.0, bb = 0.0;
    for (int k = 0; k < D; ++k) {
        const double x = pos[static_cast<std::size_t>(1 + a) * D + k], y = pos[static_cast<std::size_t>(1 + b) * D + k];
        ab += x * y;
        aa += x * x;
        bb += y * y;
    }
    const double want = ab / std::sqrt(aa * bb);
    QVERIFY2(std::abs(s.values[static_cast<std::size_t>(a) * N + b] - want) < 1e-5,
             qPrintable(QStringLiteral("%1 vs %2").arg(s.values[static_cast<std::size_t>(a) * N + b]).arg(want)));
    QCOMPARE(s.values[static_cast<std::size_t>(a) * N + b], s.values[static_cast<std::size_t>(b) * N + a]);
}

// 20 filters of 3 x 2 x 2 = 12 values: the (12, 12) covariance branch.
void TestAnatomy::filterComponentsMoreFiltersThanValues()
{
    const std::vector<float> w = filters(20, 12, 7);
    const Model model = tinyModel(20, 2, 2, 2, w, std::vector<float>(5 * 20, 0.0f), true);
    const FilterComponents pcs = patchFilterComponents(model, 6);
    QCOMPARE(pcs.count, 6);
    QCOMPARE(pcs.channels, 3);
    QCOMPARE(pcs.patch, 2);
    checkComponents(pcs, w, 20, 12, 3);
}

// 6 filters of 12 values: the (6, 6) Gram branch; centred, they span only 5 directions.
void TestAnatomy::filterComponentsFewerFiltersThanValues()
{
    const std::vector<float> w = filters(6, 12, 11);
    const Model model = tinyModel(6, 2, 2, 2, w, std::vector<float>(5 * 6, 0.0f), true);
    const FilterComponents pcs = patchFilterComponents(model, 8);
    QCOMPARE(pcs.count, 5);
    checkComponents(pcs, w, 6, 12, 3);
    double explained = 0.0;
    for (double v : pcs.variances)
        explained += v;
    QVERIFY(std::abs(explained - pcs.total_variance) < 1e-9 * pcs.total_variance);
}

// 96 filters of 3 x 16 x 16 = 768 values of a checkpoint saved by transformers.
void TestAnatomy::filterComponentsOfTheFixture()
{
    const Model model = Model::load(dataDir / "hf_vit_cls" / "model");
    const FilterComponents pcs = patchFilterComponents(model, 28);
    QCOMPARE(pcs.count, 28);
    checkComponents(pcs, model.weights().patch_w, 96, 768, 2);
}

// The last step is the head on the stream leaving the last layer: Result::logits, bit for bit.
void TestAnatomy::readoutEndsWithTheModelsAnswer()
{
    const Model model = Model::load(dataDir / "hf_vit_cls" / "model");
    const Result result = model.run(readPixels(dataDir / "hf_vit_cls" / "pixel_values.npy"), keepingResiduals());
    const LayerReadout readout = layerReadout(model, result);
    QCOMPARE(readout.steps, model.config().layers + 1);
    QCOMPARE(readout.classes, 10);
    QCOMPARE(readout.logits.size(), static_cast<std::size_t>(readout.steps) * 10);
    const auto last = [](const std::vector<float>& v) { return std::vector<float>(v.end() - 10, v.end()); };
    QCOMPARE(last(readout.logits), result.logits);
    QCOMPARE(last(readout.probabilities), result.probabilities);
    for (int step = 0; step < readout.steps; ++step) {
        double sum = 0.0;
        for (int k = 0; k < 10; ++k)
            sum += readout.probabilities[static_cast<std::size_t>(step) * 10 + k];
        QVERIFY(std::abs(sum - 1.0) < 1e-5);
    }
}

// Step 2 against a head written out here: LayerNorm of the class token's row in double, then
// head_w x + head_b.
void TestAnatomy::readoutMatchesAPlainLoopHead()
{
    const Model model = Model::load(dataDir / "hf_vit_cls" / "model");
    const Result result = model.run(readPixels(dataDir / "hf_vit_cls" / "pixel_values.npy"), keepingResiduals());
    const LayerReadout readout = layerReadout(model, result);
    const ViTConfig& c = model.config();
    const Weights& w = model.weights();
    const int D = c.hidden, K = c.num_labels, T = result.layout.tokens(), step = 2;
    const float* x = result.residuals.data() + (static_cast<std::size_t>(step) * T + result.layout.cls) * D;
    double mean = 0.0, var = 0.0;
    for (int i = 0; i < D; ++i)
        mean += x[i] / static_cast<double>(D);
    for (int i = 0; i < D; ++i)
        var += (x[i] - mean) * (x[i] - mean) / D;
    std::vector<double> normed(D);
    for (int i = 0; i < D; ++i)
        normed[i] = (x[i] - mean) / std::sqrt(var + c.layer_norm_eps) * w.norm_w[i] + w.norm_b[i];
    for (int k = 0; k < K; ++k) {
        double logit = w.head_b[k];
        for (int i = 0; i < D; ++i)
            logit += w.head_w[static_cast<std::size_t>(k) * D + i] * normed[i];
        const float got = readout.logits[static_cast<std::size_t>(step) * K + k];
        QVERIFY2(std::abs(got - logit) <= 1e-4 * std::max(1.0, std::abs(logit)),
                 qPrintable(QStringLiteral("class %1: %2 vs %3").arg(k).arg(got).arg(logit)));
    }
}

// Before the first layer the class token has seen nothing of the picture: with class-token
// pooling, step 0 reads the same for any input, and later steps do not.
void TestAnatomy::readoutStartsWithoutThePicture()
{
    const Model model = Model::load(dataDir / "hf_vit_cls" / "model");
    const Pixels pixels = readPixels(dataDir / "hf_vit_cls" / "pixel_values.npy");
    Pixels dimmed = pixels;
    for (float& v : dimmed.data)
        v *= 0.5f;
    const LayerReadout a = layerReadout(model, model.run(pixels, keepingResiduals()));
    const LayerReadout b = layerReadout(model, model.run(dimmed, keepingResiduals()));
    const auto step = [](const LayerReadout& r, int s) {
        return std::vector<float>(r.logits.begin() + s * r.classes, r.logits.begin() + (s + 1) * r.classes);
    };
    QCOMPARE(step(a, 0), step(b, 0));
    QVERIFY(step(a, a.steps - 1) != step(b, b.steps - 1));
}

void TestAnatomy::rejectsBadInput()
{
    const Model model = Model::load(dataDir / "hf_vit_cls" / "model");
    const Pixels pixels = readPixels(dataDir / "hf_vit_cls" / "pixel_values.npy");
    const Result plain = model.run(pixels);
    QVERIFY_THROWS_EXCEPTION(Error, layerReadout(model, plain)); // no residuals kept
    Result truncated = model.run(pixels, keepingResiduals());
    truncated.residuals.pop_back();
    QVERIFY_THROWS_EXCEPTION(Error, layerReadout(model, truncated));
    TokenLayout noClass = plain.layout;
    noClass.cls = -1;
    QVERIFY_THROWS_EXCEPTION(Error, model.headLogits(plain.features, noClass));

    const Model headless = Model::load(dataDir / "families" / "hf_vit_model_dino" / "model");
    const Result features = headless.run(readPixels(dataDir / "families" / "hf_vit_model_dino" / "pixel_values.npy"),
                                         keepingResiduals());
    QVERIFY_THROWS_EXCEPTION(Error, layerReadout(headless, features));

    QVERIFY_THROWS_EXCEPTION(Error, patchFilterComponents(model, 0));
    QVERIFY_THROWS_EXCEPTION(Error, meanAttentionDistance(Result{}, 16));
    QVERIFY_THROWS_EXCEPTION(Error, meanAttentionDistance(plain, 0));
}

QTEST_APPLESS_MAIN(TestAnatomy)
#include "tst_anatomy.moc"
