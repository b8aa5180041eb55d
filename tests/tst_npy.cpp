// .npy reading and writing: round trips through numpy's own layout and the real fixtures.
#include "error.h"
#include "npy.h"

#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <fstream>
#include <numeric>

using namespace vitscope;

class TestNpy : public QObject {
    Q_OBJECT

private:
    static std::filesystem::path data(const char* relative)
    {
        return std::filesystem::path(VITSCOPE_TEST_DATA) / relative;
    }

    static void writeBytes(const std::filesystem::path& path, const std::string& bytes)
    {
        std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<QList<int>>("shape");
        QTest::newRow("scalar") << QList<int>{};
        QTest::newRow("vector") << QList<int>{7};
        QTest::newRow("matrix") << QList<int>{3, 5};
        QTest::newRow("4d") << QList<int>{2, 3, 4, 5};
        QTest::newRow("empty") << QList<int>{0, 3};
    }

    void roundTrip()
    {
        QFETCH(QList<int>, shape);
        std::vector<std::size_t> dims(shape.begin(), shape.end());
        std::size_t n = 1;
        for (std::size_t d : dims)
            n *= d;
        std::vector<float> values(n);
        for (std::size_t i = 0; i < n; ++i)
            values[i] = static_cast<float>(i) * 0.37f - 3.0f;

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::filesystem::path path = dir.filePath("a.npy").toStdString();
        writeNpy(path, values.data(), dims);

        // numpy requires the data to start on a 64-byte boundary, the header ending in '\n'.
        std::ifstream in(path, std::ios::binary);
        std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const std::size_t headerLen = static_cast<unsigned char>(raw[8]) | (static_cast<unsigned char>(raw[9]) << 8);
        QCOMPARE((10 + headerLen) % 64, std::size_t(0));
        QCOMPARE(raw[9 + headerLen], '\n');
        QCOMPARE(raw.size(), 10 + headerLen + n * sizeof(float));

        const NpyArray back = readNpy(path);
        QCOMPARE(back.shape, dims);
        QCOMPARE(back.data, values);
    }

    void writesNumpySpelling()
    {
        QTemporaryDir dir;
        const std::filesystem::path path = dir.filePath("v.npy").toStdString();
        const float v[3] = {1, 2, 3};
        const std::size_t shape[1] = {3};
        writeNpy(path, v, shape);
        std::ifstream in(path, std::ios::binary);
        std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        QVERIFY(raw.find("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }") != std::string::npos);
    }

    void readsFixtures_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QList<int>>("shape");
        QTest::newRow("hf logits") << "hf_vit_cls/logits.npy" << QList<int>{10};
        QTest::newRow("hf pixels") << "hf_vit_cls/pixel_values.npy" << QList<int>{1, 3, 224, 224};
        QTest::newRow("hf attentions") << "hf_vit_cls/attentions.npy" << QList<int>{4, 3, 197, 197};
        QTest::newRow("hf hidden") << "hf_vit_cls/last_hidden_state.npy" << QList<int>{197, 96};
        QTest::newRow("timm logits") << "timm_vit_tiny/logits.npy" << QList<int>{5};
        QTest::newRow("timm attentions") << "timm_vit_tiny/attentions.npy" << QList<int>{3, 3, 197, 197};
    }

    void readsFixtures()
    {
        QFETCH(QString, file);
        QFETCH(QList<int>, shape);
        const NpyArray a = readNpy(data(file.toUtf8().constData()));
        QCOMPARE(a.shape, std::vector<std::size_t>(shape.begin(), shape.end()));
        QCOMPARE(a.data.size(), a.size());
        if (file.contains("attentions")) {
            // softmax rows: every query's attention sums to one
            const std::size_t t = a.shape.back();
            for (std::size_t row = 0; row < a.size() / t; row += 97) {
                const double sum = std::accumulate(a.data.begin() + row * t, a.data.begin() + (row + 1) * t, 0.0);
                QVERIFY2(std::abs(sum - 1.0) < 1e-4, qPrintable(QString::number(sum)));
            }
        }
        if (file.contains("pixel")) {
            // mean/std 0.5 normalisation keeps every value inside [-1, 1]
            for (float v : a.data)
                QVERIFY(v >= -1.0001f && v <= 1.0001f);
        }
    }

    void readsFloat64AndUint8()
    {
        QTemporaryDir dir;
        const auto make = [&](const char* name, const std::string& descr, const std::string& payload) {
            std::string header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (2,), }";
            header.append((64 - (10 + header.size() + 1) % 64) % 64, ' ');
            header += '\n';
            std::string raw = std::string("\x93NUMPY\x01\x00", 8);
            raw += static_cast<char>(header.size());
            raw += '\0';
            raw += header + payload;
            const std::filesystem::path path = dir.filePath(name).toStdString();
            writeBytes(path, raw);
            return path;
        };
        double d[2] = {0.25, -1.5};
        std::string dp(reinterpret_cast<const char*>(d), sizeof d);
        QCOMPARE(readNpy(make("d.npy", "<f8", dp)).data, (std::vector<float>{0.25f, -1.5f}));
        QCOMPARE(readNpy(make("u.npy", "|u1", std::string("\x07\xff", 2))).data, (std::vector<float>{7.0f, 255.0f}));
    }

    void rejectsBadFiles_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        const auto file = [](const std::string& dict, std::size_t payload) {
            std::string raw = std::string("\x93NUMPY\x01\x00", 8);
            raw += static_cast<char>(dict.size());
            raw += '\0';
            raw += dict;
            raw += std::string(payload, '\0');
            return QByteArray(raw.data(), static_cast<qsizetype>(raw.size()));
        };
        QTest::newRow("magic") << QByteArray("NOTNUMPY and more") << "bad magic";
        QTest::newRow("truncated header") << file("{'descr': '<f4'", 0).left(14) << "truncated";
        QTest::newRow("dtype") << file("{'descr': '<i4', 'fortran_order': False, 'shape': (2,), }\n", 8) << "dtype";
        QTest::newRow("fortran") << file("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }\n", 16) << "Fortran";
        QTest::newRow("short data") << file("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }\n", 12) << "16";
        QTest::newRow("no shape") << file("{'descr': '<f4', 'fortran_order': False, }\n", 4) << "shape";
        QTest::newRow("overflow") << file("{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999, 99999999999), }\n", 4) << "overflow";
    }

    void rejectsBadFiles()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const std::filesystem::path path = dir.filePath("bad.npy").toStdString();
        writeBytes(path, bytes.toStdString());
        try {
            readNpy(path);
            QFAIL("expected an Error");
        } catch (const Error& e) {
            const QString what = QString::fromUtf8(e.what());
            QVERIFY2(what.contains(message), qPrintable(what));
            QVERIFY2(what.contains("bad.npy"), qPrintable(what));
        }
    }
};

QTEST_GUILESS_MAIN(TestNpy)
#include "tst_npy.moc"
