#!/usr/bin/env bash
# bench/documents.sh — the result-document benchmark (bench/Documents.Bench) in Release.
#
# Measures render + seal of one-page result documents with BenchmarkDotNet (in process), and their size per
# page. Needs the CJK font (fonts-arphic-gbsn00lp, see infra/install-test-deps.sh); nothing else.
# Results: bench/results/documents.md (also printed). Not part of test.sh or CI.
#
# Usage: bench/documents.sh [--out path.md]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v dotnet >/dev/null || { echo "[bench/documents.sh] the .NET 10 SDK (dotnet) is required" >&2; exit 1; }
dotnet build bench/Documents.Bench -c Release --nologo -v quiet
exec dotnet bench/Documents.Bench/bin/Release/net10.0/Documents.Bench.dll "$@"
