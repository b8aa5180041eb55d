#include "npy.h"

#include "error.h"

#include <bit>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>
#include <string>
#include <string_view>

namespace vitscope {

static_assert(std::endian::native == std::endian::little, "npy reader assumes a little-endian host");

namespace {

constexpr char kMagic[] = "\x93NUMPY";
constexpr std::size_t kMagicSize = 6;

[[noreturn]] void fail(const std::string& name, const std::string& what)
{
    throw Error(name + ": " + what);
}

// The value of `'key': value` in the header dict, as text up to the next ',' at depth 0 or '}'.
std::string_view dictValue(std::string_view header, std::string_view key, const std::string& name)
{
    std::string quoted(1, '\'');
    quoted.append(key).push_back('\'');
    const std::size_t at = header.find(quoted);
    if (at == std::string_view::npos)
        fail(name, "npy header lacks '" + std::string(key) + "'");
    std::size_t pos = header.find(':', at + quoted.size());
    if (pos == std::string_view::npos)
        fail(name, "npy header is malformed after '" + std::string(key) + "'");
    ++pos;
    while (pos < header.size() && header[pos] == ' ')
        ++pos;
    int depth = 0;
    std::size_t end = pos;
    for (; end < header.size(); ++end) {
        const char c = header[end];
        if (c == '(' || c == '[')
            ++depth;
        else if (c == ')' || c == ']')
            --depth;
        if (depth == 0 && (c == ',' || c == '}'))
            break;
        if (depth < 0)
            fail(name, "npy header has unbalanced brackets");
    }
    if (end == header.size())
        fail(name, "npy header is not terminated");
    return header.substr(pos, end - pos);
}

std::vector<std::size_t> parseShape(std::string_view text, const std::string& name)
{
    if (text.size() < 2 || text.front() != '(' || text.back() != ')')
        fail(name, "npy shape '" + std::string(text) + "' is not a tuple");
    std::vector<std::size_t> shape;
    std::size_t i = 1;
    while (i + 1 < text.size()) {
        while (i + 1 < text.size() && (text[i] == ' ' || text[i] == ','))
            ++i;
        if (i + 1 >= text.size())
            break;
        std::size_t value = 0;
        bool digits = false;
        while (i + 1 < text.size() && text[i] >= '0' && text[i] <= '9') {
            const std::size_t digit = static_cast<std::size_t>(text[i] - '0');
            if (value > (std::numeric_limits<std::size_t>::max() - digit) / 10)
                fail(name, "npy shape overflows");
            value = value * 10 + digit;
            digits = true;
            ++i;
        }
        if (!digits)
            fail(name, "npy shape '" + std::string(text) + "' is malformed");
        shape.push_back(value);
    }
    return shape;
}

} // namespace

std::size_t NpyArray::size() const
{
    std::size_t n = 1;
    for (std::size_t d : shape)
        n *= d;
    return n;
}

NpyArray parseNpy(std::span<const std::byte> bytes, const std::string& name)
{
    if (bytes.size() < kMagicSize + 4 || std::memcmp(bytes.data(), kMagic, kMagicSize) != 0)
        fail(name, "not a .npy file (bad magic)");
    const auto byteAt = [&](std::size_t i) { return static_cast<std::uint8_t>(bytes[i]); };
    const int major = byteAt(6);
    std::size_t headerLen = 0;
    std::size_t headerStart = 0;
    if (major == 1) {
        headerLen = byteAt(8) | (std::size_t(byteAt(9)) << 8);
        headerStart = 10;
    } else if (major == 2 || major == 3) {
        if (bytes.size() < 12)
            fail(name, "npy header is truncated");
        headerLen = byteAt(8) | (std::size_t(byteAt(9)) << 8) | (std::size_t(byteAt(10)) << 16)
            | (std::size_t(byteAt(11)) << 24);
        headerStart = 12;
    } else {
        fail(name, "unsupported npy format version " + std::to_string(major));
    }
    if (headerLen > bytes.size() - headerStart)
        fail(name, "npy header is truncated");
    const std::string_view header(reinterpret_cast<const char*>(bytes.data()) + headerStart, headerLen);

    const std::string_view descr = dictValue(header, "descr", name);
    const std::string_view fortran = dictValue(header, "fortran_order", name);
    if (fortran != "False")
        fail(name, "npy arrays in Fortran order are not supported");
    NpyArray array;
    array.shape = parseShape(dictValue(header, "shape", name), name);

    std::size_t count = 1;
    for (std::size_t d : array.shape) {
        if (d != 0 && count > std::numeric_limits<std::size_t>::max() / 8 / d)
            fail(name, "npy shape overflows");
        count *= d;
    }
    std::size_t itemSize = 0;
    if (descr == "'<f4'")
        itemSize = 4;
    else if (descr == "'<f8'")
        itemSize = 8;
    else if (descr == "'|u1'")
        itemSize = 1;
    else
        fail(name, "unsupported npy dtype " + std::string(descr) + " (expected '<f4', '<f8' or '|u1')");

    const std::size_t dataStart = headerStart + headerLen;
    const std::size_t available = bytes.size() - dataStart;
    if (available != count * itemSize)
        fail(name, "npy data holds " + std::to_string(available) + " bytes, shape needs "
                + std::to_string(count * itemSize));
    const std::byte* src = bytes.data() + dataStart;
    array.data.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        if (itemSize == 4) {
            float v;
            std::memcpy(&v, src + 4 * i, 4);
            array.data[i] = v;
        } else if (itemSize == 8) {
            double v;
            std::memcpy(&v, src + 8 * i, 8);
            array.data[i] = static_cast<float>(v);
        } else {
            array.data[i] = static_cast<float>(static_cast<std::uint8_t>(src[i]));
        }
    }
    return array;
}

NpyArray readNpy(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        fail(path.string(), "cannot open for reading");
    std::vector<char> raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad())
        fail(path.string(), "read error");
    return parseNpy(std::as_bytes(std::span<const char>(raw)), path.string());
}

void writeNpy(const std::filesystem::path& path, const float* data, std::span<const std::size_t> shape)
{
    // numpy's own spelling: () for a scalar, (5,) for one dimension, (2, 3) for more.
    std::string dims;
    std::size_t count = 1;
    for (std::size_t i = 0; i < shape.size(); ++i) {
        if (i > 0)
            dims += ", ";
        dims += std::to_string(shape[i]);
        count *= shape[i];
    }
    if (shape.size() == 1)
        dims += ",";
    std::string dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + ")";
    dict += ", }";
    // Pad with spaces so the data starts on a 64-byte boundary, header ends with '\n'.
    const std::size_t unpadded = kMagicSize + 4 + dict.size() + 1;
    dict.append((64 - unpadded % 64) % 64, ' ');
    dict += '\n';
    if (dict.size() > 0xffff)
        fail(path.string(), "npy header too long");

    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out)
        fail(path.string(), "cannot open for writing");
    out.write(kMagic, kMagicSize);
    const char version[2] = {1, 0};
    out.write(version, 2);
    const char len[2] = {static_cast<char>(dict.size() & 0xff), static_cast<char>(dict.size() >> 8)};
    out.write(len, 2);
    out.write(dict.data(), static_cast<std::streamsize>(dict.size()));
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(count * sizeof(float)));
    if (!out)
        fail(path.string(), "write error");
}

} // namespace vitscope
