#!/usr/bin/env bash
# Starts a MariaDB of our own (own data directory, socket and port under
# .stack/) and makes sure the dev and test databases and their user exist.
source "$(dirname "$0")/lib.sh"

mkdir -p "$RUN_DIR" "$LOG_DIR"
if [[ ! -d "$DB_DATA_DIR/mysql" ]]; then
	log "Creating a MariaDB data directory in $DB_DATA_DIR"
	mkdir -p "$DB_DATA_DIR"
	mariadb-install-db --user="$(id -un)" --datadir="$DB_DATA_DIR" \
		--auth-root-authentication-method=socket --skip-test-db >"$LOG_DIR/mariadb-install.log" 2>&1 ||
		{ cat "$LOG_DIR/mariadb-install.log" >&2; die "mariadb-install-db failed"; }
fi

if mysql_root -e 'SELECT 1' >/dev/null 2>&1; then
	log "MariaDB already running on $DB_HOST:$DB_PORT"
else
	log "Starting MariaDB on $DB_HOST:$DB_PORT"
	# setsid + nohup: the server must outlive this script and the npm process.
	setsid nohup mariadbd --no-defaults --user="$(id -un)" --datadir="$DB_DATA_DIR" \
		--socket="$RUN_DIR/mysqld.sock" --pid-file="$RUN_DIR/mysqld.pid" \
		--port="$DB_PORT" --bind-address="$DB_HOST" \
		--log-error="$LOG_DIR/mariadb.log" \
		--character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
		--innodb-buffer-pool-size=256M --innodb-flush-log-at-trx-commit=2 \
		--max-connections=300 </dev/null >/dev/null 2>&1 &
	for ((i = 0; i < 240; i++)); do
		mysql_root -e 'SELECT 1' >/dev/null 2>&1 && break
		if ((i > 20)) && ! pid_alive "$RUN_DIR/mysqld.pid"; then
			tail -n 20 "$LOG_DIR/mariadb.log" >&2
			die "MariaDB stopped while starting (port $DB_PORT taken? choose another with CIVIKEY_DB_PORT=...)"
		fi
		sleep 0.25
	done
	mysql_root -e 'SELECT 1' >/dev/null 2>&1 || die "MariaDB did not come up; see $LOG_DIR/mariadb.log"
fi

mysql_root <<SQL
CREATE DATABASE IF NOT EXISTS \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS \`$DB_TEST_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS \`${DB_NAME}_civicrm\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL PRIVILEGES ON \`$DB_NAME\`.* TO '$DB_USER'@'127.0.0.1', '$DB_USER'@'localhost';
GRANT ALL PRIVILEGES ON \`$DB_TEST_NAME\`.* TO '$DB_USER'@'127.0.0.1', '$DB_USER'@'localhost';
-- The real CiviCRM's databases beside them (civikey_dev_civicrm, civikey_test_civicrm).
GRANT ALL PRIVILEGES ON \`${DB_NAME}\\_civicrm\`.* TO '$DB_USER'@'127.0.0.1', '$DB_USER'@'localhost';
GRANT ALL PRIVILEGES ON \`${DB_TEST_NAME}\\_civicrm\`.* TO '$DB_USER'@'127.0.0.1', '$DB_USER'@'localhost';
SQL
