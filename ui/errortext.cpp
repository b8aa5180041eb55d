#include "errortext.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace vitscope {

namespace {
struct ErrorTexts {
    Q_DECLARE_TR_FUNCTIONS(vitscope::ErrorText)
};
} // namespace

ErrorText describeError(const QString& message)
{
    QString summary = message;
    // nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 2: ..." says
    // where, then how the parser failed; the where is what a user can act on.
    static const QRegularExpression json(
        QStringLiteral(R"(\[json\.exception\.[a-z_]+\.\d+\]\s*(?:parse error at line (\d+), column (\d+))?[^\n]*)"));
    summary.replace(json, QString());
    summary = summary.trimmed();
    while (summary.endsWith(QLatin1Char(':')))
        summary.chop(1);
    if (const QRegularExpressionMatch where = json.match(message); where.hasMatch() && where.hasCaptured(1))
        summary += ErrorTexts::tr(" (line %1, column %2)").arg(where.captured(1), where.captured(2));
    // Whole paths, which the loaders repeat at every level, shrink to the file's own name.
    static const QRegularExpression path(QStringLiteral(R"((?:^|(?<=[\s'"(]))(/[^\s:'"()]+))"));
    QString shortened;
    qsizetype last = 0;
    for (const QRegularExpressionMatch& m : path.globalMatch(summary)) {
        shortened += summary.mid(last, m.capturedStart(1) - last) + QFileInfo(m.captured(1)).fileName();
        last = m.capturedEnd(1);
    }
    shortened += summary.mid(last);
    shortened.replace(QRegularExpression(QStringLiteral(R"(:\s*:)")), QStringLiteral(":"));
    // "Cannot load model: model: no weights" says the name once.
    shortened.replace(QRegularExpression(QStringLiteral(R"((?<=[\s])([^\s:]+): \1:)")), QStringLiteral("\\1:"));
    shortened = shortened.trimmed();
    while (shortened.endsWith(QLatin1Char(':')))
        shortened.chop(1);
    if (shortened == message)
        return {message, {}};
    return {shortened, QDir::toNativeSeparators(message)};
}

} // namespace vitscope
