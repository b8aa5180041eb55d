#pragma once
// One function per CLI command; each returns the process exit code and throws vitscope::Error
// for bad input, which main turns into one line on stderr and exit code 1.
#include <string>
#include <vector>

namespace vitscope::cli {

int classify(const std::vector<std::string>& args);
int inspect(const std::vector<std::string>& args);
int explain(const std::vector<std::string>& args);
int faithfulness(const std::vector<std::string>& args);
int shapes(const std::vector<std::string>& args);
int evaluateShapes(const std::vector<std::string>& args);
int bench(const std::vector<std::string>& args);
int models(const std::vector<std::string>& args);
int download(const std::vector<std::string>& args);
int figure(const std::vector<std::string>& args);

} // namespace vitscope::cli
