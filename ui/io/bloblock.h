#pragma once
// The lock huggingface_hub's filelock takes on CACHE/.locks/<repo>/<etag>.lock while it writes a
// blob: flock() on that file. QLockFile would not exclude a Python or JavaScript process, which
// flock()s the same path.
#include <QString>

namespace vitscope::hub {

class BlobLock {
public:
    explicit BlobLock(QString path);
    ~BlobLock();
    BlobLock(const BlobLock&) = delete;
    BlobLock& operator=(const BlobLock&) = delete;

    // Non-blocking; creates the folder and file as needed. False while another process holds it.
    bool tryLock();

private:
    QString path_;
    int fd_ = -1;
};

} // namespace vitscope::hub
