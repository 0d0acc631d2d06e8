#!/usr/bin/env bash
# The browser tests run in Debian's Chromium (Playwright cannot download its own browsers here) and check
# every page with the Nu HTML checker, which runs on Java. Installs what is missing when run as root.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v java >/dev/null || missing+=(default-jre-headless)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing ${missing[*]} for the browser tests (a minute or two)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "Missing for the browser tests: install them with 'sudo apt-get install -y ${missing[*]}', then run the tests again." >&2
exit 1
