// Checkpoints to ViTConfig + Weights: the two real fixtures (values checked against numpy reads of
// the same files), every family from small synthetic checkpoints, the fixtures engineer's family
// fixtures, and the errors for missing tensors, wrong shapes, bad configs and unknown heads.
#include "checkpointwriter.h"
#include "errorof.h"
#include "error.h"
#include "families.h"
#include "safetensors.h"
#include "tensorsource.h"
#include "vit.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace vitscope;
using testing::CheckpointWriter;
using testing::tensorValue;
using testing::errorOf;

namespace {

const std::filesystem::path kData = VITSCOPE_TEST_DATA;

// Loads bytes + configs as Model::load would, without building a Model.
LoadedCheckpoint loadBytes(const QByteArray& bytes, const std::string& config, const LoadOptions& options = {},
    const std::string& preprocessor = {})
{
    CheckpointSource source;
    source.name = "synthetic";
    source.config_json = config;
    source.preprocessor_json = preprocessor;
    source.safetensors = std::as_bytes(std::span(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    return loadCheckpointData(source, options);
}

LoadedCheckpoint loadFolder(const std::filesystem::path& folder, const LoadOptions& options = {})
{
    const auto read = [](const std::filesystem::path& p) {
        QFile f(QString::fromStdString(p.string()));
        return f.open(QIODevice::ReadOnly) ? f.readAll().toStdString() : std::string();
    };
    const MappedFile mapped(folder / "model.safetensors");
    CheckpointSource source;
    source.name = folder.string();
    source.config_json = read(folder / "config.json");
    source.preprocessor_json = read(folder / "preprocessor_config.json");
    source.safetensors = mapped.bytes();
    return loadCheckpointData(source, options);
}


// Small synthetic checkpoints: D 16, 2 layers, MLP 32, patch 4, 8x8 images (2x2 grid), 3 classes.
constexpr std::size_t D = 16, L = 2, I = 32, P = 4, Grid = 4, K = 3;

void addHfLayers(CheckpointWriter& w, const std::string& p, bool dinov2, bool swiglu = false, std::size_t mlp = I)
{
    for (std::size_t l = 0; l < L; ++l) {
        const std::string b = p + "encoder.layer." + std::to_string(l) + ".";
        for (const char* n : {"query", "key", "value"}) {
            w.add(b + "attention.attention." + n + ".weight", {D, D});
            w.add(b + "attention.attention." + n + ".bias", {D});
        }
        w.add(b + "attention.output.dense.weight", {D, D}).add(b + "attention.output.dense.bias", {D});
        if (dinov2) {
            w.add(b + "norm1.weight", {D}).add(b + "norm1.bias", {D}).add(b + "norm2.weight", {D}).add(b + "norm2.bias", {D});
            w.add(b + "layer_scale1.lambda1", {D}).add(b + "layer_scale2.lambda1", {D});
            if (swiglu) {
                w.add(b + "mlp.weights_in.weight", {2 * mlp, D}).add(b + "mlp.weights_in.bias", {2 * mlp});
                w.add(b + "mlp.weights_out.weight", {D, mlp}).add(b + "mlp.weights_out.bias", {D});
            } else {
                w.add(b + "mlp.fc1.weight", {mlp, D}).add(b + "mlp.fc1.bias", {mlp});
                w.add(b + "mlp.fc2.weight", {D, mlp}).add(b + "mlp.fc2.bias", {D});
            }
        } else {
            w.add(b + "layernorm_before.weight", {D}).add(b + "layernorm_before.bias", {D});
            w.add(b + "layernorm_after.weight", {D}).add(b + "layernorm_after.bias", {D});
            w.add(b + "intermediate.dense.weight", {I, D}).add(b + "intermediate.dense.bias", {I});
            w.add(b + "output.dense.weight", {D, I}).add(b + "output.dense.bias", {D});
        }
    }
    w.add(p + "layernorm.weight", {D}).add(p + "layernorm.bias", {D});
}

CheckpointWriter hfViT(const std::string& prefix, bool classifier)
{
    CheckpointWriter w;
    w.add(prefix + "embeddings.cls_token", {1, 1, D});
    w.add(prefix + "embeddings.position_embeddings", {1, Grid + 1, D});
    w.add(prefix + "embeddings.patch_embeddings.projection.weight", {D, 3, P, P});
    w.add(prefix + "embeddings.patch_embeddings.projection.bias", {D});
    addHfLayers(w, prefix, false);
    if (classifier)
        w.add("classifier.weight", {K, D}).add("classifier.bias", {K});
    return w;
}

std::string hfConfig(const std::string& type, const std::string& extra = {})
{
    return R"({"model_type": ")" + type + R"(", "hidden_size": 16, "num_hidden_layers": 2, "num_attention_heads": 2,
        "intermediate_size": 32, "patch_size": 4, "image_size": 8)" + extra + "}";
}

CheckpointWriter timm(bool cls = true, int regs = 0, bool noEmbedClass = false)
{
    return testing::timmCheckpoint({cls, regs, noEmbedClass, K});
}

const std::string kTimmConfig = R"({"architecture": "vit_custom_patch4", "num_classes": 3,
    "model_args": {"embed_dim": 16, "depth": 2, "num_heads": 2, "img_size": 8}})";

bool rowEquals(const std::vector<float>& got, std::size_t offset, const std::string& tensor, std::size_t begin, std::size_t n)
{
    for (std::size_t i = 0; i < n; ++i)
        if (got.at(offset + i) != tensorValue(tensor, begin + i))
            return false;
    return true;
}

} // namespace

class TestLoader : public QObject {
    Q_OBJECT

private slots:
    void transformersFixture()
    {
        // through Model::load and its folder handling
        const Model model = Model::load(kData / "hf_vit_cls" / "model");
        const ViTConfig& c = model.config();
        QCOMPARE(c.family, Family::HfViT);
        QCOMPARE(c.architecture, std::string("ViTForImageClassification"));
        QCOMPARE(c.hidden, 96);
        QCOMPARE(c.layers, 4);
        QCOMPARE(c.heads, 3);
        QCOMPARE(c.mlp, 192);
        QCOMPARE(c.patch, 16);
        QCOMPARE(c.channels, 3);
        QCOMPARE(c.image_height, 224);
        QCOMPARE(c.image_width, 224);
        QCOMPARE(c.layer_norm_eps, 1e-12f);
        QCOMPARE(c.activation, Activation::GeluErf);
        QVERIFY(c.qkv_bias);
        QVERIFY(c.class_token);
        QVERIFY(!c.distillation_token);
        QCOMPARE(c.registers, 0);
        QVERIFY(c.pos_embed_has_prefix);
        QVERIFY(!c.layer_scale && !c.swiglu && !c.fc_norm);
        QCOMPARE(c.pooling, Pooling::ClassToken);
        QCOMPARE(c.num_labels, 10);
        QCOMPARE(c.labels.size(), std::size_t(10));
        QCOMPARE(c.labels[0], std::string("class_0"));
        QCOMPARE(c.labels[9], std::string("class_9"));
        const PreprocessConfig& p = c.preprocess;
        QCOMPARE(p.resize, PreprocessConfig::Resize::Exact);
        QCOMPARE(p.resize_height, 224);
        QCOMPARE(p.resize_width, 224);
        QCOMPARE(p.resample, Resample::Bilinear);
        QVERIFY(!p.center_crop);
        QVERIFY(p.rescale && p.normalize);
        QCOMPARE(p.rescale_factor, 1.0f / 255.0f);
        QCOMPARE(p.mean, (std::array<float, 3>{0.5f, 0.5f, 0.5f}));
        QCOMPARE(p.std, (std::array<float, 3>{0.5f, 0.5f, 0.5f}));

        // values read with numpy from model.safetensors (tools: np.frombuffer over the data section)
        const Weights& w = model.weights();
        const std::size_t d = 96;
        QCOMPARE(w.layers.size(), std::size_t(4));
        QCOMPARE(w.layers[2].qkv_w.size(), 3 * d * d);
        QCOMPARE(w.layers[0].qkv_w[0], 0.304811030626297f);                         // query.weight[0, 0]
        QCOMPARE(w.layers[2].qkv_w[(d + 5) * d + 7], -0.03143386170268059f);         // key.weight[5, 7]
        QCOMPARE(w.layers[2].qkv_b[2 * d + 3], -0.09982901066541672f);               // value.bias[3]
        QCOMPARE(w.layers[3].qkv_b[95], 0.03211301937699318f);                       // query.bias[95]
        QCOMPARE(w.cls_token[10], -0.17267060279846191f);
        QCOMPARE(w.pos_embed.size(), 197 * d);
        QCOMPARE(w.pos_embed[196 * d + 95], 0.038708172738552094f);
        QCOMPARE(w.patch_w[((4 * 3 + 2) * 16 + 15) * 16 + 3], -0.13180866837501526f); // [4, 2, 15, 3]
        QCOMPARE(w.head_w[9 * d + 95], 0.10133522748947144f);
        QCOMPARE(w.norm_b[1], 0.09681262075901031f);
        QCOMPARE(w.layers[1].fc2_w[50 * 192 + 191], -0.051239460706710815f);
        QVERIFY(w.head_dist_w.empty() && w.dist_token.empty() && w.registers.empty() && w.layers[0].ls1.empty());
    }

    void timmFixture()
    {
        const Model model = Model::load(kData / "timm_vit_tiny" / "model");
        const ViTConfig& c = model.config();
        QCOMPARE(c.family, Family::Timm);
        QCOMPARE(c.architecture, std::string("vit_tiny_patch16_224"));
        QCOMPARE(c.hidden, 192);
        QCOMPARE(c.layers, 3); // model_args depth overrides the table's 12
        QCOMPARE(c.heads, 3);  // from the architecture table
        QCOMPARE(c.mlp, 768);
        QCOMPARE(c.patch, 16);
        QCOMPARE(c.image_height, 224);
        QCOMPARE(c.layer_norm_eps, 1e-6f);
        QCOMPARE(c.activation, Activation::GeluErf);
        QVERIFY(c.qkv_bias && c.class_token && c.pos_embed_has_prefix);
        QVERIFY(!c.layer_scale && !c.fc_norm && !c.distillation_token);
        QCOMPARE(c.pooling, Pooling::ClassToken);
        QCOMPARE(c.num_labels, 5);
        QCOMPARE(c.labels, std::vector<std::string>(5)); // no names: the ui fills them
        // resolve_data_config + transforms_imagenet_eval: Resize(floor(224 / 0.9) = 248), CenterCrop(224)
        const PreprocessConfig& p = c.preprocess;
        QCOMPARE(p.resize, PreprocessConfig::Resize::ShortestEdge);
        QCOMPARE(p.shortest_edge, 248);
        QCOMPARE(p.resample, Resample::Bicubic);
        QVERIFY(p.center_crop);
        QCOMPARE(p.crop_height, 224);
        QCOMPARE(p.crop_width, 224);
        QVERIFY(p.crop_round_half);
        QCOMPARE(p.mean, (std::array<float, 3>{0.5f, 0.5f, 0.5f}));

        const Weights& w = model.weights();
        QCOMPARE(w.layers[1].qkv_w[400 * 192 + 17], -0.22757017612457275f);
        QCOMPARE(w.layers[1].qkv_b[575], -0.1261947602033615f);
        QCOMPARE(w.layers[2].fc1_w[767 * 192 + 191], 0.01328094583004713f);
        QCOMPARE(w.pos_embed[0], -0.11831164360046387f);
        QCOMPARE(w.head_b[4], -0.19305266439914703f);
        QCOMPARE(w.norm_w[191], 0.986524224281311f);
    }

    void loneSafetensorsNeedsHeads_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<int>("heads");
        QTest::addColumn<int>("family");
        QTest::newRow("timm") << "timm_vit_tiny" << 3 << int(Family::Timm);
        QTest::newRow("transformers") << "hf_vit_cls" << 3 << int(Family::HfViT);
    }

    void loneSafetensorsNeedsHeads()
    {
        // a .safetensors without its config.json: family from names, dims from shapes, heads asked for
        QFETCH(QString, fixture);
        QFETCH(int, heads);
        QFETCH(int, family);
        QTemporaryDir dir;
        const QString lone = dir.filePath("weights.safetensors");
        QVERIFY(QFile::copy(QString::fromStdString((kData / fixture.toStdString() / "model" / "model.safetensors").string()), lone));
        VERIFY_ERROR(Model::load(lone.toStdString()), "weights.safetensors", "attention heads is unknown", "--heads");

        LoadOptions options;
        options.heads = heads;
        const Model model = Model::load(lone.toStdString(), options);
        QCOMPARE(int(model.config().family), family);
        QCOMPARE(model.config().heads, heads);
        QCOMPARE(model.config().image_height, 224);
        QVERIFY(model.config().num_labels > 0);
        for (const std::string& label : model.config().labels)
            QVERIFY(label.empty());
    }

    void folderErrors()
    {
        QTemporaryDir dir;
        const std::string path = dir.path().toStdString();
        VERIFY_ERROR(Model::load(path + "/absent"), "absent: no such file or folder");
        VERIFY_ERROR(Model::load(path), ": no model.safetensors in this folder");
        QVERIFY(testing::writeFile(dir.filePath("pytorch_model.bin"), "x"));
        VERIFY_ERROR(Model::load(path), "pytorch_model.bin: neither a torch.save zip archive nor a safetensors file");
        QVERIFY(testing::writeFile(dir.filePath("a.safetensors"), "x"));
        QVERIFY(testing::writeFile(dir.filePath("b.safetensors"), "x"));
        VERIFY_ERROR(Model::load(path), "several .safetensors files");
        // a single differently named weights file is used, and named in messages
        QVERIFY(QFile::remove(dir.filePath("b.safetensors")));
        VERIFY_ERROR(Model::load(path), "a.safetensors: not a safetensors file");
        // a config.json that is not JSON is reported as such, named through the folder
        QVERIFY(testing::writeFile(dir.filePath("a.safetensors"), hfViT("vit.", true).bytes()));
        QVERIFY(testing::writeFile(dir.filePath("config.json"), "{oops"));
        VERIFY_ERROR(Model::load(path), "/config.json: invalid JSON");
    }

    void detectsFamilies()
    {
        const auto family = [](const CheckpointWriter& w) {
            const QByteArray bytes = w.bytes();
            TensorSource t("x");
            t.addSafetensors(std::as_bytes(std::span(bytes.constData(), static_cast<std::size_t>(bytes.size()))), "x");
            return detectFamily(t);
        };
        QCOMPARE(family(hfViT("vit.", true)), Family::HfViT);
        QCOMPARE(family(hfViT("", false)), Family::HfViT);
        CheckpointWriter deit = hfViT("deit.", false);
        deit.add("deit.embeddings.distillation_token", {1, 1, D});
        QCOMPARE(family(deit), Family::HfDeiT);
        CheckpointWriter dinov2;
        dinov2.add("embeddings.patch_embeddings.projection.weight", {D, 3, P, P});
        addHfLayers(dinov2, "", true);
        QCOMPARE(family(dinov2), Family::HfDinov2);
        QCOMPARE(family(timm()), Family::Timm);
        CheckpointWriter torchvision;
        torchvision.add("conv_proj.weight", {D, 3, P, P}).add("encoder.layers.encoder_layer_0.ln_1.weight", {D});
        QCOMPARE(family(torchvision), Family::Torchvision);
        CheckpointWriter other;
        other.add("conv1.weight", {4, 3, 3, 3});
        VERIFY_ERROR(family(other), "x: tensor names match no known ViT family");
    }

    void hfViTModelWithoutPrefix()
    {
        // facebook/dino-vits16 layout: ViTModel, no 'vit.' prefix, pooler weights, no classifier
        CheckpointWriter w = hfViT("", false);
        w.add("pooler.dense.weight", {D, D}).add("pooler.dense.bias", {D});
        const LoadedCheckpoint ck = loadBytes(w.bytes(), hfConfig("vit", R"(, "architectures": ["ViTModel"])"));
        QCOMPARE(ck.config.num_labels, 0);
        QVERIFY(ck.config.labels.empty());
        QVERIFY(ck.weights.head_w.empty());
        QCOMPARE(ck.config.heads, 2);
        QCOMPARE(ck.config.image_height, 8);
        // q, k, v rows fused in that order
        const auto& qkv = ck.weights.layers[1].qkv_w;
        QVERIFY(rowEquals(qkv, 0, "encoder.layer.1.attention.attention.query.weight", 0, D * D));
        QVERIFY(rowEquals(qkv, D * D, "encoder.layer.1.attention.attention.key.weight", 0, D * D));
        QVERIFY(rowEquals(qkv, 2 * D * D, "encoder.layer.1.attention.attention.value.weight", 0, D * D));
        QVERIFY(rowEquals(ck.weights.layers[1].qkv_b, D, "encoder.layer.1.attention.attention.key.bias", 0, D));
        QVERIFY(rowEquals(ck.weights.layers[0].fc1_w, 0, "encoder.layer.0.intermediate.dense.weight", 0, I * D));
        QVERIFY(rowEquals(ck.weights.pos_embed, 0, "embeddings.position_embeddings", 0, (Grid + 1) * D));
        // without an explicit eps, ViTConfig's class default
        QCOMPARE(ck.config.layer_norm_eps, 1e-12f);
    }

    void hfViTNoQkvBiasAndTanhGelu()
    {
        CheckpointWriter w = hfViT("vit.", true);
        for (std::size_t l = 0; l < L; ++l)
            for (const char* n : {"query", "key", "value"})
                w.remove("vit.encoder.layer." + std::to_string(l) + ".attention.attention." + n + ".bias");
        const LoadedCheckpoint ck = loadBytes(w.bytes(), hfConfig("vit", R"(, "qkv_bias": false, "hidden_act": "gelu_pytorch_tanh", "layer_norm_eps": 1e-6)"));
        QVERIFY(!ck.config.qkv_bias);
        QCOMPARE(ck.weights.layers[0].qkv_b, std::vector<float>(3 * D, 0.0f));
        QCOMPARE(ck.config.activation, Activation::GeluTanh);
        QCOMPARE(ck.config.layer_norm_eps, 1e-6f);
        QCOMPARE(ck.config.labels, std::vector<std::string>(K)); // no id2label
    }

    void hfDeiTWithTeacher()
    {
        CheckpointWriter w;
        const std::string p = "deit.";
        w.add(p + "embeddings.cls_token", {1, 1, D}).add(p + "embeddings.distillation_token", {1, 1, D});
        w.add(p + "embeddings.position_embeddings", {1, Grid + 2, D});
        w.add(p + "embeddings.patch_embeddings.projection.weight", {D, 3, P, P}).add(p + "embeddings.patch_embeddings.projection.bias", {D});
        addHfLayers(w, p, false);
        w.add("cls_classifier.weight", {K, D}).add("cls_classifier.bias", {K});
        w.add("distillation_classifier.weight", {K, D}).add("distillation_classifier.bias", {K});
        const std::string config = hfConfig("deit", R"(, "id2label": {"0": "cat", "1": "dog", "2": "LABEL_2"})");
        const std::string preprocessor = R"({"image_processor_type": "DeiTImageProcessor", "size": {"height": 10, "width": 10},
            "do_center_crop": true, "crop_size": {"height": 8, "width": 8}, "resample": 3,
            "image_mean": [0.485, 0.456, 0.406], "image_std": [0.229, 0.224, 0.225]})";
        const LoadedCheckpoint ck = loadBytes(w.bytes(), config, {}, preprocessor);
        QCOMPARE(ck.config.family, Family::HfDeiT);
        QVERIFY(ck.config.distillation_token);
        QCOMPARE(ck.config.prefixTokens(), 2);
        QVERIFY(ck.config.pos_embed_has_prefix);
        QCOMPARE(ck.config.labels, (std::vector<std::string>{"cat", "dog", ""}));
        QVERIFY(rowEquals(ck.weights.head_w, 0, "cls_classifier.weight", 0, K * D));
        QVERIFY(rowEquals(ck.weights.head_dist_w, 0, "distillation_classifier.weight", 0, K * D));
        QVERIFY(rowEquals(ck.weights.dist_token, 0, "deit.embeddings.distillation_token", 0, D));
        const PreprocessConfig& pp = ck.config.preprocess;
        QCOMPARE(pp.resize, PreprocessConfig::Resize::Exact);
        QCOMPARE(pp.resize_height, 10);
        QVERIFY(pp.center_crop);
        QCOMPARE(pp.crop_height, 8);
        QVERIFY(!pp.crop_round_half);
        QCOMPARE(pp.resample, Resample::Bicubic);
        QCOMPARE(pp.mean[0], 0.485f);
        QCOMPARE(pp.std[2], 0.225f);

        // DeiTForImageClassification: one head named classifier, distillation token still there
        w.remove("distillation_classifier.weight");
        w.remove("distillation_classifier.bias");
        w.remove("cls_classifier.weight");
        w.remove("cls_classifier.bias");
        w.add("classifier.weight", {K, D}).add("classifier.bias", {K});
        const LoadedCheckpoint plain = loadBytes(w.bytes(), config);
        QVERIFY(plain.config.distillation_token);
        QVERIFY(plain.weights.head_dist_w.empty());
        QVERIFY(rowEquals(plain.weights.head_w, 0, "classifier.weight", 0, K * D));
    }

    void hfPreprocessorFiles_data()
    {
        QTest::addColumn<QString>("family");
        QTest::addColumn<QString>("json");
        QTest::addColumn<int>("resize");       // 0 exact, 1 shortest edge
        QTest::addColumn<int>("size");         // exact height or shortest edge
        QTest::addColumn<bool>("crop");
        QTest::addColumn<int>("cropSize");
        QTest::addColumn<int>("resample");
        QTest::addColumn<float>("mean0");
        // google/vit-base-patch16-224's file, from before image processors
        QTest::newRow("ViTFeatureExtractor") << "vit"
            << R"({"do_normalize": true, "do_resize": true, "feature_extractor_type": "ViTFeatureExtractor",
                  "image_mean": [0.5, 0.5, 0.5], "image_std": [0.5, 0.5, 0.5], "resample": 2, "size": 224})"
            << 0 << 224 << false << 0 << int(Resample::Bilinear) << 0.5f;
        // facebook/deit-base-distilled-patch16-224: bare sizes, DeiT defaults for the rest
        QTest::newRow("DeiTFeatureExtractor") << "deit"
            << R"({"crop_size": 224, "do_center_crop": true, "feature_extractor_type": "DeiTFeatureExtractor",
                  "resample": 3, "size": 256})"
            << 0 << 256 << true << 224 << int(Resample::Bicubic) << 0.485f;
        // facebook/dinov2-base
        QTest::newRow("BitImageProcessor") << "dinov2"
            << R"({"crop_size": {"height": 224, "width": 224}, "do_center_crop": true, "image_processor_type": "BitImageProcessor",
                  "image_mean": [0.485, 0.456, 0.406], "image_std": [0.229, 0.224, 0.225], "resample": 3, "size": {"shortest_edge": 256}})"
            << 1 << 256 << true << 224 << int(Resample::Bicubic) << 0.485f;
        // BitImageProcessor class defaults: shortest edge 224, CLIP mean
        QTest::newRow("BitImageProcessor defaults") << "dinov2" << R"({"image_processor_type": "BitImageProcessor"})"
            << 1 << 224 << true << 224 << int(Resample::Bicubic) << 0.48145466f;
    }

    void hfPreprocessorFiles()
    {
        QFETCH(QString, family);
        QFETCH(QString, json);
        QFETCH(int, resize);
        QFETCH(int, size);
        QFETCH(bool, crop);
        QFETCH(int, cropSize);
        QFETCH(int, resample);
        QFETCH(float, mean0);
        const PreprocessConfig p = parseConfigJson("{\"model_type\": \"" + family.toStdString() + "\"}", json.toStdString(), "m").preprocess;
        QCOMPARE(int(p.resize), resize);
        QCOMPARE(resize == 0 ? p.resize_height : p.shortest_edge, size);
        if (resize == 0)
            QCOMPARE(p.resize_width, size);
        QCOMPARE(p.center_crop, crop);
        if (crop) {
            QCOMPARE(p.crop_height, cropSize);
            QCOMPARE(p.crop_width, cropSize);
        }
        QCOMPARE(int(p.resample), resample);
        QCOMPARE(p.mean[0], mean0);
        QCOMPARE(p.rescale_factor, 1.0f / 255.0f);
        QVERIFY(!p.crop_round_half);
    }

    // resolve_data_config + transforms_imagenet_eval for a pretrained_cfg: scale_size =
    // math.floor(size / crop_pct) per side (in double: 221 / 0.85 is 260, not 259), then per
    // crop_mode. The pictures these make are checked against timm in tst_preprocess.
    void timmPretrainedCfg_data()
    {
        QTest::addColumn<QString>("architecture");
        QTest::addColumn<QString>("cfg");
        QTest::addColumn<int>("resize");       // PreprocessConfig::Resize
        QTest::addColumn<int>("height");       // shortest edge, or the target height
        QTest::addColumn<int>("width");
        QTest::addColumn<bool>("fitLongest");
        QTest::addColumn<int>("resample");
        QTest::addColumn<int>("cropHeight");
        QTest::addColumn<int>("cropWidth");
        QTest::addColumn<QList<int>>("fill");
        const int exact = int(PreprocessConfig::Resize::Exact);
        const int shortest = int(PreprocessConfig::Resize::ShortestEdge);
        const int keepRatio = int(PreprocessConfig::Resize::KeepRatio);
        const int bilinear = int(Resample::Bilinear), bicubic = int(Resample::Bicubic);
        const QList<int> black{0, 0, 0};
        QTest::newRow("center square") << "vit_base_patch16_224"
            << R"({"input_size": [3, 224, 224], "crop_pct": 0.9, "crop_mode": "center"})"
            << shortest << 248 << 248 << false << bicubic << 224 << 224 << black;
        QTest::newRow("crop_pct in double") << "vit_base_patch16_224" << R"({"input_size": [3, 221, 221], "crop_pct": 0.85})"
            << shortest << 260 << 260 << false << bicubic << 221 << 221 << black;
        // ResizeKeepRatio without interpolation: bilinear, whatever the cfg says
        QTest::newRow("center wide") << "vit_base_patch16_224"
            << R"({"input_size": [3, 224, 320], "crop_pct": 0.9, "interpolation": "bicubic"})"
            << keepRatio << 248 << 355 << false << bilinear << 224 << 320 << black;
        QTest::newRow("center tall") << "vit_base_patch16_224" << R"({"input_size": [3, 320, 224], "crop_pct": 1.0})"
            << keepRatio << 320 << 224 << false << bilinear << 320 << 224 << black;
        QTest::newRow("squash") << "vit_base_patch16_224"
            << R"({"input_size": [3, 224, 320], "crop_pct": 0.875, "crop_mode": "squash", "interpolation": "bilinear"})"
            << exact << 256 << 365 << false << bilinear << 224 << 320 << black;
        QTest::newRow("squash, the architecture's default cfg") << "vit_so150m2_patch16_reg1_gap_448.sbb_e200_in12k_ft_in1k" << "{}"
            << exact << 448 << 448 << false << bicubic << 448 << 448 << black;
        QTest::newRow("border") << "deit_base_patch16_224"
            << R"({"input_size": [3, 224, 224], "crop_pct": 1.0, "crop_mode": "border"})"
            << keepRatio << 224 << 224 << true << bicubic << 224 << 224 << QList<int>{124, 116, 104};
        // round(255 * 0.3) = round(76.5) = 76, half to even (a float mean gives 76.500003, 77);
        // Pillow clips the others to 8 bits
        QTest::newRow("border fill rounding") << "vit_base_patch16_224"
            << R"({"input_size": [3, 160, 96], "crop_pct": 0.95, "crop_mode": "border", "mean": [0.3, 1.2, -0.1]})"
            << keepRatio << 168 << 101 << true << bicubic << 160 << 96 << QList<int>{76, 255, 0};
    }

    void timmPretrainedCfg()
    {
        QFETCH(QString, architecture);
        QFETCH(QString, cfg);
        QFETCH(int, resize);
        QFETCH(int, height);
        QFETCH(int, width);
        QFETCH(bool, fitLongest);
        QFETCH(int, resample);
        QFETCH(int, cropHeight);
        QFETCH(int, cropWidth);
        QFETCH(QList<int>, fill);
        const std::string config = "{\"architecture\": \"" + architecture.toStdString() + "\", \"pretrained_cfg\": "
            + cfg.toStdString() + "}";
        const PreprocessConfig p = parseConfigJson(config, "", "m").preprocess;
        QCOMPARE(int(p.resize), resize);
        if (p.resize == PreprocessConfig::Resize::ShortestEdge) {
            QCOMPARE(p.shortest_edge, height);
        } else {
            QCOMPARE(p.resize_height, height);
            QCOMPARE(p.resize_width, width);
        }
        QCOMPARE(p.fit_longest, fitLongest);
        QCOMPARE(int(p.resample), resample);
        QVERIFY(p.center_crop && p.crop_round_half);
        QCOMPARE(p.crop_height, cropHeight);
        QCOMPARE(p.crop_width, cropWidth);
        QCOMPARE((QList<int>{p.pad_fill[0], p.pad_fill[1], p.pad_fill[2]}), fill);
    }

    void timmPretrainedCfgErrors_data()
    {
        QTest::addColumn<QString>("cfg");
        QTest::addColumn<QString>("message");
        QTest::newRow("crop_mode") << R"({"crop_mode": "random"})"
            << "m/config.json pretrained_cfg: crop_mode 'random' is not supported (center, squash or border)";
        QTest::newRow("interpolation") << R"({"interpolation": "lanczos"})"
            << "m/config.json pretrained_cfg: interpolation 'lanczos' is not supported (bicubic or bilinear)";
        QTest::newRow("crop_pct") << R"({"crop_pct": 0})"
            << "m/config.json pretrained_cfg: 'crop_pct' should be a fraction in (0, 4], found 0";
        QTest::newRow("input_size") << R"({"input_size": [224, 224]})"
            << "m/config.json pretrained_cfg: 'input_size' should be [channels, height, width], found [224,224]";
    }

    void timmPretrainedCfgErrors()
    {
        QFETCH(QString, cfg);
        QFETCH(QString, message);
        const std::string config = R"({"architecture": "vit_base_patch16_224", "pretrained_cfg": )" + cfg.toStdString() + "}";
        const QString got = errorOf([&] { parseConfigJson(config, "", "m"); });
        QCOMPARE(got, message);
    }

    void hfDinov2SwiGLU()
    {
        // D 16, mlp_ratio 4: int(64 * 2 / 3) = 42, (42 + 7) // 8 * 8 = 48
        const std::size_t swigluI = 48;
        CheckpointWriter w;
        w.add("embeddings.cls_token", {1, 1, D}).add("embeddings.mask_token", {1, D});
        w.add("embeddings.position_embeddings", {1, Grid + 1, D});
        w.add("embeddings.patch_embeddings.projection.weight", {D, 3, P, P}).add("embeddings.patch_embeddings.projection.bias", {D});
        addHfLayers(w, "", true, true, swigluI);
        const std::string config = R"({"model_type": "dinov2", "hidden_size": 16, "num_hidden_layers": 2,
            "num_attention_heads": 4, "mlp_ratio": 4, "patch_size": 4, "image_size": 8, "use_swiglu_ffn": true})";
        const LoadedCheckpoint ck = loadBytes(w.bytes(), config);
        QCOMPARE(ck.config.family, Family::HfDinov2);
        QVERIFY(ck.config.swiglu);
        QCOMPARE(ck.config.mlp, int(swigluI));
        QVERIFY(ck.config.layer_scale);
        QCOMPARE(ck.config.layer_norm_eps, 1e-6f);
        QVERIFY(!ck.config.pos_embed_antialias);
        QVERIFY(rowEquals(ck.weights.layers[1].fc1_w, 0, "encoder.layer.1.mlp.weights_in.weight", 0, 2 * swigluI * D));
        QVERIFY(rowEquals(ck.weights.layers[1].ls2, 0, "encoder.layer.1.layer_scale2.lambda1", 0, D));
        // Dinov2 defaults without preprocessor_config.json: facebook/dinov2 BitImageProcessor values
        QCOMPARE(ck.config.preprocess.resize, PreprocessConfig::Resize::ShortestEdge);
        QCOMPARE(ck.config.preprocess.shortest_edge, 256);

        // a config without use_swiglu_ffn describes an MLP of 64 the tensors do not have
        const std::string plain = R"({"model_type": "dinov2", "hidden_size": 16, "num_hidden_layers": 2,
            "num_attention_heads": 4, "patch_size": 4, "image_size": 8})";
        VERIFY_ERROR(loadBytes(w.bytes(), plain), "synthetic/model.safetensors: tensor 'encoder.layer.0.mlp.fc1.weight' is missing");
    }

    void hfDinov2WithRegistersFoldsClassPosition()
    {
        CheckpointWriter w;
        w.add("embeddings.cls_token", {1, 1, D}).add("embeddings.mask_token", {1, D});
        w.add("embeddings.register_tokens", {1, 4, D});
        w.add("embeddings.position_embeddings", {1, Grid + 1, D});
        w.add("embeddings.patch_embeddings.projection.weight", {D, 3, P, P}).add("embeddings.patch_embeddings.projection.bias", {D});
        addHfLayers(w, "", true);
        const std::string config = R"({"model_type": "dinov2_with_registers", "hidden_size": 16, "num_hidden_layers": 2,
            "num_attention_heads": 4, "mlp_ratio": 2, "patch_size": 4, "image_size": 8, "num_register_tokens": 4})";
        const LoadedCheckpoint ck = loadBytes(w.bytes(), config);
        QCOMPARE(ck.config.registers, 4);
        QVERIFY(ck.config.pos_embed_antialias);
        // position rows only for patches; the class position is added to the class token
        QVERIFY(!ck.config.pos_embed_has_prefix);
        QCOMPARE(ck.weights.pos_embed.size(), Grid * D);
        QVERIFY(rowEquals(ck.weights.pos_embed, 0, "embeddings.position_embeddings", D, Grid * D));
        for (std::size_t i = 0; i < D; ++i)
            QCOMPARE(ck.weights.cls_token[i], tensorValue("embeddings.cls_token", i) + tensorValue("embeddings.position_embeddings", i));
        QVERIFY(rowEquals(ck.weights.registers, 0, "embeddings.register_tokens", 0, 4 * D));

        // the same file alone: registers found from the tensors, heads asked for
        LoadOptions options;
        options.heads = 4;
        const LoadedCheckpoint lone = loadBytes(w.bytes(), "", options);
        QCOMPARE(lone.config.family, Family::HfDinov2);
        QCOMPARE(lone.config.registers, 4);
        QCOMPARE(lone.config.image_height, 8);
    }

    void timmVariants()
    {
        // unknown architecture with explicit model_args heads
        LoadedCheckpoint ck = loadBytes(timm().bytes(), kTimmConfig);
        QCOMPARE(ck.config.heads, 2);
        QCOMPARE(ck.config.num_labels, 3);
        QVERIFY(rowEquals(ck.weights.layers[1].qkv_w, 0, "blocks.1.attn.qkv.weight", 0, 3 * D * D));

        // registers + no_embed_class + layer scale + fc_norm average pooling
        CheckpointWriter w = timm(true, 4, true);
        for (std::size_t l = 0; l < L; ++l)
            w.add("blocks." + std::to_string(l) + ".ls1.gamma", {D}).add("blocks." + std::to_string(l) + ".ls2.gamma", {D});
        w.remove("norm.weight");
        w.remove("norm.bias");
        w.add("fc_norm.weight", {D}).add("fc_norm.bias", {D});
        ck = loadBytes(w.bytes(), kTimmConfig);
        QCOMPARE(ck.config.registers, 4);
        QVERIFY(!ck.config.pos_embed_has_prefix);
        QCOMPARE(ck.config.image_height, 8);
        QVERIFY(ck.config.layer_scale);
        QVERIFY(ck.config.fc_norm);
        QCOMPARE(ck.config.pooling, Pooling::Average);
        QVERIFY(ck.weights.norm_w.empty());
        QVERIFY(rowEquals(ck.weights.fc_norm_w, 0, "fc_norm.weight", 0, D));
        QVERIFY(rowEquals(ck.weights.layers[0].ls1, 0, "blocks.0.ls1.gamma", 0, D));

        // distilled: dist_token, head_dist, two prefix positions
        w = timm();
        w.add("dist_token", {1, 1, D});
        w.reshape("pos_embed", {1, Grid + 2, D});
        w.add("head_dist.weight", {K, D}).add("head_dist.bias", {K});
        ck = loadBytes(w.bytes(), kTimmConfig);
        QVERIFY(ck.config.distillation_token && ck.config.pos_embed_has_prefix);
        QVERIFY(rowEquals(ck.weights.head_dist_w, 0, "head_dist.weight", 0, K * D));

        // q_bias / v_bias: k has no bias
        w = timm();
        for (std::size_t l = 0; l < L; ++l) {
            const std::string b = "blocks." + std::to_string(l) + ".attn.";
            w.remove(b + "qkv.bias");
            w.add(b + "q_bias", {D}).add(b + "v_bias", {D});
        }
        ck = loadBytes(w.bytes(), kTimmConfig);
        const auto& bias = ck.weights.layers[1].qkv_b;
        QVERIFY(rowEquals(bias, 0, "blocks.1.attn.q_bias", 0, D));
        QCOMPARE(std::vector<float>(bias.begin() + D, bias.begin() + 2 * D), std::vector<float>(D, 0.0f));
        QVERIFY(rowEquals(bias, 2 * D, "blocks.1.attn.v_bias", 0, D));

        // SwiGLUPacked: fc1 (2I, D), fc2 (D, I)
        w = timm();
        for (std::size_t l = 0; l < L; ++l) {
            const std::string b = "blocks." + std::to_string(l) + ".mlp.";
            w.reshape(b + "fc1.weight", {2 * I, D});
            w.reshape(b + "fc1.bias", {2 * I});
        }
        ck = loadBytes(w.bytes(), kTimmConfig);
        QVERIFY(ck.config.swiglu);
        QCOMPARE(ck.config.mlp, int(I));

        // no class token, no qkv bias: average pooling after the final norm
        w = timm(false);
        for (std::size_t l = 0; l < L; ++l)
            w.remove("blocks." + std::to_string(l) + ".attn.qkv.bias");
        ck = loadBytes(w.bytes(), kTimmConfig);
        QVERIFY(!ck.config.class_token && !ck.config.qkv_bias && !ck.config.fc_norm);
        QCOMPARE(ck.config.pooling, Pooling::Average);
        QCOMPARE(ck.weights.layers[0].qkv_b, std::vector<float>(3 * D, 0.0f));
    }

    void timmArchitectureTable()
    {
        const TimmArchitecture* a = findTimmArchitecture("vit_small_patch14_reg4_dinov2.lvd142m");
        QVERIFY(a);
        QCOMPARE(a->hidden, 384);
        QCOMPARE(a->heads, 6);
        QCOMPARE(a->patch, 14);
        QCOMPARE(a->reg_tokens, 4);
        QVERIFY(a->no_embed_class && a->layer_scale);
        QVERIFY(findTimmArchitecture("deit3_base_patch16_224")->no_embed_class);
        QVERIFY(findTimmArchitecture("deit_base_distilled_patch16_224")->distilled);
        QVERIFY(findTimmArchitecture("vit_giant_patch14_dinov2")->swiglu);
        QCOMPARE(findTimmArchitecture("vit_large_patch16_224")->heads, 16);
        QVERIFY(!findTimmArchitecture("vit_so400m_patch14_siglip_224"));
        // registers with positions (no_embed_class False)
        const TimmArchitecture* so = findTimmArchitecture("vit_so150m_patch16_reg4_gap_256.sbb_e250_in12k_ft_in1k");
        QVERIFY(so);
        QCOMPARE(so->heads, 14);
        QCOMPARE(so->reg_tokens, 4);
        QVERIFY(!so->no_embed_class && !so->class_token && so->avg_pool && so->fc_norm_off);
        const TimmArchitecture* so2 = findTimmArchitecture("vit_so150m2_patch16_reg1_gap_384");
        QVERIFY(so2);
        QCOMPARE(so2->heads, 13);
        QCOMPARE(so2->reg_tokens, 1);
        QVERIFY(!so2->no_embed_class && so2->layer_scale && !so2->qkv_bias && !so2->fc_norm_off);
    }

    // The family fixtures whose registers have positions: a table row per prefix token, then the grid.
    void timmRegistersWithPositions_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<int>("prefix");
        QTest::newRow("4 registers, no class token") << "timm_so150m_reg4_pos" << 4;
        QTest::newRow("class token and a register") << "timm_so150m2_reg1_cls_pos" << 2;
    }

    void timmRegistersWithPositions()
    {
        QFETCH(QString, fixture);
        QFETCH(int, prefix);
        const LoadedCheckpoint ck = loadFolder(kData / "families" / fixture.toStdString() / "model");
        const ViTConfig& c = ck.config;
        QVERIFY(c.registers > 0 && c.pos_embed_has_prefix);
        QCOMPARE(c.prefixTokens(), prefix);
        const std::size_t grid = static_cast<std::size_t>(c.image_height / c.patch) * static_cast<std::size_t>(c.image_width / c.patch);
        QCOMPARE(ck.weights.pos_embed.size(), (grid + static_cast<std::size_t>(prefix)) * static_cast<std::size_t>(c.hidden));
    }

    void unknownTimmArchitectureNeedsHeads()
    {
        const std::string config = R"({"architecture": "vit_mystery_patch4", "num_classes": 3})";
        VERIFY_ERROR(loadBytes(timm().bytes(), config), "architecture 'vit_mystery_patch4' is not in the table", "--heads");
        LoadOptions options;
        options.heads = 4;
        QCOMPARE(loadBytes(timm().bytes(), config, options).config.heads, 4);
        options.heads = 3;
        VERIFY_ERROR(loadBytes(timm().bytes(), config, options), "hidden size 16 is not divisible by 3 attention heads");
        // a known architecture's heads win over nothing, but a contradicting --heads is an error
        options.heads = 4;
        VERIFY_ERROR(loadBytes(timm().bytes(), kTimmConfig, options), "declares 2 attention heads, but 4 were asked for");
    }

    void errors_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing tensor") << 0 << "synthetic/model.safetensors: tensor 'blocks.1.attn.proj.weight' is missing (timm VisionTransformer checkpoint, layer 1)";
        QTest::newRow("shape mismatch") << 1 << "synthetic/model.safetensors: tensor 'blocks.1.attn.qkv.weight' has shape [48, 8], expected [48, 16]";
        QTest::newRow("heads do not divide") << 2 << "hidden size 16 is not divisible by 5 attention heads";
        QTest::newRow("layer count") << 3 << "synthetic/config.json: num_hidden_layers 3 does not match the checkpoint's 2 layers";
        QTest::newRow("hidden size") << 4 << "synthetic/config.json: hidden_size 32 does not match tensor 'vit.embeddings.patch_embeddings.projection.weight' of shape [16, 3, 4, 4]";
        QTest::newRow("label count") << 5 << "synthetic/config.json: 2 label names (id2label) for a classifier of 3 classes";
        QTest::newRow("bad json") << 6 << "synthetic/config.json: invalid JSON";
        QTest::newRow("wrong type") << 7 << "synthetic/config.json: 'num_attention_heads' should be a non-negative integer, found \"two\"";
        QTest::newRow("unexpected tensor") << 8 << "1 tensor(s) not part of a transformers ViT checkpoint as supported here: 'vit.encoder.layer.0.attention.attention.rel_pos'";
        QTest::newRow("positions") << 9 << "image_size 8x8 with patch 4 needs 5 positions, but tensor 'vit.embeddings.position_embeddings' has 10";
        QTest::newRow("num_classes") << 10 << "synthetic/config.json: num_classes 7 does not match tensor 'head.weight' of shape [3, 16]";
        QTest::newRow("model type") << 11 << "model_type 'swin' is not supported";
        QTest::newRow("unsupported dtype") << 12 << "tensor 'blocks.0.norm1.bias' has dtype I32; only F32, F16 and BF16";
        QTest::newRow("resample") << 13 << "synthetic/preprocessor_config.json: resample 0 is not supported";
    }

    void errors()
    {
        QFETCH(int, which);
        QFETCH(QString, message);
        CheckpointWriter t = timm();
        CheckpointWriter h = hfViT("vit.", true);
        QString got;
        switch (which) {
        case 0: t.remove("blocks.1.attn.proj.weight"); got = errorOf([&] { loadBytes(t.bytes(), kTimmConfig); }); break;
        case 1: t.reshape("blocks.1.attn.qkv.weight", {3 * D, D / 2}); got = errorOf([&] { loadBytes(t.bytes(), kTimmConfig); }); break;
        case 2: got = errorOf([&] { loadBytes(h.bytes(), hfConfig("vit").replace(hfConfig("vit").find("\"num_attention_heads\": 2"), 24, "\"num_attention_heads\": 5")); }); break;
        case 3: got = errorOf([&] { loadBytes(h.bytes(), R"({"model_type": "vit", "hidden_size": 16, "num_hidden_layers": 3, "num_attention_heads": 2, "intermediate_size": 32, "patch_size": 4, "image_size": 8})"); }); break;
        case 4: got = errorOf([&] { loadBytes(h.bytes(), R"({"model_type": "vit", "hidden_size": 32, "num_hidden_layers": 2, "num_attention_heads": 2, "intermediate_size": 32, "patch_size": 4, "image_size": 8})"); }); break;
        case 5: got = errorOf([&] { loadBytes(h.bytes(), hfConfig("vit", R"(, "id2label": {"0": "a", "1": "b"})")); }); break;
        case 6: got = errorOf([&] { loadBytes(h.bytes(), "{\"model_type\": \"vit\", "); }); break;
        case 7: got = errorOf([&] { loadBytes(h.bytes(), R"({"model_type": "vit", "num_attention_heads": "two"})"); }); break;
        case 8: h.add("vit.encoder.layer.0.attention.attention.rel_pos", {D}); got = errorOf([&] { loadBytes(h.bytes(), hfConfig("vit")); }); break;
        case 9: h.reshape("vit.embeddings.position_embeddings", {1, 10, D}); got = errorOf([&] { loadBytes(h.bytes(), hfConfig("vit")); }); break;
        case 10: got = errorOf([&] { loadBytes(t.bytes(), R"({"architecture": "vit_custom", "num_classes": 7, "model_args": {"num_heads": 2}})"); }); break;
        case 11: got = errorOf([&] { loadBytes(h.bytes(), R"({"model_type": "swin"})"); }); break;
        case 12: t.remove("blocks.0.norm1.bias"); t.addRaw("blocks.0.norm1.bias", {D}, "I32", QByteArray(4 * D, '\0')); got = errorOf([&] { loadBytes(t.bytes(), kTimmConfig); }); break;
        case 13: got = errorOf([&] { loadBytes(h.bytes(), hfConfig("vit"), {}, R"({"resample": 0})"); }); break;
        }
        QVERIFY2(got.contains(message), qPrintable(got));
    }

    void f16AndBf16CheckpointsLoad()
    {
        // the same tensor stored as F16 and BF16 converts to the same float
        CheckpointWriter w = timm();
        w.remove("norm.weight");
        QByteArray halves(2 * D, '\0');
        for (std::size_t i = 0; i < D; ++i) {
            const std::uint16_t bits = static_cast<std::uint16_t>(0x3c00 + i); // 1 + i/1024
            std::memcpy(halves.data() + 2 * i, &bits, 2);
        }
        w.addRaw("norm.weight", {D}, "F16", halves);
        LoadedCheckpoint ck = loadBytes(w.bytes(), kTimmConfig);
        for (std::size_t i = 0; i < D; ++i)
            QCOMPARE(ck.weights.norm_w[i], 1.0f + static_cast<float>(i) / 1024.0f);
        w.remove("norm.weight");
        QByteArray bf(2 * D, '\0');
        for (std::size_t i = 0; i < D; ++i) {
            const std::uint16_t bits = static_cast<std::uint16_t>(0x3f80 + i); // 1 + i/128
            std::memcpy(bf.data() + 2 * i, &bits, 2);
        }
        w.addRaw("norm.weight", {D}, "BF16", bf);
        ck = loadBytes(w.bytes(), kTimmConfig);
        for (std::size_t i = 0; i < D; ++i)
            QCOMPARE(ck.weights.norm_w[i], 1.0f + static_cast<float>(i) / 128.0f);
    }

    void corruptInputsNeverCrash()
    {
        // truncations, flipped bytes and damaged configs: each either loads or throws Error
        CheckpointWriter w = hfViT("vit.", true);
        const QByteArray good = w.bytes();
        const std::string config = hfConfig("vit", R"(, "id2label": {"0": "a", "1": "b", "2": "c"})");
        QVERIFY(loadBytes(good, config).config.num_labels == 3);
        int errors = 0;
        const auto attempt = [&](const QByteArray& bytes, const std::string& json) {
            try {
                loadBytes(bytes, json);
            } catch (const Error&) {
                ++errors;
            }
        };
        for (qsizetype n = 0; n < good.size(); n += 97)
            attempt(good.left(n), config);
        std::uint32_t state = 12345u;
        const auto next = [&state] { return state = state * 1664525u + 1013904223u; };
        const qsizetype headerEnd = 8 + static_cast<qsizetype>(static_cast<unsigned char>(good[0]) | (static_cast<unsigned char>(good[1]) << 8));
        for (int i = 0; i < 400; ++i) {
            QByteArray bad = good;
            const qsizetype at = static_cast<qsizetype>(next() % static_cast<std::uint32_t>(i % 2 ? headerEnd : bad.size()));
            bad[at] = static_cast<char>(next() & 0xff);
            attempt(bad, config);
            std::string json = config;
            json.erase(next() % json.size(), 1 + next() % 3);
            attempt(good, json);
            json = config;
            json[next() % json.size()] = "0123456789:{}[],\"-e. "[next() % 22];
            attempt(good, json);
        }
        QVERIFY(errors > 500);
    }

    // The fixtures engineer's family fixtures (tools/make_fixtures.py): each loads, and its token
    // layout and classes agree with meta.json.
    void familyFixtures_data()
    {
        QTest::addColumn<QString>("folder");
        const QDir families(QString::fromStdString((kData / "families").string()));
        for (const QString& name : families.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            QTest::newRow(qPrintable(name)) << families.filePath(name);
        if (families.entryList(QDir::Dirs | QDir::NoDotAndDotDot).isEmpty())
            QTest::newRow("none") << QString();
    }

    void familyFixtures()
    {
        QFETCH(QString, folder);
        if (folder.isEmpty())
            QSKIP("tests/data/families has no fixtures");
        QFile metaFile(folder + "/meta.json");
        QVERIFY(metaFile.open(QIODevice::ReadOnly));
        const QJsonObject meta = QJsonDocument::fromJson(metaFile.readAll()).object();
        const QJsonObject layout = meta.value("layout").toObject();

        const LoadedCheckpoint ck = loadFolder((folder + "/model").toStdString());
        const ViTConfig& c = ck.config;
        QCOMPARE(c.class_token, layout.value("cls").toInt() >= 0);
        QCOMPARE(c.distillation_token, layout.value("distillation").toInt() >= 0);
        QCOMPARE(c.registers, layout.value("registers").toInt());
        QCOMPARE(c.prefixTokens(), layout.value("patch_begin").toInt());
        const QJsonArray training = meta.value("training_size").toArray();
        QCOMPARE(c.image_height, training.at(0).toInt());
        QCOMPARE(c.image_width, training.at(1).toInt());
        QCOMPARE(c.family == Family::Timm, meta.value("family").toString() == "timm");
        if (QFile::exists(folder + "/logits.npy"))
            QVERIFY(c.num_labels > 0);
        else
            QCOMPARE(c.num_labels, 0);
        QCOMPARE(c.labels.size(), std::size_t(c.num_labels));
        QCOMPARE(ck.weights.layers.size(), std::size_t(c.layers));
        QVERIFY(c.heads > 0 && c.hidden % c.heads == 0);
    }
};

QTEST_GUILESS_MAIN(TestLoader)
#include "tst_loader.moc"
