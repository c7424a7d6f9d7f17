#!/usr/bin/env bash
# Runs the independent Python implementation of the referral protocol against the project:
# installs Debian's python3-nacl if missing (apt-get, as root), checks every vector in
# docs/vectors/, then runs the closed-loop referral with a Java node (PythonInteropTest, with the
# skip turned into a failure). Exits non-zero on any failure. With --vectors-only it stops after the
# vectors (.ci/run does that, and its `mvn verify` then runs PythonInteropTest as a required test).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
python=/usr/bin/python3   # Debian's interpreter: python3-nacl installs for it

if ! "$python" -c 'import nacl.signing' >/dev/null 2>&1; then
  echo "installing python3-nacl from Debian's packages" >&2
  if [ "$(id -u)" -ne 0 ]; then
    echo "python3-nacl is missing and this is not root: apt-get install python3-nacl" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq python3-nacl >&2 || { apt-get update -qq >&2 && apt-get install -y -qq python3-nacl >&2; }
fi

"$python" "$here/verify_vectors.py" "$root/docs/vectors"

if [ "${1:-}" = "--vectors-only" ]; then
  exit 0
fi

cd "$root"
mvn -B -q -pl referral -am test -Djacoco.skip=true -Dvan.interop.required=true \
  -Dtest=PythonInteropTest -Dsurefire.failIfNoSpecifiedTests=false
echo "python interop: closed-loop referral with a Java node passed"
