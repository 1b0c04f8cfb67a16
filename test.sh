#!/usr/bin/env bash
# The README's test command: installs what the tests need when it is missing, starts throwaway
# PostgreSQL and RabbitMQ on loopback, runs the whole suite, stops what it started, and exits
# non-zero on any failure. Safe to run twice in a row; leaves no server running.
set -euo pipefail
cd "$(dirname "$0")"

command -v dotnet >/dev/null || { echo "test.sh: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }
infra/install-test-deps.sh

trap 'infra/services.sh stop || true' EXIT
service_env=$(infra/services.sh start)
eval "$service_env"
export ONETHING_TEST_POSTGRES ONETHING_TEST_RABBITMQ ONETHING_TEST_RABBITMQ_ISOLATED_1 ONETHING_TEST_RABBITMQ_ISOLATED_2

rm -rf TestResults
status=0
started=$(date +%s)
dotnet test OneThing.sln -c Release --nologo \
  --logger "trx" --logger "console;verbosity=normal" \
  --results-directory TestResults "$@" || status=$?

# One closing line over all test assemblies, from the TRX counters.
passed=0 failed=0 skipped=0
for trx in TestResults/*.trx; do
  [[ -e "$trx" ]] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
echo "Test run took $(( $(date +%s) - started )) s."
echo "$passed passed, $failed failed, $skipped skipped"
if (( status == 0 && passed == 0 )); then
  echo "test.sh: no test ran" >&2
  status=1
fi
exit "$status"
