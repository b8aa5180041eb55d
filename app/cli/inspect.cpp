#include "commands.h"

#include "error.h"

namespace vitscope::cli {
int inspect(const std::vector<std::string>&) { throw Error("inspect: not built yet"); }
}
