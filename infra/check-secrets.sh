#!/usr/bin/env bash
# Fails when a tracked file holds a secret: a private key, a key store, a connection string with a password, or a
# password / secret / API key written as a literal. Development keys are allowed only where marked as such:
#   - a line containing "dev-only" or "development-only", or
#   - a file whose first 10 lines say "DEVELOPMENT ONLY", or
#   - a file listed in infra/secrets-allowlist.txt (path, then "#" and why).
# Prints each finding as path:line: text and exits 1; prints "no secrets found" and exits 0 otherwise.
# Usage: infra/check-secrets.sh [repository root]   (the test suite runs it; see docs/security.md, "Hardening")
set -euo pipefail

root="${1:-$(git -C "$(dirname "$0")" rev-parse --show-toplevel)}"
cd "$root"
allowlist="infra/secrets-allowlist.txt"

allowed_files() {
  [ -f "$allowlist" ] && sed -e 's/#.*//' -e 's/[[:space:]]*$//' "$allowlist" | grep -v '^$' || true
}

marked_file() {
  head -n 10 -- "$1" 2>/dev/null | grep -q 'DEVELOPMENT ONLY'
}

q="[\"']"
patterns=(
  # PEM private keys of any kind (RSA, EC, PKCS#8, OpenSSH, encrypted).
  '-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----'
  # Connection strings: Password=/Pwd= followed by a literal value, next to another key=value pair.
  '(;[[:space:]]*(password|pwd)[[:space:]]*=[[:space:]]*[^;$"{[:space:]][^;"]*)|((password|pwd)[[:space:]]*=[[:space:]]*[^;$"{[:space:]][^;"]*;)'
  # A literal assigned to something named like a secret: password = "…", "apiKey": "…", secret: '…'.
  "(password|passwd|secret|api[_-]?key|access[_-]?key|private[_-]?key|client[_-]?secret)${q}?[[:space:]]*[:=][[:space:]]*${q}[^\"'\$]{6,}${q}"
  # Well-known token shapes (cloud access keys, GitHub and Slack tokens).
  'AKIA[0-9A-Z]{16}'
  'gh[pousr]_[A-Za-z0-9]{36}'
  'xox[baprs]-[A-Za-z0-9-]{10,}'
)

args=()
for pattern in "${patterns[@]}"; do
  args+=(-e "$pattern")
done

mapfile -t allow < <(allowed_files)
is_allowed() {
  local file="$1" entry
  for entry in "${allow[@]}"; do
    [ "$file" = "$entry" ] && return 0
  done
  marked_file "$file"
}

findings=0
while IFS= read -r hit; do
  file="${hit%%:*}"
  rest="${hit#*:}"
  text="${rest#*:}"
  # Marked development keys, and documentation placeholders such as Password=… or Password=<password>.
  if printf '%s' "$text" | grep -qiE 'dev-only|development-only|(password|pwd)=(…|<[a-z]|\*{3})'; then
    continue
  fi
  if is_allowed "$file"; then
    continue
  fi
  echo "$hit"
  findings=$((findings + 1))
done < <(git grep -nIiE "${args[@]}" -- . ':!infra/check-secrets.sh' ':!infra/secrets-allowlist.txt' || true)

# Key stores and key files are never committed, whatever they hold.
while IFS= read -r file; do
  [ -z "$file" ] && continue
  if ! is_allowed "$file"; then
    echo "$file: key file"
    findings=$((findings + 1))
  fi
done < <(git ls-files -- '*.pfx' '*.p12' '*.jks' '*.keystore' '*.key' '*.snk' '*.ppk' 'id_rsa' 'id_ed25519')

if [ "$findings" -gt 0 ]; then
  echo "$findings possible secret(s) found: remove them, or mark development keys (see the header of $0)." >&2
  exit 1
fi

echo "no secrets found"
