# Sourced by scripts/test. Makes sure a PostgreSQL server answers for the database tests and
# exports TURNOS_TEST_DATABASE_URL. Uses the one given, else 127.0.0.1:5432, else starts a
# throwaway cluster (Debian's postgresql) in a temporary directory that is removed on exit.

pg_answers() { # host port
  pg_isready -q -h "$1" -p "$2" -t 3 2>/dev/null
}

if [ -n "${TURNOS_TEST_DATABASE_URL:-}" ]; then
  echo "services: PostgreSQL from TURNOS_TEST_DATABASE_URL"
elif pg_answers 127.0.0.1 5432; then
  export TURNOS_TEST_DATABASE_URL="postgresql+psycopg://postgres@127.0.0.1:5432/test"
  if ! psql -h 127.0.0.1 -U postgres -d test -c 'select 1' >/dev/null 2>&1; then
    createdb -h 127.0.0.1 -U postgres test 2>/dev/null || true
  fi
  echo "services: PostgreSQL at 127.0.0.1:5432"
else
  pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$pgbin" ]; then
    echo "services: no PostgreSQL server and none installed; run scripts/setup" >&2
    exit 1
  fi
  pgdir=$(mktemp -d /tmp/turnos-pg.XXXXXX)
  chmod 755 "$pgdir"
  pgport=55432
  as_pg=()
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$pgdir"
    as_pg=(runuser -u postgres --)
  fi
  # shellcheck disable=SC2064
  trap "${as_pg[*]} $pgbin/pg_ctl -s -D $pgdir/data -m immediate stop 2>/dev/null; rm -rf $pgdir" EXIT
  "${as_pg[@]}" "$pgbin/initdb" -A trust -U postgres -D "$pgdir/data" >/dev/null
  "${as_pg[@]}" "$pgbin/pg_ctl" -s -D "$pgdir/data" -l "$pgdir/log" -w \
    -o "-h 127.0.0.1 -p $pgport -k $pgdir -F" start
  "${as_pg[@]}" "$pgbin/createdb" -h 127.0.0.1 -p "$pgport" -U postgres test
  export TURNOS_TEST_DATABASE_URL="postgresql+psycopg://postgres@127.0.0.1:$pgport/test"
  echo "services: started a throwaway PostgreSQL at 127.0.0.1:$pgport"
fi
