#!/usr/bin/env bash
# Idempotent, offline-capable install of what the e2e suite needs, into a cache OUTSIDE the repository:
#   * Debian packages: chromium (the browser hosting the VS Code web workbench), ripgrep, neovim (independent
#     LSP client check), and the build tools code-server's native modules need (libkrb5-dev for kerberos).
#   * code-server (the real VS Code server + web workbench) from the npm registry.
#   * playwright-core (drives the Debian chromium; no browser download).
# Only the npm registry and Debian's mirrors are used. Re-running is cheap: every step checks a stamp first.
# Env: JG_E2E_CACHE (default ${XDG_CACHE_HOME:-$HOME/.cache}/jitterbit-guard-e2e), CS_VERSION (default 4.100.3).
set -euo pipefail
CACHE=${JG_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/jitterbit-guard-e2e}
CS_VERSION=${CS_VERSION:-4.100.3}
PW_VERSION=${PW_VERSION:-1}
mkdir -p "$CACHE"/{code-server,driver,tmp}
log() { echo "[e2e-install] $*" >&2; }

# Serialise concurrent installs (two test runs starting at once).
exec 9>"$CACHE/.install.lock"
flock 9

# 1. Debian packages (only what is missing).
need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v rg >/dev/null || need_apt+=(ripgrep)
command -v nvim >/dev/null || need_apt+=(neovim)
command -v curl >/dev/null || need_apt+=(curl)
command -v make >/dev/null && command -v g++ >/dev/null || need_apt+=(build-essential)
command -v python3 >/dev/null || need_apt+=(python3)
command -v pkg-config >/dev/null || need_apt+=(pkg-config)
[ -f /usr/include/gssapi/gssapi.h ] || need_apt+=(libkrb5-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then log "missing Debian packages (${need_apt[*]}); run as root or install them"; exit 1; fi
  log "apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# 2. code-server (runs on the system Node 20 for 4.100.x).
CS_STAMP="$CACHE/code-server/.installed-$CS_VERSION"
if [ ! -f "$CS_STAMP" ]; then
  need_node=$(npm view "code-server@$CS_VERSION" engines.node 2>/dev/null || echo '?')
  have_node=$(node -p 'process.versions.node.split(".")[0]')
  case "$need_node" in *"$have_node"*) ;; *) log "code-server $CS_VERSION wants node $need_node, have $have_node (continuing)";; esac
  # @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache already holds the archive:
  # seed it with Debian's rg.
  RG_CACHE="$CACHE/tmp/vscode-ripgrep-cache-1.15.11"
  mkdir -p "$RG_CACHE" "$CACHE/tmp/rg-bin"
  cp "$(command -v rg)" "$CACHE/tmp/rg-bin/rg"
  tar czf "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$CACHE/tmp/rg-bin" rg
  log "npm install code-server@$CS_VERSION (a few minutes on first use; log: $CACHE/code-server-install.log)"
  # nodedir: node-gyp uses the local headers; yes: node-pty's postinstall `npx node-gyp` must not prompt;
  # TMPDIR: where @vscode/ripgrep looks for its cache.
  if ! TMPDIR="$CACHE/tmp" npm_config_nodedir=/usr npm_config_yes=true \
      npm install --prefix "$CACHE/code-server" --unsafe-perm --no-audit --no-fund --foreground-scripts \
      "code-server@$CS_VERSION" >"$CACHE/code-server-install.log" 2>&1; then
    tail -40 "$CACHE/code-server-install.log" >&2; exit 1
  fi
  touch "$CS_STAMP"
fi

# 3. playwright-core (drives /usr/bin/chromium).
PW_STAMP="$CACHE/driver/.installed-$PW_VERSION"
if [ ! -f "$PW_STAMP" ]; then
  log "npm install playwright-core@$PW_VERSION"
  npm install --prefix "$CACHE/driver" --no-audit --no-fund "playwright-core@$PW_VERSION" >/dev/null
  touch "$PW_STAMP"
fi

# 4. Extension-host side: newer VS Code needs --enable-smoke-test-driver for the payload test keys.
: >"$CACHE/env.sh"
if grep -q '"vscode-option"' "$CACHE/code-server/node_modules/code-server/out/node/cli.js" 2>/dev/null; then
  echo 'CS_EXTRA_ARGS="--vscode-option enable-smoke-test-driver"' >>"$CACHE/env.sh"
fi
echo "$CACHE"
