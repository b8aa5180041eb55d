#include "ziparchive.h"

#include "error.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <set>

namespace vitscope {

namespace {

constexpr std::uint32_t kLocalHeader = 0x04034b50;
constexpr std::uint32_t kCentralHeader = 0x02014b50;
constexpr std::uint32_t kEndOfCentralDirectory = 0x06054b50;
constexpr std::uint32_t kZip64End = 0x06064b50;
constexpr std::uint32_t kZip64Locator = 0x07064b50;
constexpr std::size_t kEndSize = 22, kLocatorSize = 20, kCentralSize = 46, kLocalSize = 30;

// Little-endian fields at a checked position: every read names what ran past the end.
class Fields {
public:
    Fields(std::span<const std::byte> bytes, const std::string& name) : bytes_(bytes), name_(name) {}

    template <typename U>
    U at(std::uint64_t offset, const char* what) const
    {
        if (offset > bytes_.size() || bytes_.size() - offset < sizeof(U))
            throw Error(name_ + ": truncated zip archive (" + what + " at byte " + std::to_string(offset)
                + " runs past the end of the " + std::to_string(bytes_.size()) + "-byte file)");
        U value = 0;
        std::memcpy(&value, bytes_.data() + offset, sizeof(U));
        return value;
    }
    std::string_view text(std::uint64_t offset, std::size_t length, const char* what) const
    {
        if (offset > bytes_.size() || bytes_.size() - offset < length)
            throw Error(name_ + ": truncated zip archive (" + what + " runs past the end of the file)");
        return {reinterpret_cast<const char*>(bytes_.data() + offset), length};
    }

private:
    std::span<const std::byte> bytes_;
    const std::string& name_;
};

// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as zip records it.
std::uint32_t crc32(std::span<const std::byte> data)
{
    static const std::array<std::uint32_t, 256> table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    std::uint32_t c = 0xFFFFFFFFu;
    for (std::byte b : data)
        c = table[(c ^ static_cast<std::uint8_t>(b)) & 0xFFu] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

struct Directory {
    std::uint64_t entries = 0;
    std::uint64_t offset = 0;
    std::uint64_t size = 0;
};

// The end of central directory record is the last thing in the file, followed only by a comment
// of up to 64 KiB; ZIP64 archives point from a locator just before it to a larger record.
Directory findDirectory(std::span<const std::byte> bytes, const Fields& f, const std::string& name)
{
    if (bytes.size() < kEndSize)
        throw Error(name + ": truncated zip archive (" + std::to_string(bytes.size()) + " bytes, no end of central directory)");
    const std::size_t last = bytes.size() - kEndSize;
    const std::size_t first = last > 0xFFFF ? last - 0xFFFF : 0;
    for (std::size_t at = last + 1; at-- > first;) {
        if (f.at<std::uint32_t>(at, "end record") != kEndOfCentralDirectory
            || at + kEndSize + f.at<std::uint16_t>(at + 20, "comment length") != bytes.size())
            continue;
        Directory d{f.at<std::uint16_t>(at + 10, "entry count"), f.at<std::uint32_t>(at + 16, "directory offset"),
            f.at<std::uint32_t>(at + 12, "directory size")};
        if (f.at<std::uint16_t>(at + 4, "disk number") != 0 || f.at<std::uint16_t>(at + 6, "directory disk") != 0)
            throw Error(name + ": multi-disk zip archives are not supported");
        if (d.entries == 0xFFFF || d.offset == 0xFFFFFFFF || d.size == 0xFFFFFFFF) {
            if (at < kLocatorSize || f.at<std::uint32_t>(at - kLocatorSize, "ZIP64 locator") != kZip64Locator)
                throw Error(name + ": damaged zip archive (a ZIP64 end record is announced but has no locator)");
            const std::uint64_t end64 = f.at<std::uint64_t>(at - kLocatorSize + 8, "ZIP64 end offset");
            if (f.at<std::uint32_t>(end64, "ZIP64 end record") != kZip64End)
                throw Error(name + ": damaged zip archive (no ZIP64 end record where the locator points)");
            d = {f.at<std::uint64_t>(end64 + 32, "entry count"), f.at<std::uint64_t>(end64 + 48, "directory offset"),
                f.at<std::uint64_t>(end64 + 40, "directory size")};
        }
        if (d.offset > bytes.size() || d.size > bytes.size() - d.offset || d.entries > d.size / kCentralSize)
            throw Error(name + ": damaged zip archive (the central directory of " + std::to_string(d.entries)
                + " entries at byte " + std::to_string(d.offset) + " does not fit in the file)");
        return d;
    }
    throw Error(name + ": truncated or not a zip archive (no end of central directory record)");
}

// The ZIP64 extended information field: the 64-bit values of the fields that hold 0xFFFFFFFF.
void readZip64Extra(const Fields& f, std::uint64_t extra, std::uint16_t length, std::uint64_t& size,
    std::uint64_t& compressed, std::uint64_t& local)
{
    for (std::uint64_t at = extra; at + 4 <= extra + length;) {
        const std::uint16_t id = f.at<std::uint16_t>(at, "extra field");
        const std::uint16_t n = f.at<std::uint16_t>(at + 2, "extra field");
        if (id == 0x0001) {
            std::uint64_t p = at + 4;
            for (std::uint64_t* field : {&size, &compressed, &local})
                if (*field == 0xFFFFFFFF && p + 8 <= at + 4 + n) {
                    *field = f.at<std::uint64_t>(p, "ZIP64 field");
                    p += 8;
                }
            return;
        }
        at += 4 + std::uint64_t(n);
    }
}

} // namespace

bool ZipArchive::looksLikeZip(std::span<const std::byte> bytes)
{
    std::uint32_t signature = 0;
    if (bytes.size() >= 4)
        std::memcpy(&signature, bytes.data(), 4);
    return signature == kLocalHeader;
}

ZipArchive::ZipArchive(std::span<const std::byte> bytes, std::string name) : name_(std::move(name))
{
    const Fields f(bytes, name_);
    const Directory d = findDirectory(bytes, f, name_);
    std::set<std::string_view> seen;
    std::uint64_t at = d.offset;
    for (std::uint64_t i = 0; i < d.entries; ++i) {
        if (f.at<std::uint32_t>(at, "central directory entry") != kCentralHeader)
            throw Error(name_ + ": damaged zip archive (central directory entry " + std::to_string(i) + " has no signature)");
        const std::uint16_t flags = f.at<std::uint16_t>(at + 8, "flags");
        const std::uint16_t method = f.at<std::uint16_t>(at + 10, "method");
        ZipEntry entry;
        entry.crc32 = f.at<std::uint32_t>(at + 16, "crc");
        std::uint64_t compressed = f.at<std::uint32_t>(at + 20, "size");
        std::uint64_t size = f.at<std::uint32_t>(at + 24, "size");
        const std::uint16_t nameLength = f.at<std::uint16_t>(at + 28, "name length");
        const std::uint16_t extraLength = f.at<std::uint16_t>(at + 30, "extra length");
        const std::uint16_t commentLength = f.at<std::uint16_t>(at + 32, "comment length");
        std::uint64_t local = f.at<std::uint32_t>(at + 42, "local header offset");
        entry.name = f.text(at + kCentralSize, nameLength, "entry name");
        readZip64Extra(f, at + kCentralSize + nameLength, extraLength, size, compressed, local);
        at += kCentralSize + std::uint64_t(nameLength) + extraLength + commentLength;

        const auto bad = [&](const std::string& what) { throw Error(name_ + ": zip entry '" + entry.name + "' " + what); };
        if (flags & 1)
            bad("is encrypted");
        if (method != 0 || compressed != size)
            bad("is compressed (method " + std::to_string(method) + "); torch.save stores its entries uncompressed");
        if (f.at<std::uint32_t>(local, "local header") != kLocalHeader)
            bad("has no local header at byte " + std::to_string(local) + " (damaged archive)");
        if (f.text(local + kLocalSize, nameLength, "local name") != entry.name)
            bad("has another name in its local header (damaged archive)");
        const std::uint64_t begin = local + kLocalSize + f.at<std::uint16_t>(local + 26, "local name length")
            + f.at<std::uint16_t>(local + 28, "local extra length");
        if (begin > bytes.size() || size > bytes.size() - begin)
            bad("runs past the end of the file (" + std::to_string(size) + " bytes at byte " + std::to_string(begin)
                + " of " + std::to_string(bytes.size()) + "): truncated archive");
        entry.data = bytes.subspan(begin, size);
        entries_.push_back(std::move(entry));
    }
    for (const ZipEntry& e : entries_)
        if (!seen.insert(e.name).second)
            throw Error(name_ + ": zip entry '" + e.name + "' appears twice");
}

const ZipEntry* ZipArchive::find(std::string_view entry) const
{
    const auto it = std::find_if(entries_.begin(), entries_.end(), [&](const ZipEntry& e) { return e.name == entry; });
    return it == entries_.end() ? nullptr : &*it;
}

void ZipArchive::verify(const ZipEntry& entry) const
{
    const std::uint32_t actual = crc32(entry.data);
    if (actual != entry.crc32)
        throw Error(name_ + ": zip entry '" + entry.name + "' is corrupted (CRC-32 " + std::to_string(actual)
            + ", the archive records " + std::to_string(entry.crc32) + ")");
}

} // namespace vitscope
