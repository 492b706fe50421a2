#!/usr/bin/env bash
# Installs Debian's Chromium for the console's browser tests (npm test runs them when
# /usr/bin/chromium exists and skips them, saying so, when it does not). Playwright's own
# browser download is never used: only Debian's package, through apt.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  echo "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo present)"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then exec sudo "$0" "$@"; fi
  echo "install-chromium: needs root (or sudo) to run apt-get install chromium" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
echo "chromium: $(/usr/bin/chromium --version 2>/dev/null)"
