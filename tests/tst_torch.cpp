// PyTorch checkpoints and checkpoints of several files: hostile torch files refused with one clear
// message and nothing run, sharded checkpoints of both formats loading as their single file,
// safetensors preferred over pytorch_model.bin, torchvision's file names, configs that disagree
// with the tensors, and summarizeCheckpoint against the loaded Model on every fixture.
// (The numerics of the torch fixtures are tst_families' golden tests.)
#include "checkpointsummary.h"
#include "checkpointwriter.h"
#include "errorof.h"
#include "error.h"
#include "families.h"
#include "hostilecheckpoints.h"
#include "pickle.h"
#include "tensorsource.h"
#include "testresults.h"
#include "vit.h"
#include "ziparchive.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>

using namespace vitscope;
using ::testing::errorOf;

namespace {

namespace fs = std::filesystem;
const fs::path kData = VITSCOPE_TEST_DATA;
const fs::path kTorch = kData / "torch";


QJsonObject readJson(const fs::path& path)
{
    QFile file(QString::fromStdString(path.string()));
    return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object() : QJsonObject();
}

bool sameWeights(const Weights& a, const Weights& b)
{
    if (a.layers.size() != b.layers.size())
        return false;
    for (std::size_t l = 0; l < a.layers.size(); ++l)
        if (a.layers[l].qkv_w != b.layers[l].qkv_w || a.layers[l].qkv_b != b.layers[l].qkv_b
            || a.layers[l].fc1_w != b.layers[l].fc1_w || a.layers[l].fc2_b != b.layers[l].fc2_b)
            return false;
    return a.patch_w == b.patch_w && a.pos_embed == b.pos_embed && a.cls_token == b.cls_token && a.head_w == b.head_w
        && a.norm_w == b.norm_w;
}

const std::string kTimmConfig = R"({"architecture": "vit_custom_patch4", "num_classes": 3,
    "model_args": {"embed_dim": 16, "depth": 2, "num_heads": 2, "img_size": 8}})";

// A timm checkpoint as two safetensors shards and their index, in `dir`.
void writeShards(const QTemporaryDir& dir, const QByteArray& index)
{
    const ::testing::CheckpointWriter whole = ::testing::timmCheckpoint();
    ::testing::CheckpointWriter first, second;
    for (std::size_t i = 0; i < whole.tensors.size(); ++i)
        (i % 2 ? second : first).tensors.push_back(whole.tensors[i]);
    QVERIFY(::testing::writeFile(dir.filePath("model-00001-of-00002.safetensors"), first.bytes()));
    QVERIFY(::testing::writeFile(dir.filePath("model-00002-of-00002.safetensors"), second.bytes()));
    QVERIFY(::testing::writeFile(dir.filePath("config.json"), QByteArray::fromStdString(kTimmConfig)));
    if (index.isEmpty()) {
        QJsonObject map;
        for (std::size_t i = 0; i < whole.tensors.size(); ++i)
            map[QString::fromStdString(whole.tensors[i].name)] =
                i % 2 ? "model-00002-of-00002.safetensors" : "model-00001-of-00002.safetensors";
        QVERIFY(::testing::writeFile(dir.filePath("model.safetensors.index.json"),
            QJsonDocument(QJsonObject{{"weight_map", map}}).toJson()));
    } else {
        QVERIFY(::testing::writeFile(dir.filePath("model.safetensors.index.json"), index));
    }
}

} // namespace

class TestTorch : public QObject {
    Q_OBJECT

private slots:
    void hostile_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("mentions");
        for (const auto& [file, mentions] : ::testing::hostileCheckpoints())
            QTest::newRow(file) << QString::fromStdString((kTorch / "hostile" / file).string()) << QString(mentions);
    }

    // Each refused by loading and by the summary, in one line naming the file, and nothing ran.
    void hostile()
    {
        QFETCH(QString, file);
        QFETCH(QString, mentions);
        QFile::remove(::testing::kHostileMarker);
        const QString message = errorOf([&] { Model::load(file.toStdString()); });
        QVERIFY2(message.contains(mentions) && message.startsWith(file) && !message.contains('\n'), qPrintable(message));
        const CheckpointSummary summary = summarizeCheckpoint(file.toStdString());
        QCOMPARE(QString::fromStdString(summary.error), message);
        QCOMPARE(summary.bytes, static_cast<std::int64_t>(QFileInfo(file).size()));
        QVERIFY(!QFile::exists(::testing::kHostileMarker));
    }

    // A training checkpoint's argparse.Namespace (NEWOBJ, then BUILD with its attributes) is read
    // as a dict; NEWOBJ of anything else is refused.
    void namespaceIsReadAsData()
    {
        const auto bytes = [](std::string_view text) {
            return std::vector<std::byte>(reinterpret_cast<const std::byte*>(text.data()),
                                          reinterpret_cast<const std::byte*>(text.data() + text.size()));
        };
        using namespace std::string_view_literals;
        const std::vector<std::byte> args = bytes("\x80\x02" "cargparse\nNamespace\n)\x81}X\x02\x00\x00\x00" "lrG?PbM\xd2\xf1\xa9\xfc" "sb."sv);
        const Pickle namespaced = unpickle(args, "args.pkl");
        QCOMPARE(namespaced[namespaced.root].kind, PickleValue::Kind::Dict);
        const std::vector<std::byte> orderedDict = bytes("\x80\x02" "ccollections\nOrderedDict\n)\x81."sv);
        const QString message = errorOf([&] { unpickle(orderedDict, "new.pkl"); });
        QVERIFY2(message.contains(QStringLiteral("makes a new 'collections.OrderedDict', which no checkpoint does")),
                 qPrintable(message));
        const std::vector<std::byte> withArgs = bytes("\x80\x02" "cargparse\nNamespace\nK\x01\x85\x81."sv);
        QVERIFY(!errorOf([&] { unpickle(withArgs, "args.pkl"); }).isEmpty());
    }

    // Damaged archives and pickles, at random: each reads or throws Error, never crashes. The
    // pickle is fed to the unpickler directly, as the archive's CRC would catch most flips first.
    void damagedInputsNeverCrash()
    {
        QFile file(QString::fromStdString((kTorch / "timm_training_checkpoint" / "model" / "checkpoint.pth").string()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray good = file.readAll();
        const auto span = [](const QByteArray& b) {
            return std::as_bytes(std::span(b.constData(), static_cast<std::size_t>(b.size())));
        };
        const ZipArchive zip(span(good), "good");
        const ZipEntry* pkl = zip.find("checkpoint/data.pkl");
        QVERIFY(pkl);
        const QByteArray pickle(reinterpret_cast<const char*>(pkl->data.data()), static_cast<qsizetype>(pkl->data.size()));
        QVERIFY(unpickle(span(pickle), "good").values.size() > 100);

        std::uint32_t state = 2024u;
        const auto next = [&state] { return state = state * 1664525u + 1013904223u; };
        int errors = 0;
        const auto attempt = [&](auto&& read) {
            try {
                read();
            } catch (const Error&) {
                ++errors;
            }
        };
        for (qsizetype n = 0; n < good.size(); n += 211)
            attempt([&] { TensorSource("cut").addTorch(span(good.left(n)), "cut"); });
        for (int i = 0; i < 2000; ++i) {
            QByteArray bad = pickle;
            for (int k = 0; k <= i % 3; ++k)
                bad[static_cast<qsizetype>(next() % static_cast<std::uint32_t>(bad.size()))] = static_cast<char>(next() & 0xff);
            attempt([&] { unpickle(span(bad), "flipped"); });
            attempt([&] { unpickle(span(pickle.left(static_cast<qsizetype>(next() % static_cast<std::uint32_t>(pickle.size())))), "cut"); });
            QByteArray archive = good;
            archive[static_cast<qsizetype>(next() % static_cast<std::uint32_t>(archive.size()))] = static_cast<char>(next() & 0xff);
            attempt([&] { TensorSource("flipped").addTorch(span(archive), "flipped"); });
        }
        QVERIFY(errors > 2000);
    }

    void shardedTorchLoadsAsOneFile()
    {
        const LoadedCheckpoint whole = loadCheckpointData(kTorch / "hf_vit_bin" / "model");
        const LoadedCheckpoint sharded = loadCheckpointData(kTorch / "sharded");
        QVERIFY(sameWeights(whole.weights, sharded.weights));
        QCOMPARE(sharded.config.family, Family::HfViT);
        QCOMPARE(summarizeCheckpoint(kTorch / "sharded").parameters, whole.parameters);
    }

    void shardedSafetensors()
    {
        QTemporaryDir dir;
        writeShards(dir, {});
        CheckpointSource one;
        const QByteArray bytes = ::testing::timmCheckpoint().bytes();
        one.name = "one";
        one.config_json = kTimmConfig;
        one.safetensors = std::as_bytes(std::span(bytes.constData(), static_cast<std::size_t>(bytes.size())));
        const LoadedCheckpoint whole = loadCheckpointData(one);
        const LoadedCheckpoint sharded = loadCheckpointData(dir.path().toStdString());
        QVERIFY(sameWeights(whole.weights, sharded.weights));
        const CheckpointSummary summary = summarizeCheckpoint(dir.path().toStdString());
        QVERIFY2(summary.error.empty(), summary.error.c_str());
        QCOMPARE(summary.parameters, whole.parameters);
        QCOMPARE(summary.bytes, QFileInfo(dir.filePath("model-00001-of-00002.safetensors")).size()
            + QFileInfo(dir.filePath("model-00002-of-00002.safetensors")).size());
    }

    void shardIndexErrors_data()
    {
        QTest::addColumn<QByteArray>("index");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no weight_map") << QByteArray("{}") << "no \"weight_map\"";
        QTest::newRow("path outside the folder")
            << QByteArray(R"({"weight_map": {"norm.weight": "../model-00001-of-00002.safetensors"}})")
            << "not a file of this folder";
        QTest::newRow("tensor in the other shard")
            << QByteArray(R"({"weight_map": {"pos_embed": "model-00002-of-00002.safetensors",
                                             "cls_token": "model-00002-of-00002.safetensors",
                                             "norm.weight": "model-00001-of-00002.safetensors"}})")
            << "puts tensor 'cls_token' in model-00002-of-00002.safetensors, but it is in";
        QTest::newRow("missing shard")
            << QByteArray(R"({"weight_map": {"cls_token": "model-00003-of-00003.safetensors"}})")
            << "model-00003-of-00003.safetensors: cannot open";
    }

    void shardIndexErrors()
    {
        QFETCH(QByteArray, index);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        writeShards(dir, index);
        const QString message = errorOf([&] { Model::load(dir.path().toStdString()); });
        QVERIFY2(message.contains(mentions), qPrintable(message));
        QCOMPARE(QString::fromStdString(summarizeCheckpoint(dir.path().toStdString()).error), message);
    }

    void safetensorsWinsOverPytorchBin()
    {
        QTemporaryDir dir;
        QVERIFY(QFile::copy(QString::fromStdString((kTorch / "hf_vit_bin" / "model" / "pytorch_model.bin").string()),
            dir.filePath("pytorch_model.bin")));
        QCOMPARE(loadCheckpointData(dir.path().toStdString(), {2}).config.family, Family::HfViT);
        QVERIFY(::testing::writeFile(dir.filePath("model.safetensors"), ::testing::timmCheckpoint().bytes()));
        QVERIFY(::testing::writeFile(dir.filePath("config.json"), QByteArray::fromStdString(kTimmConfig)));
        QCOMPARE(loadCheckpointData(dir.path().toStdString()).config.family, Family::Timm);
    }

    void torchvisionFileNames()
    {
        const ViTConfig b16 = torchvisionConfig("vit_b_16-c867db91.pth");
        QCOMPARE(b16.architecture, std::string("vit_b_16"));
        QCOMPARE(b16.heads, 12);
        QCOMPARE(b16.hidden, 768);
        QCOMPARE(b16.patch, 16);
        QCOMPARE(torchvisionConfig("vit_h_14_swag-80465313.pth").heads, 16);
        QVERIFY(torchvisionConfig("my_vit.pth").architecture.empty());

        // IMAGENET1K_V1: the shorter side to 256 (vit_l_16: 242), bilinear, centre crop 224
        const PreprocessConfig v1 = torchvisionPreprocess("vit_b_16-c867db91.pth", 224);
        QCOMPARE(v1.resize, PreprocessConfig::Resize::ShortestEdge);
        QCOMPARE(v1.shortest_edge, 256);
        QCOMPARE(v1.resample, Resample::Bilinear);
        QVERIFY(v1.center_crop && v1.crop_round_half);
        QCOMPARE(v1.crop_height, 224);
        QCOMPARE(v1.mean, (std::array<float, 3>{0.485f, 0.456f, 0.406f}));
        QCOMPARE(v1.std, (std::array<float, 3>{0.229f, 0.224f, 0.225f}));
        QCOMPARE(torchvisionPreprocess("vit_l_16-852ce7e3.pth", 224).shortest_edge, 242);
        // SWAG: E2E at the model's size (518 for vit_h_14), LINEAR at 224, both bicubic
        for (const auto& [file, size] : {std::pair("vit_h_14_swag-80465313.pth", 518), std::pair("vit_b_16_lc_swag-4e70ced5.pth", 224)}) {
            const PreprocessConfig swag = torchvisionPreprocess(file, size);
            QCOMPARE(swag.shortest_edge, size);
            QCOMPARE(swag.crop_height, size);
            QCOMPARE(swag.resample, Resample::Bicubic);
        }

        // the name's numbers are checked against the tensors, as a config's would be
        QTemporaryDir dir;
        const QString renamed = dir.filePath("vit_b_16-c867db91.pth");
        QVERIFY(QFile::copy(QString::fromStdString((kTorch / "torchvision_vit" / "model" / "vit_tiny.pth").string()), renamed));
        VERIFY_ERROR(Model::load(renamed.toStdString()), "vit_b_16-c867db91.pth (named like torchvision's vit_b_16)",
            "hidden size 768 does not match tensor 'conv_proj.weight' of shape [16, 3, 8, 8]");
        const fs::path tiny = kTorch / "torchvision_vit" / "model" / "vit_tiny.pth";
        VERIFY_ERROR(Model::load(tiny), "vit_tiny.pth: the number of attention heads is unknown", "pass it with --heads");
        const Model model = Model::load(tiny, {4});
        QCOMPARE(model.config().family, Family::Torchvision);
        QCOMPARE(model.config().image_height, 32);
        QCOMPARE(model.config().num_labels, 5);
        QCOMPARE(model.config().layer_norm_eps, 1e-6f);
    }

    void configMustAgreeWithTensors_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("value");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("hidden_size 0") << "hidden_size" << 0 << "config.json: 'hidden_size' should be a positive integer, found 0";
        QTest::newRow("hidden_size") << "hidden_size" << 32
                                     << "config.json: hidden_size 32 does not match tensor 'vit.embeddings.patch_embeddings.projection.weight' of shape [16, 3, 8, 8]";
        QTest::newRow("layers") << "num_hidden_layers" << 3 << "config.json: num_hidden_layers 3 does not match the checkpoint's 2 layers";
        QTest::newRow("mlp") << "intermediate_size" << 64 << "config.json: the MLP width 64 it implies does not match tensor";
        QTest::newRow("heads") << "num_attention_heads" << 3 << "hidden size 16 is not divisible by 3 attention heads";
        QTest::newRow("image") << "image_size" << 48 << "config.json: image_size 48x48 with patch 8 needs 37 positions";
    }

    void configMustAgreeWithTensors()
    {
        QFETCH(QString, key);
        QFETCH(int, value);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        const fs::path source = kTorch / "hf_vit_bin" / "model";
        QVERIFY(QFile::copy(QString::fromStdString((source / "pytorch_model.bin").string()), dir.filePath("pytorch_model.bin")));
        QJsonObject config = readJson(source / "config.json");
        config[key] = value;
        QVERIFY(::testing::writeFile(dir.filePath("config.json"), QJsonDocument(config).toJson()));
        const QString message = errorOf([&] { Model::load(dir.path().toStdString()); });
        QVERIFY2(message.contains(mentions), qPrintable(message));
        QCOMPARE(QString::fromStdString(summarizeCheckpoint(dir.path().toStdString()).error), message);
    }

    void timmImageSizeMustAgree()
    {
        const QByteArray bytes = ::testing::timmCheckpoint().bytes();
        CheckpointSource source;
        source.name = "timm";
        source.config_json = R"({"architecture": "vit_custom_patch4", "num_classes": 3,
            "model_args": {"embed_dim": 16, "depth": 2, "num_heads": 2, "img_size": 16}})";
        source.safetensors = std::as_bytes(std::span(bytes.constData(), static_cast<std::size_t>(bytes.size())));
        VERIFY_ERROR(loadCheckpointData(source), "timm/config.json: img_size (or pretrained_cfg input_size) 16x16 with "
            "patch 4 needs 17 positions, but tensor 'pos_embed' has 5");
    }

    // Every fixture: the summary's family and parameter count are the loaded Model's.
    void summaries_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("heads");
        QTest::newRow("hf_vit_cls") << QString::fromStdString((kData / "hf_vit_cls" / "model").string()) << 0;
        QTest::newRow("timm_vit_tiny") << QString::fromStdString((kData / "timm_vit_tiny" / "model").string()) << 0;
        for (const fs::path& root : {kData / "families", kTorch})
            for (const fs::directory_entry& entry : fs::directory_iterator(root)) {
                if (!fs::exists(entry.path() / "meta.json"))
                    continue;
                const vitscope::testing::FixtureCheckpoint checkpoint = vitscope::testing::fixtureCheckpoint(entry.path());
                QTest::newRow(entry.path().filename().string().c_str())
                    << QString::fromStdString(checkpoint.path.string()) << checkpoint.options.heads.value_or(0);
            }
    }

    void summaries()
    {
        QFETCH(QString, path);
        QFETCH(int, heads);
        LoadOptions options;
        if (heads > 0)
            options.heads = heads;
        const CheckpointSummary summary = summarizeCheckpoint(path.toStdString(), options);
        QVERIFY2(summary.error.empty(), summary.error.c_str());
        const Model model = Model::load(path.toStdString(), options);
        QCOMPARE(summary.family, familyName(model.config().family));
        QCOMPARE(summary.parameters, static_cast<std::int64_t>(model.parameterCount()));
        QVERIFY(summary.bytes > 0);
    }

    // A ViT-L/16 (304 M parameters, 1.2 GB of F32) summarises without reading its tensors: a sparse
    // file whose header is all there is to read.
    void summaryReadsNoTensorData()
    {
        constexpr std::size_t D = 1024, I = 4096, L = 24, K = 1000;
        std::vector<std::pair<std::string, std::vector<std::size_t>>> tensors = {
            {"cls_token", {1, 1, D}}, {"pos_embed", {1, 197, D}}, {"patch_embed.proj.weight", {D, 3, 16, 16}},
            {"patch_embed.proj.bias", {D}}, {"norm.weight", {D}}, {"norm.bias", {D}}, {"head.weight", {K, D}},
            {"head.bias", {K}}};
        for (std::size_t l = 0; l < L; ++l)
            for (const auto& [leaf, shape] : std::vector<std::pair<const char*, std::vector<std::size_t>>>{
                     {"norm1.weight", {D}}, {"norm1.bias", {D}}, {"attn.qkv.weight", {3 * D, D}}, {"attn.qkv.bias", {3 * D}},
                     {"attn.proj.weight", {D, D}}, {"attn.proj.bias", {D}}, {"norm2.weight", {D}}, {"norm2.bias", {D}},
                     {"mlp.fc1.weight", {I, D}}, {"mlp.fc1.bias", {I}}, {"mlp.fc2.weight", {D, I}}, {"mlp.fc2.bias", {D}}})
                tensors.emplace_back("blocks." + std::to_string(l) + "." + leaf, shape);
        QJsonObject header;
        std::int64_t elements = 0;
        for (const auto& [name, shape] : tensors) {
            std::int64_t n = 1;
            QJsonArray dims;
            for (std::size_t d : shape) {
                n *= static_cast<std::int64_t>(d);
                dims.append(static_cast<qint64>(d));
            }
            header[QString::fromStdString(name)] = QJsonObject{{"dtype", "F32"}, {"shape", dims},
                {"data_offsets", QJsonArray{static_cast<qint64>(4 * elements), static_cast<qint64>(4 * (elements + n))}}};
            elements += n;
        }
        const QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Compact);
        QTemporaryDir dir;
        QFile file(dir.filePath("vit_large.safetensors"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        const std::uint64_t length = static_cast<std::uint64_t>(json.size());
        file.write(reinterpret_cast<const char*>(&length), 8);
        file.write(json);
        QVERIFY(file.resize(8 + json.size() + 4 * elements)); // sparse: no data is written
        file.close();

        QElapsedTimer timer;
        timer.start();
        const CheckpointSummary summary = summarizeCheckpoint(file.fileName().toStdString());
        const qint64 ms = timer.elapsed();
        qInfo("summary of a %.2f GB checkpoint: %lld ms", file.size() / 1e9, ms);
        QVERIFY2(summary.error.empty(), summary.error.c_str());
        QCOMPARE(summary.family, std::string("timm VisionTransformer"));
        QCOMPARE(summary.parameters, elements);
        QCOMPARE(summary.bytes, file.size());
        QVERIFY(ms < 2000);
    }

    void summaryErrors()
    {
        QTemporaryDir dir;
        const CheckpointSummary empty = summarizeCheckpoint(dir.path().toStdString());
        QVERIFY2(empty.error.find(": no model.safetensors in this folder") != std::string::npos, empty.error.c_str());
        QCOMPARE(empty.parameters, std::int64_t(0));
        const CheckpointSummary absent = summarizeCheckpoint(dir.path().toStdString() + "/absent");
        QVERIFY2(absent.error.find("absent: no such file or folder") != std::string::npos, absent.error.c_str());
        // tensors of no known family: the summary says so, with the weights file's size
        QVERIFY(::testing::writeFile(dir.filePath("model.safetensors"),
            ::testing::CheckpointWriter().add("conv1.weight", {4, 3, 3, 3}).bytes()));
        const CheckpointSummary other = summarizeCheckpoint(dir.path().toStdString());
        QVERIFY2(other.error.find("match no known ViT family") != std::string::npos, other.error.c_str());
        QCOMPARE(other.bytes, QFileInfo(dir.filePath("model.safetensors")).size());
        QVERIFY(other.family.empty());
    }
};

QTEST_GUILESS_MAIN(TestTorch)
#include "tst_torch.moc"
