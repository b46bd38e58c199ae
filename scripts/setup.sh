#!/usr/bin/env bash
# Installs the Debian 12 packages detente needs (only those missing) and builds
# it into build/. Run as root or as a sudoer. Sourced by demo.sh and test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(build-essential cmake pkg-config git
  libboost-graph-dev libsqlite3-dev sqlite3 libfmt-dev catch2 libcli11-dev
  liblink-grammar-dev link-grammar-dictionaries-en link-grammar
  wordnet-base iso-codes graphviz python3 python3-networkx libxml2-utils
  libcpp-httplib-dev chromium chromium-driver python3-selenium python3-distributed)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "setup: installing ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# Node.js and npm for the page's libraries (web/package-lock.json). A
# machine that has them from elsewhere keeps its own.
if ! command -v npm >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "setup: installing nodejs npm" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nodejs npm >&2
fi
# The page's front-end libraries at the versions pinned in the lock file,
# installed again whenever the lock file changes.
if [ ! -f web/node_modules/.package-lock.json ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
  echo "setup: npm ci in web/" >&2
  (cd web && npm ci --ignore-scripts --no-audit --no-fund >&2)
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)"
