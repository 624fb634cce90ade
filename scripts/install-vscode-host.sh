#!/usr/bin/env bash
# Installs the offline VS Code host (code-server 4.100.3, i.e. the VS Code 1.100.3 server) into
# .vscode-test/host/, outside the extension's own dependencies. See
# shared/recipes/real-vscode-offline.md. Needs the apt packages that scripts/prerequisites.mjs installs
# (libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep) and the npm registry.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
src="$root/scripts/vscode-host"
host="$root/.vscode-test/host"
server="$host/node_modules/code-server/lib/vscode/out/server-main.js"

if [[ -f "$server" && -f "$host/package-lock.json" ]] && cmp -s "$src/package.json" "$host/package.json"; then
  echo "vscode host: already installed at $host"
  exit 0
fi

rg_bin="$(command -v rg || true)"
if [[ -z "$rg_bin" ]]; then
  echo "vscode host: ripgrep (rg) is not installed; apt-get install ripgrep" >&2
  exit 1
fi
# @vscode/ripgrep's postinstall downloads rg from outside the npm registry unless this file is in
# its cache: a tarball holding the system rg satisfies it.
cache="$(node -p "require('os').tmpdir()")/vscode-ripgrep-cache-1.15.11"
tarball="$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [[ ! -s "$tarball" ]]; then
  mkdir -p "$cache"
  tmp="$(mktemp -d)"
  cp "$rg_bin" "$tmp/rg"
  tar -czf "$tarball" -C "$tmp" rg
  rm -rf "$tmp"
fi

mkdir -p "$host"
cp "$src/package.json" "$host/package.json"
[[ -f "$src/package-lock.json" ]] && cp "$src/package-lock.json" "$host/package-lock.json"

# unsafe_perm: code-server's postinstall refuses root without it.
# yes: node-pty's postinstall runs `npx node-gyp`, which would wait for a "yes".
export npm_config_unsafe_perm=true npm_config_yes=true
cd "$host"
start=$SECONDS
if [[ -f package-lock.json ]]; then
  npm ci --no-audit --no-fund
else
  npm install --no-audit --no-fund
fi
if [[ ! -f "$server" ]]; then
  echo "vscode host: install finished but $server is missing" >&2
  exit 1
fi
echo "vscode host: installed code-server $(node -p "require('./node_modules/code-server/package.json').version") in $((SECONDS - start))s at $host"
