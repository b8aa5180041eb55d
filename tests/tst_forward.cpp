// The forward pass against golden outputs: the real transformers and timm fixtures at 224x224,
// a 256x112 input (position interpolation) from tools/make_forward_vectors.py, torch's bicubic
// interpolation itself, and the run() contract (progress, cancellation, bad input).
#include "error.h"
#include "kernels.h"
#include "npy.h"
#include "tolerance.h"
#include "vit.h"

#include <QTest>

#include <omp.h>

#include <atomic>
#include <cmath>
#include <filesystem>
#include <optional>

using namespace vitscope;

namespace {

std::filesystem::path data(const std::string& relative)
{
    return std::filesystem::path(VITSCOPE_TEST_DATA) / relative;
}

// llm.c's check_tensor: same size, and every value within `tolerance` absolute, or relative to
// the largest reference value when `relative` is set.
void checkTensor(const std::vector<float>& got, const std::vector<float>& want, double tolerance,
                 const char* label, bool relative = false)
{
    QVERIFY2(got.size() == want.size(),
             qPrintable(QString("%1: %2 values, expected %3").arg(label).arg(got.size()).arg(want.size())));
    double scale = 1.0;
    if (relative) {
        scale = 0.0;
        for (float v : want)
            scale = std::max(scale, static_cast<double>(std::abs(v)));
    }
    const Diff d = compareTensors(got, want);
    qInfo("%s: max abs diff %.3g at %zu (tolerance %.3g)", label, d.max_abs, d.where, tolerance * scale);
    QVERIFY2(d.max_abs <= tolerance * scale,
             qPrintable(QString("%1: max abs diff %2 at index %3 (got %4, expected %5), tolerance %6")
                            .arg(label)
                            .arg(d.max_abs)
                            .arg(d.where)
                            .arg(got[d.where])
                            .arg(want[d.where])
                            .arg(tolerance * scale)));
}

Pixels pixelsFromNpy(const std::filesystem::path& path)
{
    NpyArray array = readNpy(path); // (1, 3, H, W)
    Pixels pixels;
    pixels.height = static_cast<int>(array.shape.at(2));
    pixels.width = static_cast<int>(array.shape.at(3));
    pixels.data = std::move(array.data);
    return pixels;
}

// LayerNorm of each row of x (T, D) in double: transformers' last_hidden_state is taken before
// the final norm, Result::features after it.
std::vector<float> layerNormRows(const std::vector<float>& x, const std::vector<float>& w,
                                 const std::vector<float>& b, double eps)
{
    const std::size_t D = w.size();
    std::vector<float> out(x.size());
    for (std::size_t t = 0; t < x.size() / D; ++t) {
        double mean = 0.0, var = 0.0;
        for (std::size_t i = 0; i < D; ++i)
            mean += x[t * D + i];
        mean /= static_cast<double>(D);
        for (std::size_t i = 0; i < D; ++i)
            var += (x[t * D + i] - mean) * (x[t * D + i] - mean);
        var /= static_cast<double>(D);
        for (std::size_t i = 0; i < D; ++i)
            out[t * D + i] = static_cast<float>((x[t * D + i] - mean) / std::sqrt(var + eps) * w[i] + b[i]);
    }
    return out;
}

} // namespace

class TestForward : public QObject {
    Q_OBJECT

private slots:
    void fixtures_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::newRow("transformers ViTForImageClassification") << "hf_vit_cls";
        QTest::newRow("timm vit_tiny_patch16_224") << "timm_vit_tiny";
    }

    void fixtures()
    {
        QFETCH(QString, fixture);
        const std::string dir = fixture.toStdString();
        std::optional<Model> loaded;
        QVERIFY_THROWS_NO_EXCEPTION(loaded.emplace(Model::load(data(dir + "/model"))));
        const Model& model = *loaded;
        const Result result = model.run(pixelsFromNpy(data(dir + "/pixel_values.npy")));

        QCOMPARE(result.layout.tokens(), 197);
        QCOMPARE(result.layout.cls, 0);
        QCOMPARE(result.layout.patch_begin, 1);
        checkTensor(result.attentions.data, readNpy(data(dir + "/attentions.npy")).data, 1e-4, "attentions");
        checkTensor(result.logits, readNpy(data(dir + "/logits.npy")).data, 1e-3, "logits", true);
        if (dir == "hf_vit_cls") {
            const std::vector<float> normed = layerNormRows(readNpy(data(dir + "/last_hidden_state.npy")).data,
                                                            model.weights().norm_w, model.weights().norm_b,
                                                            model.config().layer_norm_eps);
            checkTensor(result.features, normed, 2e-4, "features (normed last_hidden_state)");
        } else {
            checkTensor(result.features, readNpy(data(dir + "/features_normed.npy")).data, 2e-4, "features");
        }
        double sum = 0.0;
        for (float p : result.probabilities)
            sum += p;
        QVERIFY(std::abs(sum - 1.0) < 1e-5);
        QVERIFY(result.elapsed_ms > 0.0);

        // Over the packing budget the linear layers take the unpacked GEMM path: same outputs.
        const Model unpacked(model.config(), model.weights(), 0);
        QVERIFY(!unpacked.packed().patch.data());
        QCOMPARE(unpacked.packed().layers.size(), model.weights().layers.size());
        QVERIFY(!unpacked.packed().layers.front().qkv.data());
        const Result plain = unpacked.run(pixelsFromNpy(data(dir + "/pixel_values.npy")));
        checkTensor(plain.attentions.data, readNpy(data(dir + "/attentions.npy")).data, 1e-4, "attentions, unpacked");
        checkTensor(plain.logits, readNpy(data(dir + "/logits.npy")).data, 1e-3, "logits, unpacked", true);
    }

    // 256x112: the 14x14 position grid resampled to 16x7, bicubic in transformers, antialiased
    // bicubic in timm; golden outputs from tools/vit_reference.py in torch.
    void nonSquare_data() { fixtures_data(); }

    void nonSquare()
    {
        QFETCH(QString, fixture);
        const std::string dir = fixture.toStdString();
        std::optional<Model> loaded;
        QVERIFY_THROWS_NO_EXCEPTION(loaded.emplace(Model::load(data(dir + "/model"))));
        const Model& model = *loaded;
        const Result result = model.run(pixelsFromNpy(data("nonsquare/pixel_values.npy")));
        QCOMPARE(result.layout.grid_h, 16);
        QCOMPARE(result.layout.grid_w, 7);
        QCOMPARE(result.layout.tokens(), 1 + 16 * 7);
        QCOMPARE(result.attentions.tokens, 113);
        const std::string ref = "nonsquare/" + dir;
        checkTensor(result.attentions.data, readNpy(data(ref + "/attentions.npy")).data, 1e-4, "attentions");
        checkTensor(result.logits, readNpy(data(ref + "/logits.npy")).data, 1e-3, "logits", true);
        checkTensor(result.features, readNpy(data(ref + "/features.npy")).data, 2e-4, "features");
    }

    void interpolation_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("width");
        QTest::addColumn<bool>("antialias");
        for (auto [h, w] : {std::pair{9, 4}, {3, 8}, {6, 5}})
            for (bool aa : {false, true}) {
                const QString name = QString("%1_%2x%3").arg(aa ? "aa" : "plain").arg(h).arg(w);
                QTest::newRow(qPrintable(name)) << name << h << w << aa;
            }
    }

    // The kernel alone against torch.nn.functional.interpolate on a (3, 6, 5) grid.
    void interpolation()
    {
        QFETCH(QString, name);
        QFETCH(int, height);
        QFETCH(int, width);
        QFETCH(bool, antialias);
        const NpyArray source = readNpy(data("interpolate/source.npy")); // (1, C, 6, 5)
        const NpyArray expected = readNpy(data("interpolate/" + name.toStdString() + ".npy"));
        const int C = 3, ih = 6, iw = 5;
        // The kernel works on (h, w, C) grids like the position embedding; torch on (C, h, w).
        std::vector<float> in(source.size()), out(static_cast<std::size_t>(height) * width * C);
        for (int c = 0; c < C; ++c)
            for (int i = 0; i < ih * iw; ++i)
                in[static_cast<std::size_t>(i) * C + c] = source.data[static_cast<std::size_t>(c) * ih * iw + i];
        kernels::interpolateBicubic(out.data(), in.data(), ih, iw, height, width, C, antialias);
        std::vector<float> got(out.size());
        for (int c = 0; c < C; ++c)
            for (int i = 0; i < height * width; ++i)
                got[static_cast<std::size_t>(c) * height * width + i] = out[static_cast<std::size_t>(i) * C + c];
        checkTensor(got, expected.data, 1e-5, qPrintable(name));
    }

    // Row blocks, (head, query block) items and element chunks all depend on the thread count;
    // any count, even more threads than tokens per block, gives the reference's answer.
    void threadCounts_data()
    {
        QTest::addColumn<int>("threads");
        for (int t : {1, 3, 7, 64})
            QTest::newRow(qPrintable(QString::number(t))) << t;
    }

    void threadCounts()
    {
        QFETCH(int, threads);
        std::optional<Model> loaded;
        QVERIFY_THROWS_NO_EXCEPTION(loaded.emplace(Model::load(data("timm_vit_tiny/model"))));
        const int saved = omp_get_max_threads();
        omp_set_num_threads(threads);
        const Result result = loaded->run(pixelsFromNpy(data("nonsquare/pixel_values.npy")));
        omp_set_num_threads(saved);
        checkTensor(result.attentions.data, readNpy(data("nonsquare/timm_vit_tiny/attentions.npy")).data, 1e-4,
                    "attentions");
        checkTensor(result.logits, readNpy(data("nonsquare/timm_vit_tiny/logits.npy")).data, 1e-3, "logits", true);
    }

    void progressAndCancel()
    {
        std::optional<Model> loaded;
        QVERIFY_THROWS_NO_EXCEPTION(loaded.emplace(Model::load(data("hf_vit_cls/model"))));
        const Model& model = *loaded;
        const Pixels pixels = pixelsFromNpy(data("hf_vit_cls/pixel_values.npy"));
        const Result reference = model.run(pixels);

        std::vector<std::pair<int, int>> calls;
        RunControl counting;
        counting.progress = [&](int done, int total) { calls.emplace_back(done, total); };
        model.run(pixels, counting);
        const int L = model.config().layers;
        QCOMPARE(static_cast<int>(calls.size()), L);
        for (int l = 0; l < L; ++l)
            QCOMPARE(calls[l], std::make_pair(l + 1, L));

        // Raised after the second layer: the run stops at the next layer boundary.
        std::atomic<bool> cancel = false;
        int reported = 0;
        RunControl cancelling;
        cancelling.cancel = &cancel;
        cancelling.progress = [&](int done, int) {
            reported = done;
            if (done == 2)
                cancel = true;
        };
        QVERIFY_THROWS_EXCEPTION(Cancelled, model.run(pixels, cancelling));
        QCOMPARE(reported, 2);

        // The model is untouched and runs again to the same answer.
        const Result again = model.run(pixels);
        QCOMPARE(again.logits, reference.logits);
        QCOMPARE(again.attentions.data, reference.attentions.data);
    }

    void rejectsBadPixels()
    {
        std::optional<Model> loaded;
        QVERIFY_THROWS_NO_EXCEPTION(loaded.emplace(Model::load(data("hf_vit_cls/model"))));
        const Model& model = *loaded;
        Pixels notMultiple;
        notMultiple.height = 225;
        notMultiple.width = 224;
        notMultiple.data.assign(3 * 225 * 224, 0.0f);
        try {
            model.run(notMultiple);
            QFAIL("225x224 pixels were accepted with patch 16");
        } catch (const Error& error) {
            QVERIFY2(QString(error.what()).contains("224x225"), error.what());
        }
        Pixels wrongChannels;
        wrongChannels.height = 224;
        wrongChannels.width = 224;
        wrongChannels.data.assign(4 * 224 * 224, 0.0f);
        QVERIFY_THROWS_EXCEPTION(Error, model.run(wrongChannels));
        QVERIFY_THROWS_EXCEPTION(Error, model.run(Pixels{}));
    }

    void withoutClassifier()
    {
        std::optional<Model> loaded;
        QVERIFY_THROWS_NO_EXCEPTION(loaded.emplace(Model::load(data("hf_vit_cls/model"))));
        const Model& full = *loaded;
        ViTConfig config = full.config();
        Weights weights = full.weights();
        config.num_labels = 0;
        config.labels.clear();
        weights.head_w.clear();
        weights.head_b.clear();
        const Model backbone(config, weights);
        QCOMPARE(backbone.parameterCount(), full.parameterCount() - 10 * 96 - 10);
        const Pixels pixels = pixelsFromNpy(data("hf_vit_cls/pixel_values.npy"));
        const Result result = backbone.run(pixels);
        QVERIFY(result.logits.empty());
        QVERIFY(result.probabilities.empty());
        QCOMPARE(result.features, full.run(pixels).features);
    }
};

QTEST_GUILESS_MAIN(TestForward)
#include "tst_forward.moc"
