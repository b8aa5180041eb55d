// vitscope-cli explain and faithfulness, and inspect's token_norms.npy: the files and numbers they
// write against the backend's functions called here on the same input, folders split by --shard
// and resumed, and bad input answered with exit code 1 and one line on stderr.
#include "attribution.h"
#include "explain.h"
#include "imageio.h"
#include "npy.h"
#include "perturbation.h"
#include "preprocess.h"
#include "research.h"
#include "runprogram.h"
#include "tolerance.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <filesystem>

using namespace vitscope;

namespace {

const std::filesystem::path data = VITSCOPE_TEST_DATA;
const QString samples = QStringLiteral(VITSCOPE_TEST_DATA "/../../resources/samples/");

QString path(const std::filesystem::path& p) { return QString::fromStdString(p.string()); }

Run cli(const QStringList& arguments) { return runProgram(QStringLiteral(VITSCOPE_CLI), arguments); }

QJsonObject json(const Run& run)
{
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(run.out, &error).object();
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON: %s", run.out.constData());
    return root;
}

QStringList names(const QJsonValue& list)
{
    QStringList out;
    for (const QJsonValue& v : list.toArray())
        out << v.toString();
    return out;
}

Pixels fixturePixels(const std::filesystem::path& file)
{
    const NpyArray a = readNpy(file);
    return {static_cast<int>(a.shape.at(2)), static_cast<int>(a.shape.at(3)), a.data};
}

} // namespace

class TestCliResearch : public QObject {
    Q_OBJECT

private slots:
    void inspectDumpsTokenNorms()
    {
        QTemporaryDir dump;
        const Run run = cli({"inspect", "--model", path(data / "hf_vit_cls" / "model"), "--pixels",
                             path(data / "hf_vit_cls" / "pixel_values.npy"), "--dump", dump.path()});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const NpyArray norms = readNpy(dump.path().toStdString() + "/token_norms.npy");
        QCOMPARE(norms.shape, (std::vector<std::size_t>{4, 197}));
        // The last layer's row: the norms of transformers' last_hidden_state, token by token.
        const NpyArray hidden = readNpy(data / "hf_vit_cls" / "last_hidden_state.npy"); // (T, D)
        const std::size_t D = hidden.shape.back();
        for (std::size_t t = 0; t < 197; ++t) {
            double sum = 0.0;
            for (std::size_t d = 0; d < D; ++d)
                sum += static_cast<double>(hidden.data[t * D + d]) * hidden.data[t * D + d];
            QVERIFY(std::abs(norms.data[3 * 197 + t] - std::sqrt(sum)) < 1e-4 * std::sqrt(sum));
        }
    }

    void explainEachMethod_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("attention") << QStringList{"--method", "attention", "--layer", "2", "--head", "1"};
        QTest::newRow("rollout") << QStringList{"--method", "rollout", "--fusion", "max", "--discard", "0.5"};
        QTest::newRow("attribution") << QStringList{"--method", "attribution", "--class", "3"};
        QTest::newRow("occlusion") << QStringList{"--method", "occlusion", "--window", "2", "--stride", "2"};
        QTest::newRow("pca") << QStringList{"--method", "pca"};
        QTest::newRow("norms") << QStringList{"--method", "norms", "--layer", "1"};
        QTest::newRow("threshold") << QStringList{"--method", "threshold", "--fraction", "0.5"};
        QTest::newRow("threshold, one head") << QStringList{"--method", "threshold", "--head", "2"};
    }

    // The map the CLI writes is the backend's on the same input with the same options.
    void explainEachMethod()
    {
        QFETCH(QStringList, arguments);
        QTemporaryDir out;
        const std::filesystem::path dir = data / "hf_vit_cls";
        const Run run = cli(QStringList{"explain", "--model", path(dir / "model"), "--pixels",
                                        path(dir / "pixel_values.npy"), "--out", out.path()}
                            + arguments);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const NpyArray written = readNpy(out.path().toStdString() + "/pixel_values.npy");

        const Model model = Model::load(dir / "model");
        const Pixels pixels = fixturePixels(dir / "pixel_values.npy");
        RunControl keep;
        keep.keep_residuals = true;
        const Result r = model.run(pixels, keep);
        const QString method = arguments[1];
        std::vector<float> expected;
        if (method == "attention")
            expected = attentionMap(r, 2, 1, 0);
        else if (method == "rollout")
            expected = attentionRollout(r, HeadFusion::Max, 0.5f);
        else if (method == "attribution")
            expected = classAttribution(model, r, 3).map;
        else if (method == "occlusion")
            expected = occlusionSensitivity(model, pixels, 8, {2, 2}); // 8: the predicted class
        else if (method == "pca")
            expected = featurePca(r).rgb.front();
        else if (method == "norms")
            expected = patchNormMap(tokenNorms(r), r.layout, 1);
        else {
            const bool oneHead = arguments.contains("--head");
            const std::vector<float> masks = attentionMasks(r, oneHead ? 0.6f : 0.5f);
            expected.assign(196, 0.0f);
            for (int h = 0; h < 3; ++h)
                for (int p = 0; p < 196; ++p)
                    if (!oneHead || h == 2)
                        expected[p] += masks[h * 196 + p] / (oneHead ? 1.0f : 3.0f);
        }
        QCOMPARE(written.shape, method == "pca" ? (std::vector<std::size_t>{14, 14, 3}) : (std::vector<std::size_t>{14, 14}));
        const Diff d = compareTensors(written.data, expected);
        QVERIFY2(d.max_abs <= 1e-6 * std::max(1.0, d.ref_scale), qPrintable(QString::number(d.max_abs)));
    }

    // Two shards write disjoint pictures; a rerun skips what is there; a missing file is redone.
    void explainFolderShardsAndResumes()
    {
        QTemporaryDir pictures, out;
        for (const char* name : {"shapes_circle.png", "shapes_ring.png", "shapes_star.png"})
            QVERIFY(QFile::copy(samples + name, pictures.filePath(name)));
        const QStringList common{"explain", "--method", "rollout", "--images", pictures.path(), "--out", out.path(), "--json"};
        const Run first = cli(common + QStringList{"--shard", "0/2", "--png"});
        QVERIFY2(first.exitCode == 0, first.err.constData());
        QCOMPARE(names(json(first)["written"]), (QStringList{"shapes_circle", "shapes_star"}));
        const Run second = cli(common + QStringList{"--shard", "1/2"});
        QCOMPARE(names(json(second)["written"]), QStringList{"shapes_ring"});
        QCOMPARE(QDir(out.path()).entryList({"*.npy"}, QDir::Files),
                 (QStringList{"shapes_circle.npy", "shapes_ring.npy", "shapes_star.npy"}));
        QCOMPARE(QDir(out.path()).entryList({"*.part"}, QDir::Files), QStringList());
        const QImage figure(out.filePath("shapes_star.png"));
        QCOMPARE(figure.size(), QSize(768, 384)); // picture and map side by side, 96 px enlarged 4x

        const Run again = cli(common);
        QCOMPARE(json(again)["skipped"].toArray().size(), 3);
        QVERIFY(json(again)["written"].toArray().isEmpty());
        QVERIFY(QFile::remove(out.filePath("shapes_ring.npy")));
        const Run resumed = cli(common);
        QCOMPARE(names(json(resumed)["written"]), QStringList{"shapes_ring"});

        // The values: the rollout of the picture decoded and preprocessed here.
        const Model model = Model::load(data / ".." / ".." / "resources" / "model");
        QString error;
        const Pixels pixels = preprocess(toRgbImage(readImage(samples + "shapes_ring.png", &error)), model.config().preprocess);
        const Diff d = compareTensors(readNpy(out.filePath("shapes_ring.npy").toStdString()).data,
                                      attentionRollout(model.run(pixels)));
        QVERIFY(d.max_abs < 1e-6);
    }

    void faithfulnessJson()
    {
        const Run run = cli({"faithfulness", "--image", samples + "shapes_star.png", "--methods", "rollout,attention",
                             "--step", "12", "--json"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject root = json(run);
        const QJsonArray pictures = root["pictures"].toArray();
        QCOMPARE(pictures.size(), 1);
        const QJsonObject picture = pictures[0].toObject();
        QCOMPARE(picture["name"].toString(), QStringLiteral("shapes_star"));
        const int cls = picture["class"].toInt();

        const Model model = Model::load(data / ".." / ".." / "resources" / "model");
        QString error;
        const Pixels pixels = preprocess(toRgbImage(readImage(samples + "shapes_star.png", &error)), model.config().preprocess);
        const Result r = model.run(pixels);
        QCOMPARE(cls, static_cast<int>(std::max_element(r.logits.begin(), r.logits.end()) - r.logits.begin()));
        const DeletionInsertion rollout = deletionInsertion(model, pixels, attentionRollout(r), cls, 12);
        const DeletionInsertion attention = deletionInsertion(model, pixels, attentionMap(r, 3, -1, 0), cls, 12);
        const QJsonObject methods = picture["methods"].toObject();
        QVERIFY(std::abs(methods["rollout"]["deletion"].toDouble() - rollout.deletion.area) < 1e-6);
        QVERIFY(std::abs(methods["rollout"]["insertion"].toDouble() - rollout.insertion.area) < 1e-6);
        QVERIFY(std::abs(methods["attention"]["deletion"].toDouble() - attention.deletion.area) < 1e-6);
        QVERIFY(std::abs(methods["attention"]["insertion"].toDouble() - attention.insertion.area) < 1e-6);
        // One picture: the means are its scores.
        QCOMPARE(root["mean"]["rollout"]["deletion"].toDouble(), methods["rollout"]["deletion"].toDouble());
    }

    void badInput_data()
    {
        const QString star = samples + "shapes_star.png";
        const QString dino = path(data / "families" / "hf_vit_model_dino" / "model");
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("unknown method") << QStringList{"explain", "--method", "gradcam", "--image", star, "--out", "o"};
        QTest::newRow("shard out of range") << QStringList{"explain", "--method", "rollout", "--images", samples,
                                                           "--out", "o", "--shard", "2/2"};
        QTest::newRow("shard malformed") << QStringList{"explain", "--method", "rollout", "--image", star, "--out",
                                                        "o", "--shard", "1-2"};
        QTest::newRow("no folder") << QStringList{"explain", "--method", "rollout", "--images", "/nonexistent",
                                                  "--out", "o"};
        QTest::newRow("two inputs") << QStringList{"explain", "--method", "rollout", "--images", samples, "--image",
                                                   star, "--out", "o"};
        QTest::newRow("class for rollout") << QStringList{"explain", "--method", "rollout", "--class", "2",
                                                          "--image", star, "--out", "o"};
        QTest::newRow("layer out of range") << QStringList{"explain", "--method", "norms", "--layer", "4",
                                                           "--image", star, "--out", "o"};
        QTest::newRow("no classifier") << QStringList{"explain", "--model", dino, "--method", "occlusion",
                                                      "--image", star, "--out", "o"};
        QTest::newRow("unreadable picture") << QStringList{"explain", "--method", "rollout", "--image",
                                                           path(data / "hf_vit_cls" / "meta.json"), "--out", "o"};
        QTest::newRow("faithfulness method") << QStringList{"faithfulness", "--image", star, "--methods", "rollout,pca"};
        QTest::newRow("faithfulness step") << QStringList{"faithfulness", "--image", star, "--methods", "rollout",
                                                          "--step", "0"};
        QTest::newRow("faithfulness class") << QStringList{"faithfulness", "--image", star, "--methods", "rollout",
                                                           "--class", "6"};
    }

    void badInput()
    {
        QFETCH(QStringList, arguments);
        QTemporaryDir cwd;
        const Run run = runProgram(QStringLiteral(VITSCOPE_CLI), arguments, QProcessEnvironment::systemEnvironment(),
                                   cwd.path());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.startsWith("vitscope-cli: ") && run.err.count('\n') == 1, run.err.constData());
        QVERIFY(!QFileInfo::exists(cwd.filePath("o")) || QDir(cwd.filePath("o")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliResearch)
#include "tst_cli_research.moc"
