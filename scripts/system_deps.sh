#!/usr/bin/env bash
# Install the Debian packages the build and tests need, if they are missing.
# chromium: browser tests (Playwright drives /usr/bin/chromium); firefox-esr: the same pages under
# the Content-Security-Policy in Firefox (driven over Marionette); hunspell-nl: Dutch spelling;
# nodejs/npm: fetching the pinned Pyodide runtime and running it under Node in the tests.
set -euo pipefail
need=()
for pkg in chromium firefox-esr hunspell hunspell-nl nodejs npm; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
# npm may come from outside Debian (as on these machines); only ask for it when it is absent.
if command -v npm >/dev/null 2>&1; then need=("${need[@]/npm}"); fi
if command -v node >/dev/null 2>&1; then need=("${need[@]/nodejs}"); fi
read -r -a need <<< "${need[*]}"
if ((${#need[@]})); then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q --no-install-recommends "${need[@]}"
fi
