#pragma once
// The CLI's arguments: `--name value` options and `--flag` switches after the command word.
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace vitscope::cli {

class Args {
public:
    // flags: names that take no value. Throws vitscope::Error on unknown or malformed options.
    Args(const std::vector<std::string>& words, const std::set<std::string>& options,
         const std::set<std::string>& flags);

    std::optional<std::string> value(const std::string& name) const;
    std::string required(const std::string& name) const;
    int integer(const std::string& name, int fallback) const;
    bool flag(const std::string& name) const;

private:
    std::vector<std::pair<std::string, std::string>> values_;
    std::set<std::string> flags_;
};

} // namespace vitscope::cli
