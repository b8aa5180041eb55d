#pragma once
// One way to write numbers across ViTScope (tables, status bar, How it works, colour bars, the CLI
// and exported figures), in the conventions of a locale: its decimal separator, and whether it
// puts a space before the percent sign ("99,99 %" in German, "99.99%" in English and Chinese).
// Every function takes the locale, QLocale() (the UI language's) by default.
#include <QLocale>
#include <QString>
#include <QStringList>

#include <span>

namespace vitscope::numberformat {

// Decimals of a probability everywhere.
constexpr int kProbabilityDecimals = 2;

// A percentage: "12.5%" / "12,5 %".
QString percent(double percent, int decimals, const QLocale& locale = QLocale());

// A probability (0..1) as a percentage with kProbabilityDecimals decimals. What would round to
// 0 or 100 while it is not reads "< 0.01%" or "> 99.99%", so that a sure-looking answer is
// never shown as certain.
QString probability(double probability, const QLocale& locale = QLocale());

// Labels for a set of values shown together (a colour bar's ticks): all in one style, either
// fixed-point with the same number of decimals or scientific ("2.5 × 10⁻⁷") with the same
// number of mantissa decimals, with just enough digits to tell the values apart.
QStringList values(std::span<const double> values, const QLocale& locale = QLocale());

// One value on its own with about `significant` significant digits, in the style values() uses.
QString value(double value, int significant = 4, const QLocale& locale = QLocale());

} // namespace vitscope::numberformat
