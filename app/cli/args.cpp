#include "args.h"

#include "error.h"

#include <charconv>

namespace vitscope::cli {

Args::Args(const std::vector<std::string>& words, const std::set<std::string>& options,
           const std::set<std::string>& flags)
{
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& word = words[i];
        if (!word.starts_with("--"))
            throw Error("unexpected argument '" + word + "'");
        const std::string name = word.substr(2);
        if (flags.contains(name)) {
            flags_.insert(name);
        } else if (options.contains(name)) {
            if (i + 1 >= words.size())
                throw Error("option --" + name + " needs a value");
            values_.emplace_back(name, words[++i]);
        } else {
            throw Error("unknown option --" + name);
        }
    }
}

std::optional<std::string> Args::value(const std::string& name) const
{
    for (const auto& [key, value] : values_)
        if (key == name)
            return value;
    return std::nullopt;
}

std::string Args::required(const std::string& name) const
{
    if (auto v = value(name))
        return *v;
    throw Error("missing required option --" + name);
}

int Args::integer(const std::string& name, int fallback) const
{
    const auto text = value(name);
    if (!text)
        return fallback;
    int result = 0;
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), result);
    if (ec != std::errc() || end != text->data() + text->size())
        throw Error("option --" + name + " expects an integer, got '" + *text + "'");
    return result;
}

bool Args::flag(const std::string& name) const { return flags_.contains(name); }

} // namespace vitscope::cli
