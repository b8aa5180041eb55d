// ui's loadCheckpoint: Model::load plus ImageNet-1k names for unnamed 1000-class checkpoints.
#include "checkpoint.h"
#include "checkpointwriter.h"
#include "error.h"

#include <QTemporaryDir>
#include <QTest>

using namespace vitscope;
using testing::CheckpointWriter;

namespace {

// A timm checkpoint with D 16, 2 layers, MLP 32, patch 4, 8x8 images and `classes` classes.
CheckpointWriter timm(std::size_t classes)
{
    constexpr std::size_t D = 16, I = 32, P = 4;
    CheckpointWriter w;
    w.add("cls_token", {1, 1, D}).add("pos_embed", {1, 5, D});
    w.add("patch_embed.proj.weight", {D, 3, P, P}).add("patch_embed.proj.bias", {D});
    for (int l = 0; l < 2; ++l) {
        const std::string b = "blocks." + std::to_string(l) + ".";
        w.add(b + "norm1.weight", {D}).add(b + "norm1.bias", {D});
        w.add(b + "attn.qkv.weight", {3 * D, D}).add(b + "attn.qkv.bias", {3 * D});
        w.add(b + "attn.proj.weight", {D, D}).add(b + "attn.proj.bias", {D});
        w.add(b + "norm2.weight", {D}).add(b + "norm2.bias", {D});
        w.add(b + "mlp.fc1.weight", {I, D}).add(b + "mlp.fc1.bias", {I});
        w.add(b + "mlp.fc2.weight", {D, I}).add(b + "mlp.fc2.bias", {D});
    }
    w.add("norm.weight", {D}).add("norm.bias", {D});
    w.add("head.weight", {classes, D}).add("head.bias", {classes});
    return w;
}

} // namespace

class TestCheckpoint : public QObject {
    Q_OBJECT

private slots:
    void imagenetNamesForUnnamedCheckpoints()
    {
        QTemporaryDir dir;
        QVERIFY(testing::writeFile(dir.filePath("model.safetensors"), timm(1000).bytes()));
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
        QVERIFY(testing::writeFile(dir.filePath("model.safetensors"), timm(10).bytes()));
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
