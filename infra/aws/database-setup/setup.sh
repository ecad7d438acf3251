#!/bin/sh
# Creates one login and one database per eventshop service, owned by that login, on the RDS instance. It runs as the
# master login, once per deployment of the eventshop-services stack, before the services start. Safe to run again:
# it creates what is missing and sets each login's password to the one in its secret.
#
# Environment: PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE for the master connection; DATABASES, the
# databases to create (such as "order_service payment_service"); and for each, <NAME>_PASSWORD (ORDER_SERVICE_PASSWORD).
set -eu

for database in $DATABASES; do
  password_variable="$(echo "$database" | tr '[:lower:]' '[:upper:]')_PASSWORD"
  password="$(printenv "$password_variable")"
  # psql quotes :'name' and :'password' as literals, and format's %I and %L quote again as identifier and literal.
  psql --no-psqlrc --quiet -v ON_ERROR_STOP=1 -v name="$database" -v password="$password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'name')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'name') \gexec
SELECT format('ALTER ROLE %I PASSWORD %L', :'name', :'password') \gexec
-- The master login may create a database for another owner only as a member of that owner's role.
SELECT format('GRANT %I TO CURRENT_USER', :'name')
WHERE NOT pg_has_role(CURRENT_USER, :'name', 'MEMBER') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'name', :'name')
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'name') \gexec
-- Each login connects to its own database only.
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'name') \gexec
SQL
  echo "eventshop-database-setup: $database is ready"
done
