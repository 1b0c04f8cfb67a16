#!/usr/bin/env bash
# The README's run command: the whole of OneThing in one process on the embedded default —
# a SQLite file, the in-memory bus, sandbox stand-ins for outside systems, development keys,
# demo accounts. Extra arguments go to the host (e.g. --urls http://0.0.0.0:8080).
set -euo pipefail
cd "$(dirname "$0")"

command -v dotnet >/dev/null || { echo "run.sh: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }

# Human-readable logs on a terminal; set Logging__Console__FormatterName=json for machine-read logs.
export Logging__Console__FormatterName="${Logging__Console__FormatterName:-simple}"

args=("$@")
if [[ -z "${ASPNETCORE_URLS:-}" && " $* " != *" --urls"* ]]; then
  args+=(--urls "http://localhost:5000")
fi

exec dotnet run --project src/Services.Host -c Release --no-launch-profile -- "${args[@]}"
