# Sourced by .ci/serve and .ci/test: installs what is missing, skips what is
# there. Nothing here downloads a browser or a prebuilt binary: only crates,
# Debian packages and npm packages.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"
TRUNK_VERSION="0.21.14"

say() { printf '\n==> %s\n' "$*"; }

# The wasm-bindgen version pinned in Cargo.lock; the CLI must equal it.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

setup_build() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (about 10 minutes on 2 cores, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
  local wbg
  wbg="$(wasm_bindgen_version)"
  if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $wbg" ]; then
    say "installing wasm-bindgen-cli $wbg (about 5 minutes, once)"
    # Without --locked: the local crate index can lag behind the lock file.
    cargo install wasm-bindgen-cli --version "$wbg" --force
  fi
  # npm packages: binaryen's wasm-opt (trunk shrinks the wasm with it;
  # Debian's binaryen is too old) and playwright-core for the e2e tests.
  # Installed again when any package of package.json is missing.
  local missing=""
  for pkg in binaryen playwright-core axe-core exceljs pdfjs-dist; do
    [ -d "$ROOT/tests/e2e/node_modules/$pkg" ] || missing="$missing $pkg"
  done
  if [ ! -x "$ROOT/tests/e2e/node_modules/.bin/wasm-opt" ] || [ -n "$missing" ]; then
    say "installing npm packages in tests/e2e (binaryen, playwright-core, axe-core, exceljs, pdfjs-dist)"
    (cd "$ROOT/tests/e2e" && npm ci --no-audit --no-fund)
  fi
  export PATH="$ROOT/tests/e2e/node_modules/.bin:$PATH"
}

setup_test() {
  setup_build
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian's chromium and chromium-driver"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y chromium chromium-driver
  fi
  export CHROMEDRIVER="$(command -v chromedriver)"
  # The runner's limit for the whole browser suite (default 20 s); each test
  # bounds its own waits. Also in .cargo/config.toml [env].
  export WASM_BINDGEN_TEST_TIMEOUT=600
  export CHROMIUM_PATH="$(command -v chromium)"
}
