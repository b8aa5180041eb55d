// vitscope-cli as other tools use it: classify --json, inspect --dump read back as .npy (with
// --class, the attribution against torch autograd's), bench --json, and bad input answered with
// exit code 1 and one line on stderr.
#include "hostilecheckpoints.h"
#include "kernels.h"
#include "npy.h"
#include "runprogram.h"
#include "tolerance.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <filesystem>

using namespace vitscope;

namespace {

QString data(const QString& relative) { return QStringLiteral(VITSCOPE_TEST_DATA "/") + relative; }

Run cli(const QStringList& arguments)
{
    return runProgram(QStringLiteral(VITSCOPE_CLI), arguments);
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private slots:
    void classifyJson()
    {
        const Run run = cli({"classify", "--model", data("hf_vit_cls/model"), "--image", data("hf_vit_cls/image.png"),
                             "--top-k", "3", "--json"});
        QCOMPARE(run.exitCode, 0);
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(run.out, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QVERIFY(root.contains("model"));
        QVERIFY(root["elapsed_ms"].toDouble() > 0.0);
        const QJsonArray predictions = root["predictions"].toArray();
        QCOMPARE(predictions.size(), 3);

        // The reference's probabilities: softmax of the fixture's logits (same picture; pixels
        // agree with transformers' to 6e-6 on average, so probabilities to well within 1e-3).
        const std::vector<float> logits = readNpy(data("hf_vit_cls/logits.npy").toStdString()).data;
        double top = -INFINITY, sum = 0.0;
        for (float l : logits)
            top = std::max(top, static_cast<double>(l));
        for (float l : logits)
            sum += std::exp(l - top);
        double previous = 1.0;
        for (const QJsonValue& value : predictions) {
            const QJsonObject p = value.toObject();
            const int index = p["index"].toInt();
            const double probability = p["probability"].toDouble();
            QCOMPARE(p["label"].toString(), QString("class_%1").arg(index));
            QVERIFY(std::abs(probability - std::exp(logits[index] - top) / sum) < 1e-3);
            QVERIFY(probability <= previous);
            previous = probability;
        }
        QCOMPARE(predictions[0].toObject()["index"].toInt(), 8); // argmax of the fixture's logits
    }

    void inspectDump()
    {
        QTemporaryDir dump;
        const Run run = cli({"inspect", "--model", data("hf_vit_cls/model"), "--pixels",
                             data("hf_vit_cls/pixel_values.npy"), "--dump", dump.path()});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const std::filesystem::path dir = dump.path().toStdString();
        const NpyArray attentions = readNpy(dir / "attentions.npy");
        QCOMPARE(attentions.shape, (std::vector<std::size_t>{4, 3, 197, 197}));
        QVERIFY(compareTensors(attentions.data, readNpy(data("hf_vit_cls/attentions.npy").toStdString()).data).max_abs < 1e-4);
        const NpyArray logits = readNpy(dir / "logits.npy");
        QCOMPARE(logits.shape, (std::vector<std::size_t>{10}));
        QVERIFY(compareTensors(logits.data, readNpy(data("hf_vit_cls/logits.npy").toStdString()).data).max_abs < 1e-3);
        const NpyArray pixels = readNpy(dir / "pixel_values.npy");
        QCOMPARE(pixels.shape, (std::vector<std::size_t>{1, 3, 224, 224}));
    }

    // --class N: the attribution of the fixture's class, as torch autograd has it.
    void inspectClass()
    {
        QFile meta(data("hf_vit_cls/attribution.json"));
        QVERIFY(meta.open(QIODevice::ReadOnly));
        const int classIndex = QJsonDocument::fromJson(meta.readAll()).object()["class_index"].toInt();
        QTemporaryDir dump;
        const Run run = cli({"inspect", "--model", data("hf_vit_cls/model"), "--pixels",
                             data("hf_vit_cls/pixel_values.npy"), "--dump", dump.path(), "--class",
                             QString::number(classIndex)});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains(QStringLiteral("attribution of class %1 (class_%1)").arg(classIndex).toUtf8()),
                 run.out.constData());
        const std::filesystem::path dir = dump.path().toStdString();
        const NpyArray gradients = readNpy(dir / "attention_gradients.npy");
        QCOMPARE(gradients.shape, (std::vector<std::size_t>{4, 3, 197, 197}));
        const std::vector<float> expectedGradients =
            readNpy(data("hf_vit_cls/attention_gradients.npy").toStdString()).data;
        const Diff gradientDiff = compareTensors(gradients.data, expectedGradients);
        QVERIFY(gradientDiff.max_abs < 1e-4 * gradientDiff.ref_scale);
        const NpyArray relevance = readNpy(dir / "relevance.npy");
        QCOMPARE(relevance.shape, (std::vector<std::size_t>{14, 14}));
        const std::vector<float> expectedRelevance = readNpy(data("hf_vit_cls/relevance.npy").toStdString()).data;
        const Diff relevanceDiff = compareTensors(relevance.data, expectedRelevance);
        QVERIFY(relevanceDiff.max_abs < 1e-4 * relevanceDiff.ref_scale);
    }

    // --class top: the predicted class (8, the argmax of the fixture's logits).
    void inspectClassTop()
    {
        QTemporaryDir dump;
        const Run run = cli({"inspect", "--model", data("hf_vit_cls/model"), "--pixels",
                             data("hf_vit_cls/pixel_values.npy"), "--dump", dump.path(), "--class", "top"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("attribution of class 8 (class_8)"), run.out.constData());
        const std::filesystem::path dir = dump.path().toStdString();
        QCOMPARE(readNpy(dir / "relevance.npy").shape, (std::vector<std::size_t>{14, 14}));
        QCOMPARE(readNpy(dir / "attention_gradients.npy").shape, (std::vector<std::size_t>{4, 3, 197, 197}));
    }

    void inspectImage_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::newRow("transformers: preprocessor_config.json") << "hf_vit_cls";
        QTest::newRow("timm: pretrained_cfg") << "timm_vit_tiny";
    }

    // The checkpoint's own preprocessing settings, end to end, against the reference's tensor.
    void inspectImage()
    {
        QFETCH(QString, fixture);
        QTemporaryDir dump;
        const Run run = cli({"inspect", "--model", data(fixture + "/model"), "--image", data(fixture + "/image.png"),
                             "--dump", dump.path()});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const NpyArray pixels = readNpy(std::filesystem::path(dump.path().toStdString()) / "pixel_values.npy");
        const NpyArray expected = readNpy(data(fixture + "/pixel_values.npy").toStdString());
        QCOMPARE(pixels.shape, expected.shape);
        double sum = 0.0;
        for (std::size_t i = 0; i < pixels.data.size(); ++i)
            sum += std::abs(pixels.data[i] - expected.data[i]);
        QVERIFY(sum / static_cast<double>(pixels.data.size()) < 5e-3);
    }

    void benchJson()
    {
        const Run run = cli({"bench", "--model", data("hf_vit_cls/model"), "--runs", "3", "--threads", "1",
                             "--attribution", "--json"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject root = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(root["runs"].toInt(), 3);
        QCOMPARE(root["threads"].toInt(), 1);
        QVERIFY(root["min_ms"].toDouble() > 0.0);
        QVERIFY(root["median_ms"].toDouble() >= root["min_ms"].toDouble());
        QVERIFY(root["images_per_s"].toDouble() > 0.0);
        QVERIFY(root["attribution_min_ms"].toDouble() > 0.0);
        QVERIFY(root["attribution_median_ms"].toDouble() >= root["attribution_min_ms"].toDouble());
    }

    // A torchvision .pth and a transformers pytorch_model.bin folder, as the command line opens them.
    void classifyTorch()
    {
        Run run = cli({"classify", "--model", data("torch/torchvision_vit/model/vit_tiny.pth"), "--heads", "4",
                       "--image", data("hf_vit_cls/image.png"), "--json"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(QJsonDocument::fromJson(run.out).object()["predictions"].toArray().size(), 5);
        run = cli({"classify", "--model", data("torch/hf_vit_bin/model"), "--image", data("hf_vit_cls/image.png")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
    }

    void version_data()
    {
        QTest::addColumn<QString>("command");
        QTest::newRow("--version") << "--version";
        QTest::newRow("version") << "version";
    }

    // "vitscope-cli 0.1.0 (git e63872e)" (project VERSION, git describe when built from git), then
    // the backend and the threads: OMP_NUM_THREADS is 2 here as in this process.
    void version()
    {
        QFETCH(QString, command);
        const Run run = cli({command});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QStringList lines = QString::fromUtf8(run.out).trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        const QRegularExpression versionLine(QStringLiteral(R"(^vitscope-cli \d+\.\d+\.\d+( \(git [\w.-]+\))?$)"));
        QVERIFY2(versionLine.match(lines[0]).hasMatch(), qPrintable(lines[0]));
        QCOMPARE(lines[1], QString::fromStdString("backend: " + kernels::backendDescription()));
        QVERIFY(lines[1].contains(QStringLiteral(", 2 threads (OpenMP)")));
        QVERIFY(lines[1].contains(QRegularExpression(QStringLiteral("oneDNN|OpenBLAS|Eigen"))));
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("image is not a picture")
            << QStringList{"classify", "--model", data("hf_vit_cls/model"), "--image", data("hf_vit_cls/meta.json")}
            << "meta.json";
        QTest::newRow("missing image")
            << QStringList{"classify", "--model", data("hf_vit_cls/model"), "--image", data("no-such.png")}
            << "no-such.png";
        QTest::newRow("missing model")
            << QStringList{"classify", "--model", data("no-such-model"), "--image", data("hf_vit_cls/image.png")}
            << "no-such-model";
        QTest::newRow("pixels not a multiple of the patch")
            << QStringList{"inspect", "--model", data("hf_vit_cls/model"), "--pixels", data("interpolate/source.npy"),
                           "--dump", QDir::tempPath() + "/vitscope-never-written"}
            << "5x6";
        QTest::newRow("unknown option") << QStringList{"classify", "--colour", "red"} << "--colour";
        const QString never = QDir::tempPath() + "/vitscope-never-written";
        QTest::newRow("class of a model without classifier")
            << QStringList{"inspect", "--model", data("families/hf_vit_model_dino/model"), "--pixels",
                           data("families/hf_vit_model_dino/pixel_values.npy"), "--dump", never, "--class", "top"}
            << "no classifier";
        QTest::newRow("class out of range")
            << QStringList{"inspect", "--model", data("hf_vit_cls/model"), "--pixels",
                           data("hf_vit_cls/pixel_values.npy"), "--dump", never, "--class", "10"}
            << "class 10 is out of range";
        QTest::newRow("class neither a number nor top")
            << QStringList{"inspect", "--model", data("hf_vit_cls/model"), "--pixels",
                           data("hf_vit_cls/pixel_values.npy"), "--dump", never, "--class", "cat"}
            << "--class";
        // torch files that try to run code, exhaust memory or are damaged
        for (const auto& [file, mentions] : testing::hostileCheckpoints())
            QTest::newRow(file) << QStringList{"classify", "--model", data(QStringLiteral("torch/hostile/") + file),
                                               "--image", data("hf_vit_cls/image.png")}
                                << QString(mentions);
    }

    void badInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        QFile::remove(testing::kHostileMarker);
        const Run run = cli(arguments);
        QVERIFY(!QFile::exists(testing::kHostileMarker));
        QCOMPARE(run.exitCode, 1);
        const QString err = QString::fromUtf8(run.err).trimmed();
        QVERIFY2(!err.isEmpty() && !err.contains('\n'), qPrintable(err));
        QVERIFY2(err.contains(mentions), qPrintable(err));
        QVERIFY(run.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
