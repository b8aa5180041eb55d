#include "safetensors.h"

#include "error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstring>
#include <limits>
#include <set>
#include <utility>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace vitscope {

static_assert(std::endian::native == std::endian::little, "safetensors data is little-endian");

namespace {

constexpr std::uint64_t kMaxHeaderSize = 100'000'000; // tensor.rs MAX_HEADER_SIZE

// Bits per element of every dtype tensor.rs knows.
int dtypeBits(std::string_view dtype)
{
    static const std::pair<std::string_view, int> kDtypes[] = {
        {"BOOL", 8}, {"F4", 4}, {"F6_E2M3", 6}, {"F6_E3M2", 6}, {"U8", 8}, {"I8", 8},
        {"F8_E5M2", 8}, {"F8_E4M3", 8}, {"F8_E8M0", 8}, {"I16", 16}, {"U16", 16}, {"F16", 16},
        {"BF16", 16}, {"I32", 32}, {"U32", 32}, {"F32", 32}, {"F64", 64}, {"C64", 64},
        {"I64", 64}, {"U64", 64},
    };
    for (const auto& [name, bits] : kDtypes)
        if (name == dtype)
            return bits;
    return 0;
}

// Keys seen in each open JSON object, so that a repeated key is an error instead of nlohmann's
// silent last-one-wins.
struct DuplicateKeyCheck {
    std::vector<std::set<std::string>> open;
    std::string duplicate;

    bool operator()(int /*depth*/, nlohmann::json::parse_event_t event, nlohmann::json& parsed)
    {
        using Event = nlohmann::json::parse_event_t;
        if (event == Event::object_start)
            open.emplace_back();
        else if (event == Event::object_end && !open.empty())
            open.pop_back();
        else if (event == Event::key && !open.empty() && parsed.is_string()) {
            const std::string& key = parsed.get_ref<const std::string&>();
            if (!open.back().insert(key).second && duplicate.empty())
                duplicate = key;
        }
        return true;
    }
};

} // namespace

MappedFile::MappedFile(const std::filesystem::path& path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw Error(path.string() + ": cannot open: " + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        throw Error(path.string() + ": not a regular file");
    }
    size_ = static_cast<std::size_t>(st.st_size);
    if (size_ > 0) {
        void* map = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
        if (map == MAP_FAILED) {
            const int error = errno;
            ::close(fd);
            throw Error(path.string() + ": cannot map into memory: " + std::strerror(error));
        }
        data_ = static_cast<const std::byte*>(map);
    }
    ::close(fd); // the mapping keeps the file alive
}

MappedFile::~MappedFile()
{
    if (data_)
        ::munmap(const_cast<std::byte*>(data_), size_);
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0))
{
}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept
{
    if (this != &other) {
        if (data_)
            ::munmap(const_cast<std::byte*>(data_), size_);
        data_ = std::exchange(other.data_, nullptr);
        size_ = std::exchange(other.size_, 0);
    }
    return *this;
}

std::size_t TensorInfo::elements() const
{
    std::size_t n = 1;
    for (std::size_t d : shape)
        n *= d;
    return n;
}

std::string shapeString(std::span<const std::size_t> shape)
{
    std::string s = "[";
    for (std::size_t i = 0; i < shape.size(); ++i) {
        if (i > 0)
            s += ", ";
        s += std::to_string(shape[i]);
    }
    s += "]";
    return s;
}

SafeTensors::SafeTensors(std::span<const std::byte> bytes, std::string name) : name_(std::move(name))
{
    const auto fail = [this](const std::string& what) { throw Error(name_ + ": " + what); };

    if (bytes.size() < 8)
        fail("not a safetensors file: " + std::to_string(bytes.size()) + " bytes, shorter than the 8-byte header length");
    std::uint64_t headerSize = 0;
    std::memcpy(&headerSize, bytes.data(), 8);
    if (headerSize > kMaxHeaderSize)
        fail("safetensors header length " + std::to_string(headerSize) + " exceeds the 100 MB limit");
    if (headerSize > bytes.size() - 8)
        fail("safetensors header length " + std::to_string(headerSize) + " runs past the end of the "
            + std::to_string(bytes.size()) + "-byte file");

    const char* headerBegin = reinterpret_cast<const char*>(bytes.data()) + 8;
    DuplicateKeyCheck duplicates;
    nlohmann::json header;
    try {
        header = nlohmann::json::parse(headerBegin, headerBegin + headerSize, std::ref(duplicates));
    } catch (const nlohmann::json::exception& e) {
        fail(std::string("safetensors header is not valid JSON: ") + e.what());
    }
    if (!duplicates.duplicate.empty())
        fail("safetensors header repeats the key '" + duplicates.duplicate + "'");
    if (!header.is_object())
        fail("safetensors header is not a JSON object");

    for (const auto& [key, value] : header.items()) {
        if (key == "__metadata__") {
            if (!value.is_object())
                fail("safetensors __metadata__ is not an object of strings");
            for (const auto& [mkey, mvalue] : value.items()) {
                if (!mvalue.is_string())
                    fail("safetensors __metadata__ entry '" + mkey + "' is not a string");
                metadata_[mkey] = mvalue.get<std::string>();
            }
            continue;
        }
        const auto bad = [&](const std::string& what) { fail("tensor '" + key + "' " + what); };
        if (!value.is_object())
            bad("is not described by a JSON object");
        const auto dtype = value.find("dtype");
        const auto shape = value.find("shape");
        const auto offsets = value.find("data_offsets");
        if (dtype == value.end() || !dtype->is_string())
            bad("lacks a string 'dtype'");
        if (shape == value.end() || !shape->is_array())
            bad("lacks a 'shape' array");
        if (offsets == value.end() || !offsets->is_array() || offsets->size() != 2)
            bad("lacks 'data_offsets' [begin, end]");

        TensorInfo info;
        info.name = key;
        info.dtype = dtype->get<std::string>();
        if (dtypeBits(info.dtype) == 0)
            bad("has unknown dtype '" + info.dtype + "'");
        for (const auto& d : *shape) {
            if (!d.is_number_unsigned())
                bad("has a shape entry that is not a non-negative integer");
            info.shape.push_back(d.get<std::size_t>());
        }
        for (const auto& o : *offsets)
            if (!o.is_number_unsigned())
                bad("has a data offset that is not a non-negative integer");
        info.begin = (*offsets)[0].get<std::size_t>();
        info.end = (*offsets)[1].get<std::size_t>();
        tensors_.push_back(std::move(info));
    }

    // Validate as tensor.rs Metadata::validate: sorted by offsets, each tensor starting where the
    // previous one ended, its byte count equal to shape x dtype size, checked for overflow.
    std::sort(tensors_.begin(), tensors_.end(), [](const TensorInfo& a, const TensorInfo& b) {
        return std::pair(a.begin, a.end) < std::pair(b.begin, b.end);
    });
    std::size_t position = 0;
    for (const TensorInfo& t : tensors_) {
        const auto bad = [&](const std::string& what) { fail("tensor '" + t.name + "' " + what); };
        if (t.begin != position || t.end < t.begin)
            bad("has data offsets [" + std::to_string(t.begin) + ", " + std::to_string(t.end)
                + "], expected to start at " + std::to_string(position)
                + " (offsets must be contiguous, without gaps or overlaps)");
        std::size_t bits = static_cast<std::size_t>(dtypeBits(t.dtype));
        for (std::size_t d : t.shape) {
            if (d != 0 && bits > std::numeric_limits<std::size_t>::max() / d)
                bad("has shape " + shapeString(t.shape) + " whose byte size overflows");
            bits *= d;
        }
        if (bits % 8 != 0)
            bad("has shape " + shapeString(t.shape) + " that does not fill whole bytes of " + t.dtype);
        if (t.end - t.begin != bits / 8)
            bad("holds " + std::to_string(t.end - t.begin) + " bytes, but shape " + shapeString(t.shape)
                + " of " + t.dtype + " needs " + std::to_string(bits / 8));
        position = t.end;
    }
    const std::size_t dataSize = bytes.size() - 8 - headerSize;
    if (position != dataSize)
        fail("safetensors tensors cover " + std::to_string(position) + " data bytes, but the file holds "
            + std::to_string(dataSize) + " after the header");

    data_ = bytes.subspan(8 + headerSize);
    for (std::size_t i = 0; i < tensors_.size(); ++i)
        index_.emplace(tensors_[i].name, i);
}

const TensorInfo* SafeTensors::find(std::string_view tensor) const
{
    const auto it = index_.find(std::string(tensor));
    return it == index_.end() ? nullptr : &tensors_[it->second];
}

float halfToFloat(std::uint16_t bits)
{
    const std::uint32_t sign = static_cast<std::uint32_t>(bits & 0x8000u) << 16;
    std::uint32_t exponent = (bits >> 10) & 0x1fu;
    std::uint32_t mantissa = bits & 0x3ffu;
    std::uint32_t out;
    if (exponent == 0x1f) {
        out = sign | 0x7f800000u | (mantissa << 13); // inf, NaN (payload kept)
    } else if (exponent != 0) {
        out = sign | ((exponent + 112) << 23) | (mantissa << 13); // rebias 15 -> 127
    } else if (mantissa == 0) {
        out = sign; // signed zero
    } else {
        // subnormal: shift the mantissa up until its leading one becomes the implicit bit
        exponent = 113;
        while ((mantissa & 0x400u) == 0) {
            mantissa <<= 1;
            --exponent;
        }
        out = sign | (exponent << 23) | ((mantissa & 0x3ffu) << 13);
    }
    return std::bit_cast<float>(out);
}

float bfloat16ToFloat(std::uint16_t bits)
{
    return std::bit_cast<float>(static_cast<std::uint32_t>(bits) << 16);
}

bool toFloats(std::string_view dtype, const std::byte* src, std::size_t n, float* out)
{
    if (dtype == "F32") {
        if (n > 0)
            std::memcpy(out, src, n * sizeof(float));
        return true;
    }
    if (dtype != "F16" && dtype != "BF16")
        return false;
    const bool half = dtype == "F16";
    for (std::size_t i = 0; i < n; ++i) {
        std::uint16_t bits;
        std::memcpy(&bits, src + 2 * i, 2);
        out[i] = half ? halfToFloat(bits) : bfloat16ToFloat(bits);
    }
    return true;
}

std::vector<float> SafeTensors::toFloat(const TensorInfo& tensor) const
{
    std::vector<float> out(tensor.elements());
    if (!toFloats(tensor.dtype, data_.data() + tensor.begin, out.size(), out.data()))
        throw Error(name_ + ": tensor '" + tensor.name + "' has dtype " + tensor.dtype
            + "; only F32, F16 and BF16 weights are supported");
    return out;
}

std::span<const std::byte> SafeTensors::bytes(const TensorInfo& tensor) const
{
    return data_.subspan(tensor.begin, tensor.end - tensor.begin);
}

} // namespace vitscope
