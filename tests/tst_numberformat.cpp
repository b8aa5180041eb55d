// numberformat.h: probabilities and values written one way everywhere, in each UI language's
// conventions (decimal separator, space before the percent sign), checked against strings
// written out by hand.
#include "numberformat.h"

#include <QSet>
#include <QTest>

#include <cmath>
#include <vector>

using namespace vitscope;

namespace {

const QString nbsp(QChar(0x00A0));

// The expected text with '_' for the no-break space the formatter puts where a line must not break.
QString spaced(QString text) { return text.replace(QLatin1Char('_'), nbsp); }

} // namespace

class tst_NumberFormat : public QObject {
    Q_OBJECT
private slots:
    void probability_data();
    void probability();
    void percentFollowsTheDefaultLocale();
    void values_data();
    void values();
    void valuesAreOneStyle_data();
    void valuesAreOneStyle();
    void value_data();
    void value();
};

void tst_NumberFormat::probability_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<double>("p");
    QTest::addColumn<QString>("expected");
    const struct {
        const char* name;
        const char* en;
        const char* de;
        const char* zh;
        double p;
    } rows[] = {
        {"typical", "94.93%", "94,93_%", "94.93%", 0.94932},
        {"rounds up", "12.35%", "12,35_%", "12.35%", 0.123456},
        {"zero", "0.00%", "0,00_%", "0.00%", 0.0},
        {"one", "100.00%", "100,00_%", "100.00%", 1.0},
        {"tiny but not zero", "<_0.01%", "<_0,01_%", "<_0.01%", 0.00004},
        {"just shows", "0.01%", "0,01_%", "0.01%", 0.00005},
        {"almost sure", ">_99.99%", ">_99,99_%", ">_99.99%", 0.99996},
        {"just below the top", "99.99%", "99,99_%", "99.99%", 0.99994},
        {"float one minus epsilon", ">_99.99%", ">_99,99_%", ">_99.99%", static_cast<double>(1.0f - 1e-7f)},
    };
    for (const auto& row : rows) {
        QTest::addRow("en %s", row.name) << "en" << row.p << spaced(row.en);
        QTest::addRow("de %s", row.name) << "de" << row.p << spaced(row.de);
        QTest::addRow("zh_CN %s", row.name) << "zh_CN" << row.p << spaced(row.zh);
    }
}

void tst_NumberFormat::probability()
{
    QFETCH(QString, locale);
    QFETCH(double, p);
    QFETCH(QString, expected);
    QCOMPARE(numberformat::probability(p, QLocale(locale)), expected);
}

// Without a locale given, the UI language's (QLocale's default) decides.
void tst_NumberFormat::percentFollowsTheDefaultLocale()
{
    const QLocale before;
    QLocale::setDefault(QLocale(QStringLiteral("de")));
    QCOMPARE(numberformat::percent(12.5, 1), spaced(QStringLiteral("12,5_%")));
    QCOMPARE(numberformat::probability(0.5), spaced(QStringLiteral("50,00_%")));
    QLocale::setDefault(QLocale(QStringLiteral("zh_CN")));
    QCOMPARE(numberformat::percent(12.5, 1), QStringLiteral("12.5%"));
    QLocale::setDefault(before);
}

void tst_NumberFormat::values_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<std::vector<double>>("input");
    QTest::addColumn<QStringList>("expected");
    // The mix (2.422E-07 next to 0.001347) cannot happen: one set, one style.
    QTest::newRow("en tiny") << "en" << std::vector<double>{0, 1e-7, 2e-7, 3e-7}
                             << QStringList{"0", spaced("1_×_10⁻⁷"), spaced("2_×_10⁻⁷"), spaced("3_×_10⁻⁷")};
    QTest::newRow("de tiny halves") << "de" << std::vector<double>{5e-8, 1e-7, 1.5e-7}
                                    << QStringList{spaced("5,0_×_10⁻⁸"), spaced("1,0_×_10⁻⁷"), spaced("1,5_×_10⁻⁷")};
    QTest::newRow("en small") << "en" << std::vector<double>{0, 0.0005, 0.001, 0.0015}
                              << QStringList{"0.0000", "0.0005", "0.0010", "0.0015"};
    QTest::newRow("de quarters") << "de" << std::vector<double>{0, 0.25, 0.5, 0.75, 1}
                                 << QStringList{"0,00", "0,25", "0,50", "0,75", "1,00"};
    QTest::newRow("zh_CN negative") << "zh_CN" << std::vector<double>{-1, -0.5, 0, 0.5, 1}
                                    << QStringList{"-1.0", "-0.5", "0.0", "0.5", "1.0"};
    QTest::newRow("en integers") << "en" << std::vector<double>{0, 20, 40, 60}
                                 << QStringList{"0", "20", "40", "60"};
    QTest::newRow("de large") << "de" << std::vector<double>{0, 2e6, 4e6}
                              << QStringList{"0", spaced("2_×_10⁶"), spaced("4_×_10⁶")};
    QTest::newRow("en not round") << "en" << std::vector<double>{0.1234567, 0.2345678}
                                  << QStringList{"0.12", "0.23"};
    QTest::newRow("en all zero") << "en" << std::vector<double>{0, 0} << QStringList{"0", "0"};
    QTest::newRow("en none") << "en" << std::vector<double>{} << QStringList{};
}

void tst_NumberFormat::values()
{
    QFETCH(QString, locale);
    QFETCH(std::vector<double>, input);
    QFETCH(QStringList, expected);
    QCOMPARE(numberformat::values(input, QLocale(locale)), expected);
}

void tst_NumberFormat::valuesAreOneStyle_data()
{
    QTest::addColumn<QString>("locale");
    QTest::newRow("en") << "en";
    QTest::newRow("de") << "de";
    QTest::newRow("zh_CN") << "zh_CN";
}

// Ticks over ranges from 1e-9 to 1e7: every label of a set is in the same style, and the labels
// of different values differ.
void tst_NumberFormat::valuesAreOneStyle()
{
    QFETCH(QString, locale);
    const QLocale l(locale);
    for (int e = -9; e <= 7; ++e) {
        for (double step : {1.0, 2.0, 2.5, 5.0}) {
            std::vector<double> ticks;
            for (int i = 1; i <= 4; ++i)
                ticks.push_back(i * step * std::pow(10.0, e));
            const QStringList labels = numberformat::values(ticks, l);
            QCOMPARE(labels.size(), 4);
            const bool scientific = labels[0].contains(QChar(0x00D7));
            for (const QString& label : labels) {
                QCOMPARE(label.contains(QChar(0x00D7)), scientific);
                QVERIFY2(!label.contains(QLatin1Char('E')) && !label.contains(QLatin1Char('e')), qPrintable(label));
                if (!scientific)
                    QCOMPARE(label.section(l.decimalPoint(), 1).size(), labels[0].section(l.decimalPoint(), 1).size());
            }
            QCOMPARE(QSet<QString>(labels.begin(), labels.end()).size(), 4);
        }
    }
}

void tst_NumberFormat::value_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<double>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("en") << "en" << 0.001347 << "0.001347";
    QTest::newRow("de") << "de" << 0.001347 << "0,001347";
    QTest::newRow("de tiny") << "de" << 2.422e-7 << spaced("2,422_×_10⁻⁷");
    QTest::newRow("zh_CN") << "zh_CN" << 123.456 << "123.5";
    QTest::newRow("en round") << "en" << 0.5 << "0.5";
    QTest::newRow("en zero") << "en" << 0.0 << "0";
    QTest::newRow("en negative") << "en" << -3.14159 << "-3.142";
    QTest::newRow("en large") << "en" << 12345678.0 << spaced("1.235_×_10⁷");
}

void tst_NumberFormat::value()
{
    QFETCH(QString, locale);
    QFETCH(double, input);
    QFETCH(QString, expected);
    QCOMPARE(numberformat::value(input, 4, QLocale(locale)), expected);
}

QTEST_APPLESS_MAIN(tst_NumberFormat)
#include "tst_numberformat.moc"
