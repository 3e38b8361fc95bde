#!/usr/bin/env bash
# Ends what bin/start.sh began: the PHP web server and our MariaDB.
# The state in .stack/ stays, so the next start is quick.
source "$(dirname "$0")/lib.sh"

stop_pidfile() {
	local name="$1" pidfile="$2" pid i
	[[ -f "$pidfile" ]] || return 0
	pid="$(cat "$pidfile")"
	if kill -0 "$pid" 2>/dev/null; then
		log "Stopping $name (pid $pid)"
		# The built-in server runs workers in its own process group.
		kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
		for ((i = 0; i < 80; i++)); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.25
		done
		kill -KILL -- "-$pid" 2>/dev/null || true
	fi
	rm -f "$pidfile"
}

stop_pidfile "the web server" "$RUN_DIR/php-server.pid"
stop_pidfile "MariaDB" "$RUN_DIR/mysqld.pid"
