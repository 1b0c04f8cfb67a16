#!/usr/bin/env bash
# Proves that NuGet's vulnerability audit fails this repository's build on a high-severity advisory, without
# needing the real advisory database: it serves a made-up advisory (high severity, against a package the host
# really uses) from a local audit source on 127.0.0.1, restores a throwaway project that imports the repository's
# Directory.Build.props, and expects restore to fail with NU1903. Packages come from the local NuGet cache.
# Exit 0 when the build fails as it should; 1 otherwise. Needs python3 (for the local HTTP server).
set -euo pipefail

root="$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
package="Scalar.AspNetCore"
version="$(sed -nE "s/.*Include=\"$package\" Version=\"([^\"]+)\".*/\1/p" "$root/Directory.Packages.props")"
work="$(mktemp -d)"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
mkdir -p "$work/feed/vulnerability" "$work/project"
cat > "$work/feed/index.json" <<JSON
{"version": "3.0.0", "resources": [{"@id": "http://127.0.0.1:$port/vulnerability/index.json", "@type": "VulnerabilityInfo/6.7.0"}]}
JSON
cat > "$work/feed/vulnerability/index.json" <<JSON
[{"@name": "base", "@id": "http://127.0.0.1:$port/vulnerability/base.json", "@updated": "2026-01-01T00:00:00Z"}]
JSON
cat > "$work/feed/vulnerability/base.json" <<JSON
{"$(echo "$package" | tr '[:upper:]' '[:lower:]')": [{"severity": 2, "url": "https://example.invalid/advisories/ONETHING-TEST-HIGH", "versions": "[0.0.1, 99.0.0)"}]}
JSON
(cd "$work/feed" && exec python3 -m http.server "$port" --bind 127.0.0.1 >/dev/null 2>&1) &
server_pid=$!

cp "$root/Directory.Build.props" "$work/project/"
cat > "$work/project/Directory.Packages.props" <<XML
<Project><PropertyGroup><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally></PropertyGroup>
<ItemGroup><PackageVersion Include="$package" Version="$version" /></ItemGroup></Project>
XML
cat > "$work/project/AuditProbe.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><OutputType>Library</OutputType></PropertyGroup>
<ItemGroup><PackageReference Include="$package" /></ItemGroup></Project>
XML
cp "$root/nuget.config" "$work/project/" 2>/dev/null || cat > "$work/project/nuget.config" <<XML
<configuration><packageSources><add key="nuget.org" value="https://api.nuget.org/v3/index.json" /></packageSources></configuration>
XML
# The made-up advisory comes from an audit source (used for vulnerability data only, never for packages).
python3 - "$work/project/nuget.config" "$port" <<'PY'
import sys, re
path, port = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8-sig").read()
source = f'<auditSources><clear /><add key="onething-test-advisories" value="http://127.0.0.1:{port}/index.json" allowInsecureConnections="true" /></auditSources>'
text = re.sub(r"</configuration>", source + "</configuration>", text)
open(path, "w").write(text)
PY

for _ in $(seq 1 50); do
  curl -sf "http://127.0.0.1:$port/index.json" >/dev/null && break
  sleep 0.1
done

set +e
output="$(cd "$work/project" && dotnet restore --force-evaluate 2>&1)"
status=$?
set -e
echo "$output" | grep -E "NU190[0-9]" || true
if [ "$status" -ne 0 ] && echo "$output" | grep -q "error NU1903"; then
  echo "ok: a high-severity advisory against $package $version fails the build (NU1903 as an error)"
  exit 0
fi

echo "FAILED: restore exited $status without error NU1903; the audit would not stop a vulnerable package." >&2
echo "$output" >&2
exit 1
