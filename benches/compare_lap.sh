#!/usr/bin/env bash
# Times the dense solver against the C++ LAPJV of the `lap` Python package on
# the same uniform random matrices, in one run, and prints them side by side.
#   bash benches/compare_lap.sh [SIZES...]     (default 1000 2000 4000)
# Installs numpy and lap from PyPI if they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -c 'import lap, numpy' 2>/dev/null || pip install --quiet lap numpy
cargo build --quiet --release --example lap
dir="$(mktemp -d)"
sizes=("${@:-1000 2000 4000}")
for n in ${sizes[@]}; do
  python3 - "$n" "$dir" <<'PY'
import sys, time
import numpy as np, lap
n, d = int(sys.argv[1]), sys.argv[2]
c = np.random.default_rng(n).random((n, n))
with open(f"{d}/m{n}.txt", "w") as f:
    f.write(f"{n} {n}\n")
    np.savetxt(f, c, fmt="%.17g")
best = float("inf")
for _ in range(3):
    t = time.perf_counter(); total, _, _ = lap.lapjv(c); best = min(best, (time.perf_counter() - t) * 1e3)
print(f"{n}\t{total:.9f}\t{best:.1f}", file=open(f"{d}/lap{n}.txt", "w"))
PY
  read -r _ lap_total lap_ms < "$dir/lap$n.txt"
  best=""
  for _ in 1 2 3; do
    ms=$(./target/release/examples/lap "$dir/m$n.txt" 2>&1 >"$dir/out$n.txt" | sed -n 's/solve_ms=//p')
    best=$(python3 -c "print(min(float('$ms'), float('${best:-inf}')))")
    ours=$(head -1 "$dir/out$n.txt")
  done
  printf 'n=%-5s mutasi-planner %8.1f ms (total %.9f)   lap.lapjv %8.1f ms (total %s)\n' "$n" "$best" "$ours" "$lap_ms" "$lap_total"
done
rm -rf "$dir"
