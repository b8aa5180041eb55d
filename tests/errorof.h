#pragma once
// What a backend call throws, for tests of error messages.
#include "error.h"

#include <QString>
#include <QTest>

namespace testing {

// The Error message of `f`, or "<no error>" when it does not throw.
template <typename F>
QString errorOf(F&& f)
{
    try {
        f();
    } catch (const vitscope::Error& e) {
        return QString::fromUtf8(e.what());
    }
    return QStringLiteral("<no error>");
}

} // namespace testing

// Fails unless `call` throws an Error whose message contains every one of the strings.
#define VERIFY_ERROR(call, ...)                                                                 \
    do {                                                                                        \
        const QString message_ = ::testing::errorOf([&] { call; });                             \
        for (const char* part_ : {__VA_ARGS__})                                                 \
            QVERIFY2(message_.contains(QLatin1String(part_)), qPrintable(message_));            \
    } while (false)
