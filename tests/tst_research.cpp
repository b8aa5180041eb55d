// The research maps against independent references: feature PCA against numpy's SVD
// (tools/make_research_reference.py) and Eigen's JacobiSVD, token norms against the reference
// library's last hidden state and the captured residual streams, DINO masks against DINO's own
// code, occlusion against the occluded inputs run one by one, deletion and insertion against a
// plain loop.
#include "perturbation.h"
#include "research.h"
#include "error.h"
#include "explain.h"
#include "preprocess.h"
#include "shapes.h"
#include "testresults.h"
#include "tolerance.h"

#include <Eigen/Dense>

#include <QTest>

#include <atomic>
#include <cmath>
#include <filesystem>

using namespace vitscope;
using namespace vitscope::testing;

namespace {

const std::filesystem::path data = VITSCOPE_TEST_DATA;
const std::filesystem::path shapesModel = data / ".." / ".." / "resources" / "model";

// |a . b| for unit vectors: 1 when they span the same line.
double alignment(const double* a, const float* b, int n)
{
    double dot = 0.0, nb = 0.0;
    for (int i = 0; i < n; ++i) {
        dot += a[i] * b[i];
        nb += static_cast<double>(b[i]) * b[i];
    }
    return std::abs(dot) / std::sqrt(nb);
}

// Largest |got - sign * expected| of column c of two (N, k) score tables, the sign taken from the
// data (PCA directions are defined up to sign), relative to the reference's largest magnitude.
double scoreError(const std::vector<float>& got, int kGot, const std::vector<float>& expected, int kExp, int c)
{
    const std::size_t n = expected.size() / static_cast<std::size_t>(kExp);
    double dot = 0.0, scale = 0.0;
    for (std::size_t r = 0; r < n; ++r)
        dot += static_cast<double>(got[r * kGot + c]) * expected[r * kExp + c];
    const double sign = dot < 0.0 ? -1.0 : 1.0;
    double worst = 0.0;
    for (std::size_t r = 0; r < n; ++r) {
        worst = std::max(worst, std::abs(got[r * kGot + c] - sign * expected[r * kExp + c]));
        scale = std::max(scale, static_cast<double>(std::abs(expected[r * kExp + c])));
    }
    return worst / scale;
}

Pixels shapePixels(const Model& model, std::uint64_t index)
{
    return preprocess(drawShape(11, index).image, model.config().preprocess);
}

int argmax(const std::vector<float>& v)
{
    return static_cast<int>(std::max_element(v.begin(), v.end()) - v.begin());
}

// The patch tokens' rows of a Result's features, (N, D).
std::vector<float> patchFeatures(const Result& r)
{
    const std::size_t D = r.features.size() / static_cast<std::size_t>(r.layout.tokens());
    return {r.features.begin() + static_cast<std::ptrdiff_t>(r.layout.patch_begin * D), r.features.end()};
}

} // namespace

class TestResearch : public QObject {
    Q_OBJECT

private slots:
    void pcaMatchesNumpySvd()
    {
        const NpyArray features = readNpy(data / "timm_vit_tiny" / "features_normed.npy"); // (T, D)
        const int D = static_cast<int>(features.shape[1]), N = static_cast<int>(features.shape[0]) - 1;
        const std::vector<float> patches(features.data.begin() + D, features.data.end());
        const PrincipalComponents pca = principalComponents(patches, N, D, 3);
        const NpyArray components = readNpy(data / "research" / "pca_timm_vit_tiny_components.npy"); // (3, D)
        const NpyArray scores = readNpy(data / "research" / "pca_timm_vit_tiny_scores.npy");         // (N, 3)
        const NpyArray variance = readNpy(data / "research" / "pca_timm_vit_tiny_variance.npy");     // (3)
        for (int c = 0; c < 3; ++c) {
            QVERIFY2(std::abs(pca.variance[c] / variance.data[c] - 1.0) < 1e-5, qPrintable(QString::number(c)));
            QVERIFY(std::abs(alignment(pca.components.data() + c * D, components.data.data() + c * D, D) - 1.0) < 1e-5);
            const double error = scoreError(pca.scores, 3, scores.data, 3, c);
            QVERIFY2(error < 1e-5, qPrintable(QStringLiteral("component %1: %2").arg(c).arg(error)));
            qInfo("component %d against numpy: scores within %.2g of their scale", c, error);
        }
    }

    void featurePcaOfARunMatchesNumpy()
    {
        // The backend's own features of the same picture: they match timm's to ~1e-5, so the
        // components and scores agree to well within 1e-3 of their scale.
        const std::filesystem::path dir = data / "timm_vit_tiny";
        const Result r = Model::load(dir / "model").run(readPixels(dir / "pixel_values.npy"));
        const FeaturePca pca = featurePca(r);
        const NpyArray scores = readNpy(data / "research" / "pca_timm_vit_tiny_scores.npy");
        for (int c = 0; c < 3; ++c) {
            const double error = scoreError(pca.fit.scores, 3, scores.data, 3, c);
            QVERIFY2(error < 1e-3, qPrintable(QStringLiteral("component %1: %2").arg(c).arg(error)));
            qInfo("component %d of the backend's features against numpy on timm's: within %.2g", c, error);
        }
        checkColoursAndMask(pca, 0, 0.0f);
        const FeaturePca raised = featurePca(r, 1.5f);
        checkColoursAndMask(raised, 0, 1.5f);
    }

    void jointPcaMatchesJacobiSvd()
    {
        // Two pictures of the built-in model fitted together: Eigen's JacobiSVD of their stacked,
        // centred patch features gives the same components, and the colours of both come from one
        // scale.
        const Model model = Model::load(shapesModel);
        const Result a = model.run(shapePixels(model, 0)), b = model.run(shapePixels(model, 1));
        const Result* both[] = {&a, &b};
        const FeaturePca joint = featurePca(both);
        std::vector<float> stacked = patchFeatures(a);
        const std::vector<float> second = patchFeatures(b);
        stacked.insert(stacked.end(), second.begin(), second.end());
        const int D = model.config().hidden, N = static_cast<int>(stacked.size()) / D;
        Eigen::MatrixXd x = Eigen::Map<const Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(
                                stacked.data(), N, D)
                                .cast<double>();
        x.rowwise() -= x.colwise().mean();
        const Eigen::JacobiSVD<Eigen::MatrixXd> svd(x, Eigen::ComputeThinU | Eigen::ComputeThinV);
        std::vector<float> reference(static_cast<std::size_t>(N) * 3);
        for (int r = 0; r < N; ++r)
            for (int c = 0; c < 3; ++c)
                reference[static_cast<std::size_t>(r) * 3 + c] = static_cast<float>(svd.matrixU()(r, c) * svd.singularValues()(c));
        for (int c = 0; c < 3; ++c) {
            const double error = scoreError(joint.fit.scores, 3, reference, 3, c);
            QVERIFY2(error < 1e-4, qPrintable(QStringLiteral("component %1: %2").arg(c).arg(error)));
            qInfo("joint component %d against JacobiSVD: within %.2g", c, error);
            const double sv = svd.singularValues()(c);
            QVERIFY(std::abs(joint.fit.variance[c] / (sv * sv / (N - 1)) - 1.0) < 1e-6);
        }
        QCOMPARE(joint.rgb.size(), std::size_t{2});
        checkColoursAndMask(joint, 0, 0.0f);
        checkColoursAndMask(joint, 1, 0.0f);
        // The same picture twice: the same colours as fitted alone (PCA of repeated rows is the same).
        const Result* twice[] = {&a, &a};
        const FeaturePca repeated = featurePca(twice), alone = featurePca(a);
        QVERIFY(compareTensors(repeated.rgb[0], alone.rgb[0]).max_abs < 1e-5);
        QVERIFY(compareTensors(repeated.rgb[1], alone.rgb[0]).max_abs < 1e-5);
    }

    void pcaWithFewerRowsThanFeatures()
    {
        // 100 of timm's patches in 192 dimensions: the Gram-matrix path, against JacobiSVD.
        const NpyArray features = readNpy(data / "timm_vit_tiny" / "features_normed.npy"); // (T, D)
        const int D = static_cast<int>(features.shape[1]), N = 100;
        const std::vector<float> rows(features.data.begin() + D, features.data.begin() + D + N * D);
        const PrincipalComponents pca = principalComponents(rows, N, D, 3);
        Eigen::MatrixXd x = Eigen::Map<const Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(
                                rows.data(), N, D)
                                .cast<double>();
        x.rowwise() -= x.colwise().mean();
        const Eigen::JacobiSVD<Eigen::MatrixXd> svd(x, Eigen::ComputeThinU | Eigen::ComputeThinV);
        for (int c = 0; c < 3; ++c) {
            const Eigen::VectorXd v = svd.matrixV().col(c);
            QVERIFY(std::abs(std::abs(Eigen::Map<const Eigen::VectorXd>(pca.components.data() + c * D, D).dot(v)) - 1.0) < 1e-9);
            const double sv = svd.singularValues()(c);
            QVERIFY(std::abs(pca.variance[c] / (sv * sv / (N - 1)) - 1.0) < 1e-9);
        }
    }

    void pcaRejectsTooFew()
    {
        const std::vector<float> rows(6, 1.0f);
        QVERIFY_THROWS_EXCEPTION(Error, principalComponents(rows, 1, 6, 1));
        QVERIFY_THROWS_EXCEPTION(Error, principalComponents(rows, 2, 3, 3));
        QVERIFY_THROWS_EXCEPTION(Error, featurePca(std::span<const Result* const>()));
    }

    void tokenNormsMatchTheCapturedStreams()
    {
        const std::filesystem::path dir = data / "hf_vit_cls";
        const Result r = Model::load(dir / "model").run(readPixels(dir / "pixel_values.npy"), keepingResiduals());
        const TokenNorms norms = tokenNorms(r);
        const int L = r.attentions.layers, T = r.layout.tokens();
        QCOMPARE(norms.layers, L);
        QCOMPARE(norms.tokens, T);
        const std::size_t D = r.residuals.size() / (static_cast<std::size_t>(L + 1) * T);
        for (int l = 0; l < L; ++l)
            for (int t = 0; t < T; ++t) {
                double sum = 0.0;
                for (std::size_t d = 0; d < D; ++d) {
                    const double v = r.residuals[((static_cast<std::size_t>(l) + 1) * T + t) * D + d];
                    sum += v * v;
                }
                QVERIFY(std::abs(norms.at(l, t) - std::sqrt(sum)) <= 1e-5 * std::sqrt(sum));
            }
        // The last layer against transformers' own last_hidden_state (before its final norm).
        const NpyArray hidden = readNpy(dir / "last_hidden_state.npy"); // (T, D)
        for (int t = 0; t < T; ++t) {
            double sum = 0.0;
            for (std::size_t d = 0; d < D; ++d)
                sum += static_cast<double>(hidden.data[t * D + d]) * hidden.data[t * D + d];
            QVERIFY2(std::abs(norms.at(L - 1, t) - std::sqrt(sum)) < 1e-4 * std::sqrt(sum), qPrintable(QString::number(t)));
        }
        const std::vector<float> map = patchNormMap(norms, r.layout, L - 1);
        QCOMPARE(map.size(), std::size_t(r.layout.grid_h * r.layout.grid_w));
        QCOMPARE(map[5], norms.at(L - 1, r.layout.patch_begin + 5));
        QVERIFY_THROWS_EXCEPTION(Error, patchNormMap(norms, r.layout, L));
        QVERIFY_THROWS_EXCEPTION(Error, tokenNorms(Model::load(dir / "model").run(readPixels(dir / "pixel_values.npy"))));
    }

    void tokenNormsWithRegisters()
    {
        // Registers sit between the class token and the patches; their norms are columns 1..4.
        const std::filesystem::path dir = data / "families" / "hf_dinov2_registers";
        const FixtureCheckpoint ck = fixtureCheckpoint(dir);
        const Result r = Model::load(ck.path, ck.options).run(readPixels(dir / "pixel_values.npy"), keepingResiduals());
        QVERIFY(r.layout.registers > 0);
        const TokenNorms norms = tokenNorms(r);
        const int T = r.layout.tokens();
        const std::size_t D = r.residuals.size() / (static_cast<std::size_t>(norms.layers + 1) * T);
        const int reg = r.layout.register_begin;
        double sum = 0.0;
        for (std::size_t d = 0; d < D; ++d) {
            const double v = r.residuals[(static_cast<std::size_t>(norms.layers) * T + reg) * D + d];
            sum += v * v;
        }
        QVERIFY(std::abs(norms.at(norms.layers - 1, reg) - std::sqrt(sum)) <= 1e-5 * std::sqrt(sum));
    }

    void dinoMasksMatchDinosCode_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::newRow("hf_vit_cls") << "hf_vit_cls";
        QTest::newRow("timm_vit_tiny") << "timm_vit_tiny";
    }

    void dinoMasksMatchDinosCode()
    {
        QFETCH(QString, fixture);
        // The reference library's attentions, so both sides read the same numbers.
        const NpyArray a = readNpy(data / fixture.toStdString() / "attentions.npy"); // (L, H, T, T)
        Result r;
        r.attentions = {static_cast<int>(a.shape[0]), static_cast<int>(a.shape[1]), static_cast<int>(a.shape[2]), a.data};
        r.layout.cls = 0;
        r.layout.patch_begin = 1;
        r.layout.grid_h = r.layout.grid_w = 14;
        const std::vector<float> masks = attentionMasks(r);
        const NpyArray expected = readNpy(data / "research" / ("dino_masks_" + fixture.toStdString() + ".npy"));
        QCOMPARE(masks, expected.data);

        // By hand: the kept patches hold at least 60 % of the mass, and without the least of
        // them less.
        const int H = r.attentions.heads, patches = 196, L = r.attentions.layers;
        for (int h = 0; h < H; ++h) {
            double total = 0.0, kept = 0.0, least = 1.0;
            for (int p = 0; p < patches; ++p) {
                const double v = r.attentions.at(L - 1, h, 0, 1 + p);
                total += v;
                if (masks[h * patches + p] == 1.0f) {
                    kept += v;
                    least = std::min(least, v);
                }
            }
            QVERIFY(kept / total >= 0.6 - 1e-6);
            QVERIFY((kept - least) / total < 0.6 + 1e-6);
        }
        QVERIFY_THROWS_EXCEPTION(Error, attentionMasks(r, 0.0f));
        QVERIFY_THROWS_EXCEPTION(Error, attentionMasks(r, 0.6f, L));
        r.layout.cls = -1;
        QVERIFY_THROWS_EXCEPTION(Error, attentionMasks(r));
    }

    void occlusionMatchesOneByOne_data()
    {
        QTest::addColumn<int>("window");
        QTest::addColumn<int>("stride");
        QTest::newRow("1x1") << 1 << 1;
        QTest::newRow("3x3 stride 2") << 3 << 2;  // the last window is flush with the edge
        QTest::newRow("2x2 stride 3") << 2 << 3;  // some patches in no window
    }

    void occlusionMatchesOneByOne()
    {
        QFETCH(int, window);
        QFETCH(int, stride);
        const Model model = Model::load(shapesModel);
        const Pixels pixels = shapePixels(model, 2);
        const int P = model.config().patch, g = pixels.height / P;
        const float full = model.run(pixels).probabilities[3];
        int calls = 0, last = 0;
        RunControl control;
        control.progress = [&](int done, int total) {
            ++calls;
            QVERIFY(done > last && done <= total);
            last = done;
        };
        const std::vector<float> map = occlusionSensitivity(model, pixels, 3, {window, stride}, control);
        QVERIFY(calls > 0);

        // The windows written out, each occluded input built pixel by pixel and run alone.
        std::vector<int> starts;
        for (int x = 0; x <= g - window; x += stride)
            starts.push_back(x);
        if (starts.back() != g - window)
            starts.push_back(g - window);
        std::vector<double> sum(static_cast<std::size_t>(g) * g, 0.0), count(sum.size(), 0.0);
        for (int top : starts)
            for (int left : starts) {
                Pixels occluded = pixels;
                for (int c = 0; c < 3; ++c)
                    for (int y = 0; y < pixels.height; ++y)
                        for (int x = 0; x < pixels.width; ++x)
                            if (y / P >= top && y / P < top + window && x / P >= left && x / P < left + window)
                                occluded.data[(static_cast<std::size_t>(c) * pixels.height + y) * pixels.width + x] = 0.0f;
                const float p = model.run(occluded).probabilities[3];
                for (int r = top; r < top + window; ++r)
                    for (int col = left; col < left + window; ++col) {
                        sum[r * g + col] += full - p;
                        count[r * g + col] += 1.0;
                    }
            }
        std::vector<float> expected(sum.size());
        for (std::size_t i = 0; i < sum.size(); ++i)
            expected[i] = count[i] > 0.0 ? static_cast<float>(sum[i] / count[i]) : 0.0f;
        const Diff d = compareTensors(map, expected);
        QVERIFY2(d.max_abs < 1e-5, qPrintable(QStringLiteral("%1 at %2").arg(d.max_abs).arg(d.where)));
        QVERIFY(d.ref_scale > 1e-3); // the picture's shape matters to the model
    }

    void occlusionCancels()
    {
        const Model model = Model::load(shapesModel);
        std::atomic<bool> cancel{true};
        RunControl control;
        control.cancel = &cancel;
        QVERIFY_THROWS_EXCEPTION(Cancelled, occlusionSensitivity(model, shapePixels(model, 0), 0, {}, control));
        QVERIFY_THROWS_EXCEPTION(Error, occlusionSensitivity(model, shapePixels(model, 0), 6));
        QVERIFY_THROWS_EXCEPTION(Error, occlusionSensitivity(model, shapePixels(model, 0), 0, {13, 1}));
        QVERIFY_THROWS_EXCEPTION(Error, occlusionSensitivity(model, shapePixels(model, 0), 0, {1, 0}));
    }

    void deletionInsertionMatchPlainLoop_data()
    {
        QTest::addColumn<int>("step");
        QTest::newRow("one patch") << 1;
        QTest::newRow("step 10") << 10; // 144 patches: the last step changes 4
    }

    void deletionInsertionMatchPlainLoop()
    {
        QFETCH(int, step);
        const Model model = Model::load(shapesModel);
        const Pixels pixels = shapePixels(model, 4);
        const Result r = model.run(pixels);
        const int cls = argmax(r.probabilities);
        const int P = model.config().patch, gw = pixels.width / P, n = (pixels.height / P) * gw;
        // A map with ties, so the tie order (lower index first) is exercised.
        std::vector<float> map = attentionRollout(r);
        for (float& v : map)
            v = std::round(v * 200.0f);
        const DeletionInsertion curves = deletionInsertion(model, pixels, map, cls, step);

        // Selection order by hand: repeatedly the highest remaining value, first index on ties.
        std::vector<int> order;
        std::vector<bool> taken(static_cast<std::size_t>(n), false);
        for (int i = 0; i < n; ++i) {
            int best = -1;
            for (int p = 0; p < n; ++p)
                if (!taken[p] && (best < 0 || map[p] > map[best]))
                    best = p;
            taken[best] = true;
            order.push_back(best);
        }
        const auto probabilityWith = [&](const std::vector<bool>& zero) {
            Pixels input = pixels;
            for (int c = 0; c < 3; ++c)
                for (int y = 0; y < pixels.height; ++y)
                    for (int x = 0; x < pixels.width; ++x)
                        if (zero[(y / P) * gw + x / P])
                            input.data[(static_cast<std::size_t>(c) * pixels.height + y) * pixels.width + x] = 0.0f;
            return model.run(input).probabilities[cls];
        };
        std::vector<float> deletion, insertion, fraction;
        for (int done = 0;; done = std::min(n, done + step)) {
            std::vector<bool> deleted(static_cast<std::size_t>(n), false);
            for (int i = 0; i < done; ++i)
                deleted[order[i]] = true;
            std::vector<bool> hidden(deleted.size());
            for (int p = 0; p < n; ++p)
                hidden[p] = !deleted[p];
            deletion.push_back(probabilityWith(deleted));
            insertion.push_back(probabilityWith(hidden));
            fraction.push_back(static_cast<float>(done) / n);
            if (done == n)
                break;
        }
        QCOMPARE(curves.deletion.fraction, fraction);
        QCOMPARE(curves.insertion.fraction, fraction);
        QVERIFY(compareTensors(curves.deletion.probability, deletion).max_abs < 1e-5);
        QVERIFY(compareTensors(curves.insertion.probability, insertion).max_abs < 1e-5);
        // Areas as a sum of mean heights times widths.
        double deletionArea = 0.0, insertionArea = 0.0;
        for (std::size_t i = 1; i < fraction.size(); ++i) {
            const double width = static_cast<double>(fraction[i]) - fraction[i - 1];
            deletionArea += width * 0.5 * (deletion[i] + deletion[i - 1]);
            insertionArea += width * 0.5 * (insertion[i] + insertion[i - 1]);
        }
        QVERIFY(std::abs(curves.deletion.area - deletionArea) < 1e-5);
        QVERIFY(std::abs(curves.insertion.area - insertionArea) < 1e-5);
        QVERIFY(std::abs(curves.deletion.probability.front() - r.probabilities[cls]) < 1e-5);
    }

    void deletionInsertionRejectBadMaps()
    {
        const Model model = Model::load(shapesModel);
        const Pixels pixels = shapePixels(model, 0);
        std::vector<float> map(144, 0.0f);
        QVERIFY_THROWS_EXCEPTION(Error, deletionInsertion(model, pixels, std::span(map).first(143), 0));
        QVERIFY_THROWS_EXCEPTION(Error, deletionInsertion(model, pixels, map, 0, 0));
        map[3] = NAN;
        QVERIFY_THROWS_EXCEPTION(Error, deletionInsertion(model, pixels, map, 0));
    }

    void trapezoids()
    {
        // Area of a known shape: 1 on [0, 0.5], falling to 0 at 1: 0.5 + 0.25.
        const float x[] = {0.0f, 0.5f, 1.0f}, y[] = {1.0f, 1.0f, 0.0f};
        QCOMPARE(trapezoidArea(x, y), 0.75);
        QVERIFY_THROWS_EXCEPTION(Error, trapezoidArea(std::span(x).first(1), std::span(y).first(1)));
    }

private:
    // Colours are the scores min-max scaled over all fitted patches; the mask is score 0 above
    // the threshold; each direction's scores have a non-negative sum of cubes.
    static void checkColoursAndMask(const FeaturePca& pca, int picture, float threshold)
    {
        const std::vector<float>& s = pca.fit.scores;
        const std::size_t n = s.size() / 3;
        std::size_t offset = 0;
        for (int i = 0; i < picture; ++i)
            offset += pca.foreground[i].size();
        for (int c = 0; c < 3; ++c) {
            float low = s[c], high = s[c];
            double cubes = 0.0;
            for (std::size_t r = 0; r < n; ++r) {
                low = std::min(low, s[r * 3 + c]);
                high = std::max(high, s[r * 3 + c]);
                cubes += std::pow(static_cast<double>(s[r * 3 + c]), 3);
            }
            QVERIFY(cubes >= 0.0);
            for (std::size_t p = 0; p < pca.foreground[picture].size(); ++p) {
                const float v = s[(offset + p) * 3 + c];
                QVERIFY(std::abs(pca.rgb[picture][p * 3 + c] - (v - low) / (high - low)) < 1e-6f);
                if (c == 0)
                    QCOMPARE(pca.foreground[picture][p], v > threshold ? 1.0f : 0.0f);
            }
        }
    }
};

QTEST_APPLESS_MAIN(TestResearch)
#include "tst_research.moc"
