#include "commands.h"

#include "error.h"

namespace vitscope::cli {
int bench(const std::vector<std::string>&) { throw Error("bench: not built yet"); }
}
