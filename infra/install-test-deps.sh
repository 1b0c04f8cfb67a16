#!/usr/bin/env bash
# install-test-deps.sh — install the OS packages the test suite needs.
#
# Installs (only when missing):
#   postgresql, postgresql-client   PostgreSQL server + psql/pg_isready
#   rabbitmq-server                 AMQP broker (pulls in Erlang)
#   fonts-arphic-gbsn00lp           CJK font used when rendering PDFs
#   poppler-utils                   pdftotext/pdffonts/... for PDF assertions
#   qpdf                            PDF structure checks
#   chromium                        headless browser for HTML->PDF rendering
#
# Every package is checked with dpkg first; `apt-get update` + `apt-get install`
# run only if at least one is missing, so a second run is a no-op that
# finishes in well under a second.
#
# Extra packages can be appended with ONETHING_EXTRA_APT_PACKAGES="pkg1 pkg2".
#
# Services are NOT started here (see infra/services.sh).
set -euo pipefail

readonly PACKAGES=(
  postgresql
  postgresql-client
  rabbitmq-server
  fonts-arphic-gbsn00lp
  poppler-utils
  qpdf
  chromium
)

log() { printf '[install-test-deps] %s\n' "$*" >&2; }

# is_installed PKG — true only if the package is fully installed.
# `dpkg -s` also succeeds for removed-but-not-purged packages (state
# "deinstall ok config-files"), so check the Status line explicitly.
is_installed() {
  dpkg -s "$1" 2>/dev/null | grep -qx 'Status: install ok installed'
}

main() {
  local -a wanted=("${PACKAGES[@]}")
  local -a extra=()
  if [[ -n "${ONETHING_EXTRA_APT_PACKAGES:-}" ]]; then
    read -r -a extra <<<"${ONETHING_EXTRA_APT_PACKAGES}"
    wanted+=("${extra[@]}")
  fi

  local -a missing=()
  local pkg
  for pkg in "${wanted[@]}"; do
    if ! is_installed "$pkg"; then
      missing+=("$pkg")
    fi
  done

  if ((${#missing[@]} == 0)); then
    log "all packages already installed: ${wanted[*]}"
    return 0
  fi

  # apt needs root; fall back to sudo when available.
  local -a sudo=()
  if ((EUID != 0)); then
    if command -v sudo >/dev/null 2>&1; then
      sudo=(sudo)
    else
      log "ERROR: missing packages (${missing[*]}) and not running as root (no sudo available)"
      return 1
    fi
  fi

  log "missing packages: ${missing[*]}"
  local start=$SECONDS
  "${sudo[@]}" apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}"

  # Verify: apt-get can succeed while leaving a package half-configured.
  local -a still_missing=()
  for pkg in "${missing[@]}"; do
    if ! is_installed "$pkg"; then
      still_missing+=("$pkg")
    fi
  done
  if ((${#still_missing[@]} > 0)); then
    log "ERROR: still not installed after apt-get: ${still_missing[*]}"
    return 1
  fi
  log "installed ${missing[*]} in $((SECONDS - start))s"
}

main "$@"
