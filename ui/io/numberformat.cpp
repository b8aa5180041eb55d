#include "numberformat.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace vitscope::numberformat {

namespace {

// Fixed-point labels need at most this many decimals; finer values are written scientifically.
constexpr int kMaxFixedDecimals = 4;
// Values this large are written scientifically.
constexpr double kMaxFixed = 1e6;
constexpr int kMaxMantissaDecimals = 3;
const QChar kNoBreakSpace(0x00A0);

// Whether the locale writes a space between a number and its percent sign (CLDR's percent
// patterns: "#,##0 %" in these languages, "#,##0%" in English, Chinese, Japanese and most others).
bool spacedPercent(const QLocale& locale)
{
    switch (locale.language()) {
    case QLocale::German:
    case QLocale::French:
    case QLocale::Spanish:
    case QLocale::Swedish:
    case QLocale::NorwegianBokmal:
    case QLocale::Finnish:
    case QLocale::Danish:
    case QLocale::Czech:
    case QLocale::Slovak:
    case QLocale::Russian:
        return true;
    default:
        return false;
    }
}

// Whether every value is within a millionth of `resolution` of itself rounded to `decimals`.
bool exactAt(std::span<const double> values, int decimals, double resolution)
{
    const double scale = std::pow(10.0, decimals);
    return std::all_of(values.begin(), values.end(), [&](double v) {
        return !std::isfinite(v) || std::abs(std::round(v * scale) / scale - v) <= 1e-6 * resolution;
    });
}

// The smallest gap between two different values; the largest magnitude for fewer than two.
double resolutionOf(std::span<const double> values, double largest)
{
    std::vector<double> sorted;
    for (double v : values)
        if (std::isfinite(v))
            sorted.push_back(v);
    std::sort(sorted.begin(), sorted.end());
    double gap = largest;
    for (std::size_t i = 1; i < sorted.size(); ++i)
        if (sorted[i] > sorted[i - 1])
            gap = std::min(gap, sorted[i] - sorted[i - 1]);
    return gap;
}

QString superscript(int exponent)
{
    static const QString digits = QStringLiteral("⁰¹²³⁴⁵⁶⁷⁸⁹");
    QString text = exponent < 0 ? QStringLiteral("⁻") : QString();
    for (const QChar c : QString::number(std::abs(exponent)))
        text += digits[c.digitValue()];
    return text;
}

// v as m × 10^e with 1 <= |m| < 10 after rounding m to `decimals`.
QString scientific(double v, int decimals, const QLocale& locale)
{
    if (v == 0)
        return locale.toString(0);
    int exponent = static_cast<int>(std::floor(std::log10(std::abs(v))));
    double mantissa = v / std::pow(10.0, exponent);
    const double scale = std::pow(10.0, decimals);
    if (std::abs(std::round(mantissa * scale) / scale) >= 10.0) {
        ++exponent;
        mantissa /= 10.0;
    }
    return locale.toString(mantissa, 'f', decimals) + kNoBreakSpace + QChar(0x00D7) + kNoBreakSpace
           + QStringLiteral("10") + superscript(exponent);
}

QString withoutTrailingZeros(QString text, const QLocale& locale)
{
    const QString point = locale.decimalPoint();
    if (!text.contains(point))
        return text;
    while (text.endsWith(locale.zeroDigit()))
        text.chop(locale.zeroDigit().size());
    if (text.endsWith(point))
        text.chop(point.size());
    return text;
}

} // namespace

QString percent(double percent, int decimals, const QLocale& locale)
{
    const QString number = locale.toString(percent, 'f', decimals);
    return spacedPercent(locale) ? number + kNoBreakSpace + locale.percent() : number + locale.percent();
}

QString probability(double probability, const QLocale& locale)
{
    const double hundred = 100.0 * probability;
    const double least = std::pow(10.0, -kProbabilityDecimals);
    if (probability > 0 && hundred < least / 2)
        return QStringLiteral("<") + kNoBreakSpace + percent(least, kProbabilityDecimals, locale);
    if (probability < 1 && hundred >= 100.0 - least / 2)
        return QStringLiteral(">") + kNoBreakSpace + percent(100.0 - least, kProbabilityDecimals, locale);
    return percent(hundred, kProbabilityDecimals, locale);
}

QStringList values(std::span<const double> values, const QLocale& locale)
{
    double largest = 0;
    for (double v : values)
        if (std::isfinite(v))
            largest = std::max(largest, std::abs(v));
    const double resolution = resolutionOf(values, largest);
    QStringList labels;
    if (largest == 0) {
        for (double v : values)
            labels << locale.toString(v);
        return labels;
    }
    int decimals = 0;
    while (decimals <= kMaxFixedDecimals && !exactAt(values, decimals, resolution))
        ++decimals;
    // Not round numbers: two significant digits of the smallest gap.
    if (decimals > kMaxFixedDecimals)
        decimals = std::max(0, static_cast<int>(std::ceil(-std::log10(resolution))) + 1);
    if (decimals <= kMaxFixedDecimals && largest < kMaxFixed) {
        for (double v : values)
            labels << locale.toString(v, 'f', decimals);
        return labels;
    }
    // Enough mantissa decimals for every value (each at its own exponent) to come out exact.
    int mantissa = 0;
    const auto exactMantissas = [&](int d) {
        return std::all_of(values.begin(), values.end(), [&](double v) {
            if (!std::isfinite(v) || v == 0)
                return true;
            const double unit = std::pow(10.0, std::floor(std::log10(std::abs(v))) - d);
            return std::abs(std::round(v / unit) * unit - v) <= 1e-6 * resolution;
        });
    };
    while (mantissa < kMaxMantissaDecimals && !exactMantissas(mantissa))
        ++mantissa;
    for (double v : values)
        labels << (std::isfinite(v) ? scientific(v, mantissa, locale) : locale.toString(v));
    return labels;
}

QString value(double value, int significant, const QLocale& locale)
{
    if (!std::isfinite(value) || value == 0)
        return locale.toString(value);
    significant = std::max(significant, 1);
    const int exponent = static_cast<int>(std::floor(std::log10(std::abs(value))));
    const int decimals = significant - 1 - exponent;
    if (decimals <= kMaxFixedDecimals + significant - 1 && std::abs(value) < kMaxFixed)
        return withoutTrailingZeros(locale.toString(value, 'f', std::max(decimals, 0)), locale);
    QString text = scientific(value, significant - 1, locale);
    const int times = text.indexOf(kNoBreakSpace);
    return withoutTrailingZeros(text.left(times), locale) + text.mid(times);
}

} // namespace vitscope::numberformat
