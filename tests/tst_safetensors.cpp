// The safetensors reader: every rule of the format's reference validation rejects a malformed
// file with a message naming it, F16/BF16 convert exactly, and the real fixtures map and read.
#include "checkpointwriter.h"
#include "error.h"
#include "safetensors.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>
#include <limits>

using namespace vitscope;

namespace {

// A file from a header text and a data section, the 8-byte length computed from the header.
QByteArray fileWith(const QByteArray& header, const QByteArray& data, std::uint64_t lengthDelta = 0)
{
    QByteArray out(8, '\0');
    const std::uint64_t n = static_cast<std::uint64_t>(header.size()) + lengthDelta;
    std::memcpy(out.data(), &n, 8);
    return out + header + data;
}

QByteArray lengthOnly(std::uint64_t n, qsizetype fileSize)
{
    QByteArray out(8, '\0');
    std::memcpy(out.data(), &n, 8);
    out.resize(fileSize, '{');
    return out;
}

float referenceHalf(std::uint16_t bits)
{
    const int sign = (bits & 0x8000) ? -1 : 1;
    const int exponent = (bits >> 10) & 0x1f;
    const int mantissa = bits & 0x3ff;
    if (exponent == 0)
        return static_cast<float>(sign * std::ldexp(static_cast<double>(mantissa), -24));
    if (exponent == 31)
        return mantissa ? std::numeric_limits<float>::quiet_NaN() : sign * std::numeric_limits<float>::infinity();
    return static_cast<float>(sign * std::ldexp(static_cast<double>(1024 + mantissa), exponent - 25));
}

} // namespace

class TestSafetensors : public QObject {
    Q_OBJECT

private slots:
    void rejects_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        const QByteArray f4(16, '\0');
        const QByteArray ok = R"({"a":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]}})";

        QTest::newRow("shorter than 8 bytes") << QByteArray("abc") << "shorter than the 8-byte header length";
        QTest::newRow("header over 100 MB") << lengthOnly(100'000'001, 64) << "exceeds the 100 MB limit";
        QTest::newRow("header past file end") << lengthOnly(1000, 64) << "runs past the end";
        QTest::newRow("header length overflows") << lengthOnly(std::numeric_limits<std::uint64_t>::max(), 64) << "exceeds the 100 MB limit";
        QTest::newRow("invalid JSON") << fileWith(R"({"a":{"dtype":"F32",)", f4) << "not valid JSON";
        QTest::newRow("invalid UTF-8") << fileWith("{\"\xff\xfe\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[0,4]}}", QByteArray(4, '\0')) << "not valid JSON";
        QTest::newRow("not an object") << fileWith("[1, 2]", {}) << "not a JSON object";
        QTest::newRow("duplicate tensor") << fileWith(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})", QByteArray(8, '\0')) << "repeats the key 'a'";
        QTest::newRow("duplicate field") << fileWith(R"({"a":{"dtype":"F32","dtype":"F16","shape":[1],"data_offsets":[0,4]}})", QByteArray(4, '\0')) << "repeats the key 'dtype'";
        QTest::newRow("metadata not strings") << fileWith(R"({"__metadata__":{"format":1},"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}})", QByteArray(4, '\0')) << "__metadata__ entry 'format' is not a string";
        QTest::newRow("metadata not an object") << fileWith(R"({"__metadata__":"pt"})", {}) << "__metadata__ is not an object";
        QTest::newRow("tensor not an object") << fileWith(R"({"a":[1]})", {}) << "tensor 'a' is not described by a JSON object";
        QTest::newRow("unknown dtype") << fileWith(R"({"a":{"dtype":"F31","shape":[1],"data_offsets":[0,4]}})", QByteArray(4, '\0')) << "tensor 'a' has unknown dtype 'F31'";
        QTest::newRow("missing dtype") << fileWith(R"({"a":{"shape":[1],"data_offsets":[0,4]}})", QByteArray(4, '\0')) << "lacks a string 'dtype'";
        QTest::newRow("missing shape") << fileWith(R"({"a":{"dtype":"F32","data_offsets":[0,4]}})", QByteArray(4, '\0')) << "lacks a 'shape' array";
        QTest::newRow("missing offsets") << fileWith(R"({"a":{"dtype":"F32","shape":[1]}})", QByteArray(4, '\0')) << "lacks 'data_offsets'";
        QTest::newRow("three offsets") << fileWith(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4,8]}})", QByteArray(4, '\0')) << "lacks 'data_offsets'";
        QTest::newRow("negative dimension") << fileWith(R"({"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}})", QByteArray(4, '\0')) << "not a non-negative integer";
        QTest::newRow("fractional offset") << fileWith(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4.5]}})", QByteArray(4, '\0')) << "not a non-negative integer";
        QTest::newRow("gap before first") << fileWith(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})", QByteArray(8, '\0')) << "expected to start at 0";
        QTest::newRow("gap between") << fileWith(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}})", QByteArray(12, '\0')) << "tensor 'b' has data offsets [8, 12], expected to start at 4";
        QTest::newRow("overlap") << fileWith(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})", QByteArray(8, '\0')) << "expected to start at 8";
        QTest::newRow("end before begin") << fileWith(R"({"a":{"dtype":"F32","shape":[0],"data_offsets":[0,0]},"b":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"c":{"dtype":"F32","shape":[1],"data_offsets":[4,2]}})", QByteArray(4, '\0')) << "tensor 'c' has data offsets [4, 2]";
        QTest::newRow("byte count") << fileWith(R"({"a":{"dtype":"F32","shape":[2,3],"data_offsets":[0,16]}})", f4) << "holds 16 bytes, but shape [2, 3] of F32 needs 24";
        QTest::newRow("byte count f16") << fileWith(R"({"a":{"dtype":"F16","shape":[2,2],"data_offsets":[0,16]}})", f4) << "shape [2, 2] of F16 needs 8";
        QTest::newRow("trailing bytes") << fileWith(ok, f4 + QByteArray(4, '\0')) << "cover 16 data bytes, but the file holds 20";
        QTest::newRow("data past file end") << fileWith(ok, QByteArray(12, '\0')) << "cover 16 data bytes, but the file holds 12";
        QTest::newRow("shape overflow") << fileWith(R"({"a":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,4]}})", QByteArray(4, '\0')) << "overflows";
        QTest::newRow("huge offsets") << fileWith(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,18446744073709551615]}})", QByteArray(4, '\0')) << "holds 18446744073709551615 bytes";
        QTest::newRow("header length too short") << fileWith(ok, f4, std::uint64_t(-4)) << "not valid JSON";
    }

    void rejects()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("bad.safetensors");
        QVERIFY(testing::writeFile(path, bytes));
        try {
            const MappedFile file(path.toStdString());
            const SafeTensors tensors(file.bytes(), path.toStdString());
            QFAIL("expected an Error");
        } catch (const Error& e) {
            const QString what = QString::fromUtf8(e.what());
            QVERIFY2(what.startsWith(path + ": "), qPrintable(what));
            QVERIFY2(what.contains(message), qPrintable(what));
        }
    }

    void acceptsValidFiles()
    {
        // zero-sized tensors, metadata, any header order, padding spaces after the JSON
        const QByteArray header = R"({"b":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"__metadata__":{"format":"pt"},"e":{"dtype":"I64","shape":[0,3],"data_offsets":[4,4]},"a":{"dtype":"BF16","shape":[2],"data_offsets":[4,8]}}    )";
        QByteArray data(8, '\0');
        const float one = 1.5f;
        std::memcpy(data.data(), &one, 4);
        data[4] = '\x80';
        data[5] = '\x3f'; // bf16 1.0
        data[6] = '\x00';
        data[7] = '\xc0'; // bf16 -2.0
        const QByteArray bytes = fileWith(header, data);
        const SafeTensors t(std::as_bytes(std::span(bytes.constData(), static_cast<std::size_t>(bytes.size()))), "mem");
        QCOMPARE(t.tensors().size(), std::size_t(3));
        QCOMPARE(t.metadata().at("format"), std::string("pt"));
        QVERIFY(t.find("missing") == nullptr);
        QCOMPARE(t.toFloat(*t.find("b")), std::vector<float>{1.5f});
        QCOMPARE(t.toFloat(*t.find("a")), (std::vector<float>{1.0f, -2.0f}));
        QCOMPARE(t.find("e")->elements(), std::size_t(0));
        // a known dtype the model cannot use is an error only when read
        try {
            const QByteArray b2 = fileWith(R"({"i":{"dtype":"I64","shape":[1],"data_offsets":[0,8]}})", QByteArray(8, '\0'));
            const SafeTensors ints(std::as_bytes(std::span(b2.constData(), static_cast<std::size_t>(b2.size()))), "ints.safetensors");
            ints.toFloat(*ints.find("i"));
            QFAIL("expected an Error");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains("ints.safetensors: tensor 'i' has dtype I64"), e.what());
        }
    }

    void halfConversionIsExact()
    {
        // every one of the 65536 bit patterns against ldexp arithmetic
        for (std::uint32_t bits = 0; bits < 65536; ++bits) {
            const float got = halfToFloat(static_cast<std::uint16_t>(bits));
            const float want = referenceHalf(static_cast<std::uint16_t>(bits));
            if (std::isnan(want)) {
                QVERIFY2(std::isnan(got), qPrintable(QString::number(bits, 16)));
                continue;
            }
            if (got != want || std::signbit(got) != std::signbit(want))
                QFAIL(qPrintable(QString("half 0x%1: got %2, want %3").arg(bits, 4, 16).arg(got).arg(want)));
        }
        QCOMPARE(halfToFloat(0x3c00), 1.0f);
        QCOMPARE(halfToFloat(0x0001), 5.9604644775390625e-8f); // smallest subnormal, 2^-24
        QCOMPARE(halfToFloat(0x7bff), 65504.0f);
    }

    void bfloat16ConversionIsExact()
    {
        for (std::uint32_t bits = 0; bits < 65536; bits += 7) {
            const float got = bfloat16ToFloat(static_cast<std::uint16_t>(bits));
            std::uint32_t asFloat;
            std::memcpy(&asFloat, &got, 4);
            QCOMPARE(asFloat, bits << 16);
        }
        QCOMPARE(bfloat16ToFloat(0x4049), 3.140625f);
        QCOMPARE(bfloat16ToFloat(0xc2f7), -123.5f);
    }

    void convertsF16Tensors()
    {
        // a checkpoint written in float16: values come back as float, exactly
        const std::uint16_t halves[4] = {0x3c00, 0xc000, 0x3555, 0x0400}; // 1, -2, 0.33325195, 2^-14
        QByteArray raw(reinterpret_cast<const char*>(halves), 8);
        testing::CheckpointWriter w;
        w.addRaw("h", {2, 2}, "F16", raw);
        const QByteArray bytes = w.bytes();
        const SafeTensors t(std::as_bytes(std::span(bytes.constData(), static_cast<std::size_t>(bytes.size()))), "f16");
        QCOMPARE(t.toFloat(*t.find("h")), (std::vector<float>{1.0f, -2.0f, 0.333251953125f, 6.103515625e-5f}));
    }

    void readsFixtures_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("tensor");
        QTest::addColumn<int>("index");
        QTest::addColumn<float>("value");
        // values read with numpy from the same files (see tst_loader)
        QTest::newRow("transformers") << "hf_vit_cls/model/model.safetensors" << 72
                                      << "vit.embeddings.position_embeddings" << 196 * 96 + 95 << 0.038708172738552094f;
        QTest::newRow("timm") << "timm_vit_tiny/model/model.safetensors" << 44 << "blocks.1.attn.qkv.weight"
                              << 400 * 192 + 17 << -0.22757017612457275f;
    }

    void readsFixtures()
    {
        QFETCH(QString, file);
        QFETCH(int, count);
        QFETCH(QString, tensor);
        QFETCH(int, index);
        QFETCH(float, value);
        const std::filesystem::path path = std::filesystem::path(VITSCOPE_TEST_DATA) / file.toStdString();
        const MappedFile mapped(path);
        QCOMPARE(mapped.bytes().size(), std::filesystem::file_size(path));
        const SafeTensors t(mapped.bytes(), path.string());
        QCOMPARE(t.tensors().size(), std::size_t(count));
        const TensorInfo* info = t.find(tensor.toStdString());
        QVERIFY(info);
        QCOMPARE(info->dtype, std::string("F32"));
        QCOMPARE(t.toFloat(*info).at(index), value);
    }

    void mappingErrors()
    {
        QTemporaryDir dir;
        QVERIFY_THROWS_EXCEPTION(Error, MappedFile(dir.filePath("absent.safetensors").toStdString()));
        QVERIFY_THROWS_EXCEPTION(Error, MappedFile(dir.path().toStdString()));
        // an empty file maps to nothing and is then too short to be safetensors
        QVERIFY(testing::writeFile(dir.filePath("empty.safetensors"), {}));
        const MappedFile empty(dir.filePath("empty.safetensors").toStdString());
        QCOMPARE(empty.bytes().size(), std::size_t(0));
        QVERIFY_THROWS_EXCEPTION(Error, SafeTensors(empty.bytes(), "empty"));
    }
};

QTEST_GUILESS_MAIN(TestSafetensors)
#include "tst_safetensors.moc"
