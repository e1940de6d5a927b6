# Sourced by test.sh and bench: exports TEST_PG_URL pointing at a PostgreSQL server that answers.
export TEST_PG_URL=${TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}
pg_answers() { node -e "
  const pg = require('pg'); const c = new pg.Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
  c.connect().then(() => c.end()).then(() => process.exit(0), () => process.exit(1));" "$1" 2>/dev/null; }
if ! pg_answers "$TEST_PG_URL"; then
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$bin" ] && [ "$(id -u)" = 0 ]; then
    echo "No PostgreSQL found: installing it from Debian's packages"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) || true
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  fi
  if [ -z "$bin" ]; then echo "PostgreSQL is needed for the tests and could not be found or installed"; exit 1; fi
  pgdir=$(mktemp -d /tmp/kf-pg.XXXXXX); port=54329
  as_pg() { if [ "$(id -u)" = 0 ]; then chown -R postgres "$pgdir"; su postgres -c "$*"; else sh -c "$*"; fi; }
  as_pg "$bin/initdb -D $pgdir/data -A trust -U postgres >/dev/null"
  as_pg "$bin/pg_ctl -D $pgdir/data -o '-p $port -k $pgdir -c listen_addresses=127.0.0.1' -l $pgdir/log -w start >/dev/null"
  export TEST_PG_URL="postgres://postgres@127.0.0.1:$port/postgres"
  trap 'as_pg "$bin/pg_ctl -D $pgdir/data -m immediate stop >/dev/null"; rm -rf "$pgdir"' EXIT
  echo "Started a throwaway PostgreSQL at 127.0.0.1:$port"
fi
