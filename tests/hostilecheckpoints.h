#pragma once
// The hostile torch files of tests/data/torch/hostile (tools/make_torch_fixtures.py) and what the
// one line that refuses each must mention. The os.system payloads would create kHostileMarker.
#include <QString>

#include <utility>
#include <vector>

namespace testing {

inline const QString kHostileMarker = QStringLiteral("/tmp/vitscope-hostile-pickle-ran");

inline const std::vector<std::pair<const char*, const char*>>& hostileCheckpoints()
{
    static const std::vector<std::pair<const char*, const char*>> files = {
        {"os_system.pth", "global 'os.system', which is not allowed"},
        {"posix_system.pth", "global 'posix.system', which is not allowed"},
        {"builtins_eval.pth", "global 'builtins.eval', which is not allowed"},
        {"int64.pth", "global 'torch.LongStorage', which is not allowed"},
        {"reduce_storage_type.pth", "calls 'torch.FloatStorage' with 1 arguments, which no state_dict does"},
        {"nesting_bomb.pth", "nests values more than 100 deep"},
        {"huge_memo.pth", "memo index 2147483647, above the limit"},
        {"truncated.pth", "truncated or not a zip archive"},
        {"corrupted.pth", "data.pkl' is corrupted (CRC-32"},
        {"short_storage.pth", "shorter than its 12 elements of F32"},
        {"legacy.pth", "legacy format (before torch 1.6"},
    };
    return files;
}

} // namespace testing
