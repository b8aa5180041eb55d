#pragma once
// NumPy .npy files (format 1.0/2.0): read float32 ('<f4'), float64 ('<f8') or uint8 ('|u1') arrays
// in C order as float; write float32 arrays in format 1.0. Golden fixtures, `inspect --dump`,
// and the GUI's raw-attention export go through here.
#include <cstddef>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace vitscope {

struct NpyArray {
    std::vector<std::size_t> shape;
    std::vector<float> data; // product(shape) values, C order

    std::size_t size() const;
};

// Throws Error naming the file and what is wrong (bad magic, unsupported dtype, Fortran order,
// truncated data, ...).
NpyArray readNpy(const std::filesystem::path& path);
// Parses .npy bytes already in memory; `name` appears in error messages.
NpyArray parseNpy(std::span<const std::byte> bytes, const std::string& name);

void writeNpy(const std::filesystem::path& path, const float* data, std::span<const std::size_t> shape);
inline void writeNpy(const std::filesystem::path& path, const NpyArray& array)
{
    writeNpy(path, array.data.data(), array.shape);
}

} // namespace vitscope
