#!/usr/bin/env bash
# Starts Debian's PostgreSQL cluster on 127.0.0.1:5432 with password auth for the postgres role.
set -euo pipefail
version=$(ls /etc/postgresql | sort -V | tail -1)
if [ -z "$version" ]; then
  pg_createcluster "$(ls /usr/lib/postgresql | sort -V | tail -1)" main
  version=$(ls /etc/postgresql | sort -V | tail -1)
fi
conf=/etc/postgresql/$version/main
sed -i "s/^#\?listen_addresses.*/listen_addresses = '127.0.0.1'/" "$conf/postgresql.conf"
grep -q "^max_connections = 300" "$conf/postgresql.conf" || echo "max_connections = 300" >> "$conf/postgresql.conf"
pg_ctlcluster "$version" main start || pg_ctlcluster "$version" main restart
for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
runuser -u postgres -- psql -q -c "ALTER USER postgres PASSWORD 'postgres';"
