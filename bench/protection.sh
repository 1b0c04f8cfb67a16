#!/usr/bin/env bash
# bench/protection.sh — the cost of field encryption at rest per value (bench/Protection.Bench) in Release.
# BenchmarkDotNet ShortRun, in process; prints the table. Not part of test.sh or CI.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v dotnet >/dev/null || { echo "[bench/protection.sh] the .NET 10 SDK (dotnet) is required" >&2; exit 1; }
dotnet build bench/Protection.Bench -c Release --nologo -v quiet
exec dotnet bench/Protection.Bench/bin/Release/net10.0/Protection.Bench.dll "$@"
