// Golden tests over tests/data/families and tests/data/torch: for every fixture folder (made by
// tools/make_fixtures.py from reimplementations validated against transformers and timm, and by
// tools/make_torch_fixtures.py as torch.save writes them, torchvision's real module included),
// load the checkpoint, run the backend on the stored pixels and compare with the stored outputs.
#include "npy.h"
#include "tolerance.h"
#include "testresults.h"
#include "vit.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

using namespace vitscope;

namespace {

// Tolerances: attention probabilities are in [0, 1], so an absolute bound; logits and
// features scale with the weights, so a bound relative to the largest reference magnitude
// (at least 1). The reference is float32 PyTorch; the backend sums in another order, which
// costs about 1e-5 here. Features are held tighter than logits: an erf GELU in place of
// gelu_new moves them by 5e-4 of their scale.
constexpr double kAttentionAbs = 1e-4;
constexpr double kLogitsRel = 1e-3;
constexpr double kFeaturesRel = 1e-4;

std::filesystem::path familiesDir()
{
    return std::filesystem::path(VITSCOPE_TEST_DATA) / "families";
}

std::filesystem::path torchDir()
{
    return std::filesystem::path(VITSCOPE_TEST_DATA) / "torch";
}

// Row-major multi-index of a flat index, e.g. "[1,0,3,7]".
std::string index(std::size_t flat, const std::vector<std::size_t>& shape)
{
    std::vector<std::size_t> idx(shape.size());
    for (std::size_t k = shape.size(); k-- > 0;) {
        idx[k] = shape[k] ? flat % shape[k] : 0;
        flat = shape[k] ? flat / shape[k] : 0;
    }
    std::ostringstream out;
    out << '[';
    for (std::size_t k = 0; k < idx.size(); ++k)
        out << (k ? "," : "") << idx[k];
    out << ']';
    return out.str();
}

std::string shapeText(const std::vector<std::size_t>& shape)
{
    std::ostringstream out;
    out << '[';
    for (std::size_t k = 0; k < shape.size(); ++k)
        out << (k ? "," : "") << shape[k];
    out << ']';
    return out.str();
}

// Empty when |got - expected| is within tolerance everywhere, else the worst element.
QString checkTensor(const char* what, const float* got, std::size_t gotSize, const NpyArray& expected,
                    double tolerance, bool relative)
{
    if (gotSize != expected.size())
        return QStringLiteral("%1: %2 values, reference has %3 (shape %4)")
            .arg(what)
            .arg(gotSize)
            .arg(expected.size())
            .arg(QString::fromStdString(shapeText(expected.shape)));
    const Diff d = compareTensors(std::span<const float>(got, expected.data.size()), expected.data);
    const double bound = relative ? tolerance * std::max(1.0, d.ref_scale) : tolerance;
    const QString report = QStringLiteral("%1: max abs diff %2 at %3 (got %4, expected %5), bound %6%7")
                               .arg(what)
                               .arg(d.max_abs, 0, 'g', 3)
                               .arg(QString::fromStdString(index(d.where, expected.shape)))
                               .arg(static_cast<double>(d.got), 0, 'g', 7)
                               .arg(static_cast<double>(d.expected), 0, 'g', 7)
                               .arg(bound, 0, 'g', 3)
                               .arg(relative ? QStringLiteral(" (%1 x max(1, max|ref| = %2))")
                                                   .arg(tolerance)
                                                   .arg(d.ref_scale, 0, 'g', 3)
                                             : QString());
    qInfo("%s", qPrintable(report));
    return d.max_abs <= bound ? QString() : report;
}

QJsonObject readJson(const std::filesystem::path& path)
{
    QFile file(QString::fromStdString(path.string()));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

class TestFamilies : public QObject {
    Q_OBJECT

private slots:
    void fixturesPresent()
    {
        QVERIFY2(std::filesystem::is_directory(familiesDir()), "tests/data/families is missing");
        QVERIFY2(std::filesystem::is_directory(torchDir()), "tests/data/torch is missing");
    }

    void golden_data()
    {
        QTest::addColumn<QString>("folder");
        std::vector<std::filesystem::path> folders;
        for (const std::filesystem::path& root : {familiesDir(), torchDir()})
            for (const auto& entry : std::filesystem::directory_iterator(root))
                if (entry.is_directory() && std::filesystem::exists(entry.path() / "meta.json"))
                    folders.push_back(entry.path());
        std::sort(folders.begin(), folders.end());
        // 19 families and 5 PyTorch checkpoints: an emptied or moved folder must fail, not pass.
        QVERIFY2(folders.size() >= 24, qPrintable(QStringLiteral("only %1 fixture folders").arg(folders.size())));
        for (const auto& folder : folders)
            QTest::newRow(folder.filename().string().c_str()) << QString::fromStdString(folder.string());
    }

    void golden()
    {
        QFETCH(QString, folder);
        const std::filesystem::path dir = folder.toStdString();
        const QJsonObject meta = readJson(dir / "meta.json");
        QVERIFY2(!meta.isEmpty(), "meta.json missing or not JSON");
        qInfo("%s: %s", qPrintable(meta.value("class").toString()), qPrintable(meta.value("notes").toString()));

        const NpyArray pixelArray = readNpy(dir / "pixel_values.npy");
        QCOMPARE(pixelArray.shape.size(), std::size_t(4));
        QCOMPARE(pixelArray.shape[0], std::size_t(1));
        QCOMPARE(pixelArray.shape[1], std::size_t(3));
        Pixels pixels;
        pixels.height = static_cast<int>(pixelArray.shape[2]);
        pixels.width = static_cast<int>(pixelArray.shape[3]);
        pixels.data = pixelArray.data;

        const testing::FixtureCheckpoint checkpoint = testing::fixtureCheckpoint(dir);
        Result result;
        try {
            const Model model = Model::load(checkpoint.path, checkpoint.options);
            result = model.run(pixels);
        } catch (const std::exception& e) {
            QFAIL(qPrintable(QStringLiteral("load/run threw: %1").arg(QString::fromUtf8(e.what()))));
        }

        // Token layout: [cls, distillation or registers, patches row-major], as the reference has it.
        const QJsonObject layout = meta.value("layout").toObject();
        QCOMPARE(result.layout.cls, layout.value("cls").toInt());
        QCOMPARE(result.layout.distillation, layout.value("distillation").toInt());
        QCOMPARE(result.layout.registers, layout.value("registers").toInt());
        if (result.layout.registers > 0)
            QCOMPARE(result.layout.register_begin, layout.value("register_begin").toInt());
        QCOMPARE(result.layout.patch_begin, layout.value("patch_begin").toInt());
        QCOMPARE(result.layout.grid_h, layout.value("grid_h").toInt());
        QCOMPARE(result.layout.grid_w, layout.value("grid_w").toInt());

        const NpyArray attentions = readNpy(dir / "attentions.npy");
        QCOMPARE(attentions.shape.size(), std::size_t(4));
        QCOMPARE(static_cast<std::size_t>(result.attentions.layers), attentions.shape[0]);
        QCOMPARE(static_cast<std::size_t>(result.attentions.heads), attentions.shape[1]);
        QCOMPARE(static_cast<std::size_t>(result.attentions.tokens), attentions.shape[2]);
        QCOMPARE(result.layout.tokens(), result.attentions.tokens);
        const QString attentionError = checkTensor("attentions", result.attentions.data.data(),
                                                   result.attentions.data.size(), attentions, kAttentionAbs, false);
        QVERIFY2(attentionError.isEmpty(), qPrintable(attentionError));

        const NpyArray features = readNpy(dir / "features.npy");
        const QString featureError =
            checkTensor("features", result.features.data(), result.features.size(), features, kFeaturesRel, true);
        QVERIFY2(featureError.isEmpty(), qPrintable(featureError));

        const std::filesystem::path logitsPath = dir / "logits.npy";
        if (std::filesystem::exists(logitsPath)) {
            const NpyArray logits = readNpy(logitsPath);
            const QString logitError =
                checkTensor("logits", result.logits.data(), result.logits.size(), logits, kLogitsRel, true);
            QVERIFY2(logitError.isEmpty(), qPrintable(logitError));
            QCOMPARE(result.probabilities.size(), result.logits.size());
        } else {
            QVERIFY2(result.logits.empty(), "a checkpoint without classifier produced logits");
        }
    }
};

QTEST_GUILESS_MAIN(TestFamilies)
#include "tst_families.moc"
