#pragma once
// safetensors files: a memory-mapped, strictly validated reader, following the format's reference
// implementation (huggingface/safetensors, safetensors/src/tensor.rs): 8-byte little-endian header
// length (at most 100 MB, inside the file), a JSON object header (optional "__metadata__" string
// map, no duplicate keys), known dtypes, data offsets contiguous from 0 without gaps or overlaps,
// byte counts equal to shape x dtype size, and the data ending exactly at the end of the file.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vitscope {

// A read-only memory map of a whole file; empty files map to an empty span.
class MappedFile {
public:
    explicit MappedFile(const std::filesystem::path& path); // throws Error
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    MappedFile(MappedFile&& other) noexcept;
    MappedFile& operator=(MappedFile&& other) noexcept;

    std::span<const std::byte> bytes() const { return {data_, size_}; }

private:
    const std::byte* data_ = nullptr;
    std::size_t size_ = 0;
};

struct TensorInfo {
    std::string name;
    std::string dtype;               // as in the file: "F32", "F16", "BF16", "I64", ...
    std::vector<std::size_t> shape;
    std::size_t begin = 0;           // byte range inside the data section
    std::size_t end = 0;

    std::size_t elements() const;
};

// Every tensor of one safetensors buffer, validated on construction. The buffer must outlive it.
class SafeTensors {
public:
    // `name` (usually the file path) starts every error message. Throws Error.
    SafeTensors(std::span<const std::byte> bytes, std::string name);

    const std::string& name() const { return name_; }
    const std::vector<TensorInfo>& tensors() const { return tensors_; } // ordered by offset
    const std::map<std::string, std::string>& metadata() const { return metadata_; }
    const TensorInfo* find(std::string_view tensor) const; // nullptr when absent

    // The tensor's values as float; F32, F16 and BF16 only, else throws Error naming the tensor.
    std::vector<float> toFloat(const TensorInfo& tensor) const;
    // The tensor's bytes, in place.
    std::span<const std::byte> bytes(const TensorInfo& tensor) const;

private:
    std::string name_;
    std::span<const std::byte> data_; // the data section, after the header
    std::vector<TensorInfo> tensors_;
    std::unordered_map<std::string, std::size_t> index_;
    std::map<std::string, std::string> metadata_;
};

// IEEE binary16 and bfloat16 bit patterns to float; exact for every value, inf and NaN included.
float halfToFloat(std::uint16_t bits);
float bfloat16ToFloat(std::uint16_t bits);

// n values of `dtype` ("F32", "F16", "BF16") at src, little-endian, to floats at out; false for
// any other dtype.
bool toFloats(std::string_view dtype, const std::byte* src, std::size_t n, float* out);

// "[576, 192]": shapes in messages.
std::string shapeString(std::span<const std::size_t> shape);

} // namespace vitscope
