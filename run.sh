#!/usr/bin/env bash
# The README's run command: the whole of OneThing in one process on the embedded default —
# a SQLite file, the in-memory bus, sandbox stand-ins for outside systems, development keys,
# demo accounts. Extra arguments go to the host (e.g. --urls http://0.0.0.0:8080).
set -euo pipefail
cd "$(dirname "$0")"

command -v dotnet >/dev/null || { echo "run.sh: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }

# Result documents are rendered in Debian's TrueType Song font (fonts-arphic-gbsn00lp). Install it when
# missing and we may; otherwise the host refuses to start and names the package to install.
font=/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf
if [[ ! -f "$font" && "${Documents__Enabled:-true}" != "false" ]] && command -v apt-get >/dev/null && [[ "$(id -u)" == 0 ]]; then
  echo "run.sh: installing fonts-arphic-gbsn00lp (CJK font for result documents) ..." >&2
  { DEBIAN_FRONTEND=noninteractive apt-get install -y -q fonts-arphic-gbsn00lp >/dev/null 2>&1 ||
    { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q fonts-arphic-gbsn00lp >/dev/null; }; } ||
    echo "run.sh: could not install fonts-arphic-gbsn00lp; the host will say what is missing" >&2
fi

# Human-readable logs on a terminal; set Logging__Console__FormatterName=json for machine-read logs.
export Logging__Console__FormatterName="${Logging__Console__FormatterName:-simple}"

args=("$@")
if [[ -z "${ASPNETCORE_URLS:-}" && " $* " != *" --urls"* ]]; then
  args+=(--urls "http://localhost:5000")
fi

exec dotnet run --project src/Services.Host -c Release --no-launch-profile -- "${args[@]}"
