#include "commands.h"

#include "error.h"

namespace vitscope::cli {
int classify(const std::vector<std::string>&) { throw Error("classify: not built yet"); }
}
