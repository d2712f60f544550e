# SPDX-License-Identifier: GPL-3.0-or-later
# shellcheck shell=bash
#
# Sourced by build-aux/run and build-aux/test: installs the Debian 12 packages that are missing,
# configures the build folder once and builds. Every step is skipped when there is nothing to do.

BK_SOURCE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# The profile the script builds (BK_PROFILE, set before sourcing) picks its build folder, so that
# running and testing never rebuild each other's: build-aux/test builds the development profile
# (its own app id and data folder, so the tests never meet your journal) in _build, build-aux/run
# the default profile in _build-run. BK_BUILD_DIR overrides the folder.
BK_PROFILE="${BK_PROFILE:-development}"
if [ "$BK_PROFILE" = development ]; then
  BK_BUILD_DIR="${BK_BUILD_DIR:-$BK_SOURCE_ROOT/_build}"
else
  BK_BUILD_DIR="${BK_BUILD_DIR:-$BK_SOURCE_ROOT/_build-run}"
fi
export BK_PROFILE BK_BUILD_DIR

BK_PACKAGES=(
  build-essential pkg-config meson ninja-build gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev libjson-glib-dev libsecret-1-dev libstemmer-dev
  xvfb xauth dbus dbus-x11 gnome-keyring poppler-utils
  desktop-file-utils appstream locales itstool
  librsvg2-common adwaita-icon-theme fonts-cantarell fonts-dejavu-core
  at-spi2-core python3-pyatspi gir1.2-atspi-2.0
  clang libclang-rt-14-dev
)

bk_log ()
{
  printf '%s\n' "$*" >&2
}

# Runs a command as root: directly when we are root, through sudo otherwise.
bk_as_root ()
{
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    bk_log "Setting up needs root to install packages: run this as root or install sudo."
    return 1
  fi
}

bk_install_missing_packages ()
{
  local -A installed=()
  local name status missing=()

  # One dpkg-query for all of them; packages it does not know are simply missing.
  while IFS=$'\t' read -r name status; do
    if [ "$status" = "ii " ]; then
      installed["$name"]=1
    fi
  done < <(dpkg-query -W -f='${Package}\t${db:Status-Abbrev}\n' "${BK_PACKAGES[@]}" 2>/dev/null || true)

  for name in "${BK_PACKAGES[@]}"; do
    [ -n "${installed[$name]:-}" ] || missing+=("$name")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    return 0
  fi

  bk_log "Installing missing packages: ${missing[*]}"
  bk_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  bk_as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# The profile a build folder is configured with; empty when it has none yet.
bk_configured_profile ()
{
  meson introspect --buildoptions "$BK_BUILD_DIR" 2>/dev/null |
    /usr/bin/python3 -c 'import json, sys
print(next((o["value"] for o in json.load(sys.stdin) if o["name"] == "profile"), ""))' 2>/dev/null ||
    true
}

bk_build ()
{
  if [ ! -f "$BK_BUILD_DIR/build.ninja" ]; then
    if [ -f "$BK_BUILD_DIR/meson-private/coredata.dat" ]; then
      # A configure that stopped half-way: start that build folder afresh.
      meson setup --wipe -Dprofile="$BK_PROFILE" "$BK_BUILD_DIR" "$BK_SOURCE_ROOT"
    else
      meson setup -Dprofile="$BK_PROFILE" "$BK_BUILD_DIR" "$BK_SOURCE_ROOT"
    fi
  elif [ "$(bk_configured_profile)" != "$BK_PROFILE" ]; then
    # A folder configured before there were profiles, or with the other one
    bk_log "Configuring $BK_BUILD_DIR for the $BK_PROFILE profile"
    meson setup --reconfigure -Dprofile="$BK_PROFILE" "$BK_BUILD_DIR" "$BK_SOURCE_ROOT"
  fi
  # BK_JOBS limits parallel compiles on small machines; ninja picks a number otherwise.
  ninja -C "$BK_BUILD_DIR" ${BK_JOBS:+-j "$BK_JOBS"}
}

bk_setup ()
{
  bk_install_missing_packages
  bk_build
}
