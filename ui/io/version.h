#pragma once
// The version both programs print with --version and the About dialog shows.
#include <QString>

namespace vitscope {

// CMake's project(VERSION), and `git describe --always --dirty` of the source tree when it was
// built from git: "0.1.0 (git e63872e-dirty)".
QString applicationVersion();

// What --version prints after the program's name: applicationVersion() and, on a second line,
// the backend this run uses (kernels::backendDescription()).
QString versionText();

} // namespace vitscope
