#!/usr/bin/env bash
# Installs Ghost 5.130.4 (the last Ghost 5 release line, which supports Node 20) once, into a cache
# directory, for the Ghost publishing tests (tests/support/start-ghost.ts starts it on SQLite).
# `npm install ghost` cannot do it: the package depends on a tarball inside itself
# (file:components/tryghost-i18n-*.tgz), which npm only finds when installing in the unpacked package;
# there, npm resolves devDependencies even with --omit=dev, and one is a GitHub tarball (unreachable
# offline), so they are dropped; bookshelf's peer range for knex is stale (Ghost's yarn.lock ignores
# it), hence --legacy-peer-deps. sqlite3 then builds from source with node-gyp against the installed
# Node's headers (/usr/include/node; its prebuilt binary is on GitHub). About 25 minutes on a busy
# 2-core machine; nothing is downloaded at test time.
# Usage: scripts/install-ghost.sh   (TALKNOTES_GHOST_DIR overrides where)
set -euo pipefail
VERSION=5.130.4
DEST=${TALKNOTES_GHOST_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/talknotes/ghost-$VERSION}
if [ -f "$DEST/index.js" ] && [ -f "$DEST/node_modules/sqlite3/package.json" ]; then
  echo "Ghost $VERSION already installed in $DEST"
  exit 0
fi
for tool in make g++ python3; do command -v "$tool" >/dev/null || { echo "install-ghost: $tool is needed to build sqlite3 (Debian: build-essential python3)"; exit 1; }; done
NODE_INCLUDE="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")/include/node"
[ -f "$NODE_INCLUDE/node.h" ] || { echo "install-ghost: Node's headers are missing ($NODE_INCLUDE/node.h); node-gyp would download them"; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
npm pack "ghost@$VERSION" --silent >/dev/null
tar xzf "ghost-$VERSION.tgz"
cd package
node -e 'const fs=require("fs");const p=JSON.parse(fs.readFileSync("package.json","utf8"));delete p.devDependencies;fs.writeFileSync("package.json",JSON.stringify(p,null,2))'
npm install --omit=dev --no-audit --no-fund --legacy-peer-deps
[ -f node_modules/sqlite3/package.json ] && node -e 'require("sqlite3")' || { echo "install-ghost: the sqlite3 driver did not build"; exit 1; }
mkdir -p "$(dirname "$DEST")"
rm -rf "$DEST.partial"
mv "$WORK/package" "$DEST.partial"
mv "$DEST.partial" "$DEST"
echo "Ghost $VERSION installed in $DEST"
