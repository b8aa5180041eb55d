#include "bloblock.h"

#include "error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace vitscope::hub {

BlobLock::BlobLock(QString path) : path_(std::move(path)) {}

BlobLock::~BlobLock()
{
    if (fd_ >= 0) {
        ::flock(fd_, LOCK_UN);
        ::close(fd_);
    }
}

bool BlobLock::tryLock()
{
    if (fd_ < 0) {
        QDir().mkpath(QFileInfo(path_).path());
        fd_ = ::open(QFile::encodeName(path_).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd_ < 0)
            throw Error("cannot create the lock file " + path_.toStdString());
    }
    return ::flock(fd_, LOCK_EX | LOCK_NB) == 0;
}

} // namespace vitscope::hub
