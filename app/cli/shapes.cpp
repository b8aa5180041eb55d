#include "commands.h"

#include "error.h"

namespace vitscope::cli {
int shapes(const std::vector<std::string>&) { throw Error("shapes: not built yet"); }
int evaluateShapes(const std::vector<std::string>&) { throw Error("evaluate-shapes: not built yet"); }
}
