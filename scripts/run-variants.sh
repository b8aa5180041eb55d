#!/usr/bin/env bash
# Build variants that must not rot, run by CI after the README's test command: the backend on
# Eigen alone (no oneDNN, no OpenBLAS), and AddressSanitizer + UndefinedBehaviorSanitizer. Each
# builds the tests of the code it changes (the backend, checkpoints, pictures, the hub and the
# CLI), warnings as errors, and runs them without the slow and timing-labelled ones.
set -euo pipefail
cd "$(dirname "$0")/.."

model_tests=(tst_npy tst_safetensors tst_loader tst_forward tst_families tst_attribution tst_explain tst_anatomy
             tst_torch tst_shapes tst_cli)
declare -A tests=(
    [eigen]="${model_tests[*]}"
    [asan]="${model_tests[*]} tst_imageio tst_checkpoint tst_hub"
)
presets=("$@")
[ ${#presets[@]} -eq 0 ] && presets=(eigen asan)

for preset in "${presets[@]}"; do
    read -r -a targets <<< "${tests[$preset]}"
    echo "== ${preset}: ${targets[*]}"
    cmake --preset "$preset" -DCMAKE_COMPILE_WARNING_AS_ERROR=ON
    cmake --build --preset "$preset" -j"$(nproc)" --target "${targets[@]}"
    pattern="^($(IFS='|'; echo "${targets[*]}"))\$"
    ctest --preset "$preset" -R "$pattern" -LE "slow|perf"
done
