#pragma once
// Writes small safetensors checkpoints for the loader tests: named F32 tensors whose values are a
// known function of their name and index, so a test can tell which tensor ended up where.
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>

#include <cstdint>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

namespace testing {

// The value written at element `i` of tensor `name`: distinct per tensor, exact in float.
inline float tensorValue(const std::string& name, std::size_t i)
{
    std::uint32_t h = 2166136261u; // FNV-1a
    for (char c : name)
        h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return static_cast<float>(h % 1000u) + 0.25f * static_cast<float>(i % 4096);
}

struct CheckpointWriter {
    struct Entry {
        std::string name;
        std::vector<std::size_t> shape;
        std::string dtype = "F32";
        QByteArray raw; // for non-F32 entries: the exact bytes
    };
    std::vector<Entry> tensors;

    CheckpointWriter& add(const std::string& name, std::vector<std::size_t> shape)
    {
        tensors.push_back({name, std::move(shape), "F32", {}});
        return *this;
    }
    CheckpointWriter& addRaw(const std::string& name, std::vector<std::size_t> shape, const std::string& dtype, QByteArray raw)
    {
        tensors.push_back({name, std::move(shape), dtype, std::move(raw)});
        return *this;
    }
    void remove(const std::string& name)
    {
        std::erase_if(tensors, [&](const Entry& e) { return e.name == name; });
    }
    void reshape(const std::string& name, std::vector<std::size_t> shape)
    {
        for (Entry& e : tensors)
            if (e.name == name)
                e.shape = std::move(shape);
    }

    QByteArray bytes() const
    {
        std::string header = "{\"__metadata__\":{\"format\":\"pt\"}";
        QByteArray data;
        for (const Entry& e : tensors) {
            QByteArray payload = e.raw;
            if (e.dtype == "F32") {
                std::size_t n = 1;
                for (std::size_t d : e.shape)
                    n *= d;
                payload.resize(static_cast<qsizetype>(n * 4));
                for (std::size_t i = 0; i < n; ++i) {
                    const float v = tensorValue(e.name, i);
                    std::memcpy(payload.data() + 4 * i, &v, 4);
                }
            }
            std::string shape;
            for (std::size_t i = 0; i < e.shape.size(); ++i) {
                if (i > 0)
                    shape += ',';
                shape += std::to_string(e.shape[i]);
            }
            header += ",\"" + e.name + "\":{\"dtype\":\"" + e.dtype + "\",\"shape\":[" + shape + "],\"data_offsets\":["
                + std::to_string(data.size()) + "," + std::to_string(data.size() + payload.size()) + "]}";
            data += payload;
        }
        header += "}";
        header.append((8 - header.size() % 8) % 8, ' ');
        QByteArray out(8, '\0');
        const std::uint64_t n = header.size();
        std::memcpy(out.data(), &n, 8);
        out += QByteArray(header.data(), static_cast<qsizetype>(header.size()));
        out += data;
        return out;
    }
};

inline bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// What varies between the small timm VisionTransformer checkpoints the tests write; all have
// D 16, 2 layers, MLP 32, patch 4 and a 2x2 patch grid (8x8 pictures).
struct TimmLayout {
    bool classToken = true;
    int registers = 0;
    bool noEmbedClass = false; // pos_embed without rows for the prefix tokens
    std::size_t classes = 3;
};

inline CheckpointWriter timmCheckpoint(const TimmLayout& layout = {})
{
    constexpr std::size_t D = 16, L = 2, I = 32, P = 4, Grid = 4;
    const std::size_t K = layout.classes;
    const std::size_t regs = static_cast<std::size_t>(layout.registers);
    const std::size_t prefix = (layout.classToken ? 1 : 0) + regs;
    CheckpointWriter w;
    if (layout.classToken)
        w.add("cls_token", {1, 1, D});
    if (regs)
        w.add("reg_token", {1, regs, D});
    w.add("pos_embed", {1, Grid + (layout.noEmbedClass ? 0 : prefix), D});
    w.add("patch_embed.proj.weight", {D, 3, P, P}).add("patch_embed.proj.bias", {D});
    for (std::size_t l = 0; l < L; ++l) {
        const std::string b = "blocks." + std::to_string(l) + ".";
        w.add(b + "norm1.weight", {D}).add(b + "norm1.bias", {D});
        w.add(b + "attn.qkv.weight", {3 * D, D}).add(b + "attn.qkv.bias", {3 * D});
        w.add(b + "attn.proj.weight", {D, D}).add(b + "attn.proj.bias", {D});
        w.add(b + "norm2.weight", {D}).add(b + "norm2.bias", {D});
        w.add(b + "mlp.fc1.weight", {I, D}).add(b + "mlp.fc1.bias", {I});
        w.add(b + "mlp.fc2.weight", {D, I}).add(b + "mlp.fc2.bias", {D});
    }
    w.add("norm.weight", {D}).add("norm.bias", {D});
    w.add("head.weight", {K, D}).add("head.bias", {K});
    return w;
}

} // namespace testing
