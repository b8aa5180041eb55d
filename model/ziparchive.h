#pragma once
// The zip container torch.save writes since torch 1.6, read in place from a memory map.
//
// A small reader of stored (uncompressed) entries rather than libzip or minizip, which Debian
// ships: both hand out an entry only through their own read calls (zip_fread,
// unzReadCurrentFile) into a caller's buffer, a copy of every byte, while torch stores its
// storages uncompressed and 64-byte aligned precisely so that a reader can use them where they
// lie. What this needs of the format (APPNOTE.TXT 4.3) is small: the end of central directory
// record (ZIP64 too: torch writes it), the central directory and the local headers.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vitscope {

struct ZipEntry {
    std::string name;
    std::span<const std::byte> data; // inside the archive's bytes
    std::uint32_t crc32 = 0;         // as the central directory records it
};

class ZipArchive {
public:
    // Every entry located and bounds-checked; compressed or encrypted entries, entries outside
    // the bytes and repeated names are errors. `name` starts every message. Throws Error.
    ZipArchive(std::span<const std::byte> bytes, std::string name);

    const std::vector<ZipEntry>& entries() const { return entries_; }
    const ZipEntry* find(std::string_view entry) const; // nullptr when absent

    // Throws Error when the entry's bytes do not have the recorded CRC-32.
    void verify(const ZipEntry& entry) const;

    // A local file header signature at the start: the bytes claim to be a zip archive.
    static bool looksLikeZip(std::span<const std::byte> bytes);

private:
    std::string name_;
    std::vector<ZipEntry> entries_;
};

} // namespace vitscope
