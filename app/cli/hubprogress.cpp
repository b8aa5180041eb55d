#include "hubprogress.h"

#include <QDateTime>

#include <cstdio>
#include <unistd.h>

namespace vitscope::cli {

TerminalProgress::TerminalProgress() : enabled_(::isatty(STDERR_FILENO) == 1) {}

hub::HubClient::ProgressCallback TerminalProgress::callback()
{
    return [this](const hub::DownloadProgress& progress) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (!enabled_ || (now - lastDrawMs_ < 200 && progress.received < progress.total))
            return;
        lastDrawMs_ = now;
        drawn_ = true;
        const double percent = progress.total > 0 ? 100.0 * double(progress.received) / double(progress.total) : 0.0;
        const double rate = progress.bytesPerSecond;
        const qint64 secondsLeft = rate > 0 ? qint64(double(progress.total - progress.received) / rate) : -1;
        const QString left = secondsLeft < 0 ? QStringLiteral("--:--")
            : QStringLiteral("%1:%2").arg(secondsLeft / 60).arg(secondsLeft % 60, 2, 10, QLatin1Char('0'));
        std::fprintf(stderr, "\r%-28.28s %5.1f%%  %8.1f / %.1f MB  %6.1f MB/s  %s left \x1b[K",
                     qPrintable(progress.file), percent, double(progress.received) / 1e6,
                     double(progress.total) / 1e6, rate / 1e6, qPrintable(left));
        std::fflush(stderr);
    };
}

void TerminalProgress::finish()
{
    if (drawn_)
        std::fputc('\n', stderr);
    drawn_ = false;
}

} // namespace vitscope::cli
