// classAttribution against torch autograd: every fixture with a classifier (tests/data/families,
// tests/data/torch, and the copies of the real transformers and timm fixtures) holds, for the class named in
// attribution.json, d logit / d attention probabilities and Chefer's relevance, written by
// tools/make_fixtures.py. Also the residual streams Model::run keeps, and the errors.
#include "attribution.h"
#include "error.h"
#include "npy.h"
#include "tolerance.h"
#include "testresults.h"
#include "vit.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <limits>
#include <string>
#include <vector>

using namespace vitscope;
using namespace vitscope::testing;

namespace {

// Tolerances relative to the largest reference magnitude. The backward pass sums in another order
// than torch and starts from a forward pass that agrees with it to about 1e-5 (tst_families): the
// worst fixture is off by 6e-6 of its scale (timm_vit_tiny), with OpenBLAS or Eigen, 1 to 5
// threads. A wrong softmax backward is off by more than half the scale.
constexpr double kGradientsRel = 1e-4;
constexpr double kRelevanceRel = 1e-4;

const std::filesystem::path dataDir = VITSCOPE_TEST_DATA;

QJsonObject readJson(const std::filesystem::path& path)
{
    QFile file(QString::fromStdString(path.string()));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

// Empty when max |got - expected| <= tolerance * max |expected|, else the worst element. NaN fails.
QString check(const char* what, const std::vector<float>& got, const NpyArray& expected, double tolerance)
{
    if (got.size() != expected.size())
        return QStringLiteral("%1: %2 values, the reference has %3").arg(what).arg(got.size()).arg(expected.size());
    const Diff d = compareTensors(got, expected.data);
    const QString report = QStringLiteral("%1: max abs diff %2 = %3 of max|ref| %4 at flat %5 (got %6, expected %7), "
                                          "bound %8 of max|ref|")
                               .arg(what)
                               .arg(d.max_abs, 0, 'g', 3)
                               .arg(d.max_abs / d.ref_scale, 0, 'g', 3)
                               .arg(d.ref_scale, 0, 'g', 3)
                               .arg(d.where)
                               .arg(static_cast<double>(d.got), 0, 'g', 7)
                               .arg(static_cast<double>(d.expected), 0, 'g', 7)
                               .arg(tolerance);
    qInfo("%s", qPrintable(report));
    return d.max_abs <= tolerance * d.ref_scale ? QString() : report;
}

} // namespace

class TestAttribution : public QObject {
    Q_OBJECT

private slots:
    void golden_data();
    void golden();
    void residualsOnlyWhenAsked();
    void progressAndCancel();
    void rejectsBadInput();
};

void TestAttribution::golden_data()
{
    QTest::addColumn<QString>("folder");
    std::vector<std::filesystem::path> folders{dataDir / "hf_vit_cls", dataDir / "timm_vit_tiny"};
    // Every fixture with logits has an attribution: a fixture that lost its files must not pass unseen.
    for (const auto& [root, expected] : {std::pair("families", 14), std::pair("torch", 5)}) {
        std::vector<std::filesystem::path> found;
        for (const auto& entry : std::filesystem::directory_iterator(dataDir / root))
            if (std::filesystem::exists(entry.path() / "attribution.json"))
                found.push_back(entry.path());
        std::sort(found.begin(), found.end());
        QCOMPARE(found.size(), std::size_t(expected));
        folders.insert(folders.end(), found.begin(), found.end());
    }
    for (const auto& folder : folders)
        QTest::newRow(folder.filename().string().c_str()) << QString::fromStdString(folder.string());
}

void TestAttribution::golden()
{
    QFETCH(QString, folder);
    const std::filesystem::path dir = folder.toStdString();
    const QJsonObject reference = readJson(dir / "attribution.json");
    QVERIFY2(reference.contains("class_index"), "attribution.json missing or without class_index");
    const int classIndex = reference.value("class_index").toInt();

    const FixtureCheckpoint checkpoint = fixtureCheckpoint(dir);
    const Model model = Model::load(checkpoint.path, checkpoint.options);
    const Result result = model.run(readPixels(dir / "pixel_values.npy"), keepingResiduals());
    const ClassAttribution attribution = classAttribution(model, result, classIndex);
    QCOMPARE(attribution.class_index, classIndex);

    const NpyArray gradients = readNpy(dir / "attention_gradients.npy");
    const Attentions& a = result.attentions;
    QCOMPARE(gradients.shape, (std::vector<std::size_t>{std::size_t(a.layers), std::size_t(a.heads),
                                                          std::size_t(a.tokens), std::size_t(a.tokens)}));
    const QString gradientError =
        check("attention gradients", attribution.attention_gradients, gradients, kGradientsRel);
    QVERIFY2(gradientError.isEmpty(), qPrintable(gradientError));

    const NpyArray relevance = readNpy(dir / "relevance.npy");
    QCOMPARE(relevance.shape, (std::vector<std::size_t>{std::size_t(result.layout.grid_h),
                                                          std::size_t(result.layout.grid_w)}));
    const QString relevanceError = check("relevance", attribution.map, relevance, kRelevanceRel);
    QVERIFY2(relevanceError.isEmpty(), qPrintable(relevanceError));

    // headRelevance against its definition, summed in double from the captured attentions and
    // the gradients: the query row R starts from, over the patch keys, of max(0, gradient * A).
    const std::vector<float> heads = headRelevance(result, attribution);
    const TokenLayout& layout = result.layout;
    const int N = layout.grid_h * layout.grid_w;
    QCOMPARE(heads.size(), std::size_t(a.layers) * a.heads * N);
    std::vector<int> queries;
    if (layout.cls >= 0)
        queries.push_back(layout.cls);
    else
        for (int q = layout.patch_begin; q < a.tokens; ++q)
            queries.push_back(q);
    std::vector<double> expected(heads.size());
    double scale = 0.0;
    for (int l = 0; l < a.layers; ++l) {
        for (int h = 0; h < a.heads; ++h) {
            const std::size_t head = static_cast<std::size_t>(l) * a.heads + h;
            for (int p = 0; p < N; ++p) {
                double sum = 0.0;
                for (const int q : queries) {
                    const std::size_t i = (head * a.tokens + q) * a.tokens + layout.patch_begin + p;
                    sum += std::max(0.0, static_cast<double>(attribution.attention_gradients[i]) * a.data[i]);
                }
                expected[head * N + p] = sum / static_cast<double>(queries.size());
                scale = std::max(scale, expected[head * N + p]);
            }
        }
    }
    QVERIFY(scale > 0.0);
    for (std::size_t i = 0; i < heads.size(); ++i) {
        QVERIFY2(heads[i] >= 0.0f, qPrintable(QStringLiteral("head relevance %1 at flat %2").arg(heads[i]).arg(i)));
        QVERIFY2(std::abs(heads[i] - expected[i]) <= 1e-5 * scale,
                 qPrintable(QStringLiteral("head relevance %1, expected %2 at flat %3")
                                .arg(static_cast<double>(heads[i]), 0, 'g', 7)
                                .arg(expected[i], 0, 'g', 7)
                                .arg(i)));
    }
}

// keep_residuals changes nothing else; its last residual stream is transformers' last hidden
// state before the final norm.
void TestAttribution::residualsOnlyWhenAsked()
{
    const std::filesystem::path dir = dataDir / "hf_vit_cls";
    const Model model = Model::load(dir / "model");
    const Pixels pixels = readPixels(dir / "pixel_values.npy");
    const Result plain = model.run(pixels);
    QVERIFY(plain.residuals.empty());
    const Result kept = model.run(pixels, keepingResiduals());
    QCOMPARE(kept.attentions.data, plain.attentions.data);
    QCOMPARE(kept.logits, plain.logits);
    const ViTConfig& c = model.config();
    const std::size_t stream = static_cast<std::size_t>(kept.layout.tokens()) * c.hidden; // (T, D)
    QCOMPARE(kept.residuals.size(), (c.layers + 1) * stream);
    const std::vector<float> last(kept.residuals.end() - static_cast<std::ptrdiff_t>(stream), kept.residuals.end());
    const QString error = check("last residual stream", last, readNpy(dir / "last_hidden_state.npy"), 1e-4);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestAttribution::progressAndCancel()
{
    const std::filesystem::path dir = dataDir / "families" / "hf_deit_distilled";
    const Model model = Model::load(dir / "model");
    const Result result = model.run(readPixels(dir / "pixel_values.npy"), keepingResiduals());
    const int L = model.config().layers;
    std::vector<int> reports;
    RunControl control;
    control.progress = [&reports, L](int done, int total) {
        QCOMPARE(total, L);
        reports.push_back(done);
    };
    classAttribution(model, result, 0, control);
    std::vector<int> expected(L);
    for (int l = 0; l < L; ++l)
        expected[l] = l + 1;
    QCOMPARE(reports, expected);

    const std::atomic<bool> cancelled{true};
    control.cancel = &cancelled;
    QVERIFY_THROWS_EXCEPTION(Cancelled, classAttribution(model, result, 0, control));
}

void TestAttribution::rejectsBadInput()
{
    const std::filesystem::path dir = dataDir / "families" / "hf_deit_distilled";
    const Model model = Model::load(dir / "model");
    const Pixels pixels = readPixels(dir / "pixel_values.npy");
    const Result plain = model.run(pixels);
    QVERIFY_THROWS_EXCEPTION(Error, classAttribution(model, plain, 0)); // no residuals
    const Result kept = model.run(pixels, keepingResiduals());
    QVERIFY_THROWS_EXCEPTION(Error, classAttribution(model, kept, -1));
    QVERIFY_THROWS_EXCEPTION(Error, classAttribution(model, kept, model.config().num_labels));
    Result truncated = kept;
    truncated.residuals.pop_back();
    QVERIFY_THROWS_EXCEPTION(Error, classAttribution(model, truncated, 0));

    // Another model's result: another token count.
    const std::filesystem::path other = dataDir / "families" / "timm_deit_distilled";
    const Result foreign = Model::load(other / "model").run(readPixels(other / "pixel_values.npy"), keepingResiduals());
    QVERIFY_THROWS_EXCEPTION(Error, classAttribution(model, foreign, 0));
    QVERIFY_THROWS_EXCEPTION(Error, headRelevance(foreign, classAttribution(model, kept, 0)));

    // A model without classifier has no class to explain.
    const std::filesystem::path headless = dataDir / "families" / "hf_vit_model_dino";
    const Model dino = Model::load(headless / "model");
    const Result features = dino.run(readPixels(headless / "pixel_values.npy"), keepingResiduals());
    try {
        classAttribution(dino, features, 0);
        QFAIL("a headless model gave an attribution");
    } catch (const Error& e) {
        QVERIFY2(std::string(e.what()).find("no classifier") != std::string::npos, e.what());
    }
}

QTEST_GUILESS_MAIN(TestAttribution)
#include "tst_attribution.moc"
