#pragma once
// What an error says to the user: one line in the user's terms (file names rather than whole
// paths, no library codes), and the full text behind "Show Details…".
#include <QString>

namespace vitscope {

struct ErrorText {
    QString summary;
    QString details; // the full message; empty when the summary already is it
};

ErrorText describeError(const QString& message);

} // namespace vitscope
