# Shared by the test script: installs Debian's Chromium for the browser tests (Playwright drives it at
# /usr/bin/chromium; no browser is ever downloaded). Source it; do not run it.

ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then
    return
  fi
  echo "Installing Chromium from Debian's packages..."
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
}
