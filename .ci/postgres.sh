#!/usr/bin/env bash
# Installs (from Debian's packages, if missing) and starts a local PostgreSQL on loopback, with a
# role and database "van" for the JDBC store tests. Prints the JDBC URL on stdout.
set -euo pipefail
log() { printf '%s\n' "$*" >&2; }
if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
  log "installing PostgreSQL from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$version main$"; then
  pg_createcluster "$version" main >&2
fi
if ! pg_lsclusters -h | awk '$1=="'"$version"'" && $2=="main" {print $4}' | grep -q online; then
  pg_ctlcluster "$version" main start >&2
fi
for _ in $(seq 1 30); do
  runuser -u postgres -- pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
runuser -u postgres -- psql -q -tc "SELECT 1 FROM pg_roles WHERE rolname='van'" | grep -q 1 \
  || runuser -u postgres -- psql -q -c "CREATE ROLE van LOGIN PASSWORD 'van'" >&2
runuser -u postgres -- psql -q -tc "SELECT 1 FROM pg_database WHERE datname='van'" | grep -q 1 \
  || runuser -u postgres -- psql -q -c "CREATE DATABASE van OWNER van" >&2
echo "jdbc:postgresql://127.0.0.1:5432/van?user=van&password=van"
