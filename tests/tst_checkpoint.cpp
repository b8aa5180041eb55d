// ui's loadCheckpoint: Model::load plus ImageNet-1k names for unnamed 1000-class checkpoints.
#include "checkpoint.h"
#include "checkpointwriter.h"
#include "error.h"

#include <QTemporaryDir>
#include <QTest>

using namespace vitscope;

class TestCheckpoint : public QObject {
    Q_OBJECT

private slots:
    void imagenetNamesForUnnamedCheckpoints()
    {
        QTemporaryDir dir;
        QVERIFY(testing::writeFile(dir.filePath("model.safetensors"), testing::timmCheckpoint({.classes = 1000}).bytes()));
        const QByteArray config = R"({"architecture": "vit_custom", "model_args": {"num_heads": 2}})";
        QVERIFY(testing::writeFile(dir.filePath("config.json"), config));
        QCOMPARE(Model::load(dir.path().toStdString()).config().labels, std::vector<std::string>(1000));
        const Model named = loadCheckpoint(dir.path().toStdString());
        QCOMPARE(named.config().labels.size(), std::size_t(1000));
        QCOMPARE(named.config().labels[0], std::string("tench"));
        QCOMPARE(named.config().labels[999], std::string("toilet tissue"));
    }

    void keepsOwnNamesAndOtherClassCounts()
    {
        ViTConfig own;
        own.num_labels = 1000;
        own.labels.assign(1000, "");
        own.labels[3] = "mine";
        QVERIFY(!fillImagenetLabels(own));
        QCOMPARE(own.labels[0], std::string());

        QTemporaryDir dir;
        QVERIFY(testing::writeFile(dir.filePath("model.safetensors"), testing::timmCheckpoint({.classes = 10}).bytes()));
        QVERIFY(testing::writeFile(dir.filePath("config.json"), R"({"architecture": "vit_custom", "model_args": {"num_heads": 2}})"));
        QCOMPARE(loadCheckpoint(dir.path().toStdString()).config().labels, std::vector<std::string>(10));
    }

    void errorsPassThrough()
    {
        QTemporaryDir dir;
        QVERIFY_THROWS_EXCEPTION(vitscope::Error, loadCheckpoint(dir.filePath("absent").toStdString()));
    }
};

QTEST_GUILESS_MAIN(TestCheckpoint)
#include "tst_checkpoint.moc"
