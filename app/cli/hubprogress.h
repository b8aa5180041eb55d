#pragma once
// A one-line progress bar on stderr for downloads, drawn only when stderr is a terminal.
#include "hubclient.h"

namespace vitscope::cli {

class TerminalProgress {
public:
    TerminalProgress();
    hub::HubClient::ProgressCallback callback();
    // Ends the line the bar was drawn on.
    void finish();

private:
    bool enabled_ = false;
    bool drawn_ = false;
    qint64 lastDrawMs_ = -1000;
};

} // namespace vitscope::cli
