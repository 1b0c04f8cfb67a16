#!/usr/bin/env bash
# Adds a migration named $1 for every database provider (each owns its migrations folder).
# Usage: infra/add-migration.sh AddCases
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: infra/add-migration.sh MigrationName}"
dotnet tool restore >/dev/null
dotnet build src/Services.Host -nologo -v q
for provider in Sqlite Postgres SqlServer; do
  dotnet ef migrations add "$name" --no-build --project src/Services.Host \
    --context "${provider}AppDbContext" \
    --output-dir "Persistence/Migrations/$provider" \
    --namespace "OneThing.Host.Persistence.Migrations.$provider"
  # dotnet-ef writes the model snapshot by namespace (OneThing/Host/...); keep it beside its migrations.
  stray="src/Services.Host/OneThing/Host/Persistence/Migrations/$provider"
  if [[ -d "$stray" ]]; then
    mv "$stray"/*.cs "src/Services.Host/Persistence/Migrations/$provider/"
  fi
done
rm -rf src/Services.Host/OneThing
echo "Added migration $name for Sqlite, Postgres and SqlServer."
