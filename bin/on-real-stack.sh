#!/usr/bin/env bash
# Runs a command on the second local stack, the one with the real CiviCRM
# (own folder .stack/real-civicrm, ports and databases), so that `npm test`
# runs the end-to-end tests against the stand-in on the main stack and against
# the real CiviCRM here. For example:
#   bash bin/on-real-stack.sh bash bin/start.sh    # start it
#   bash bin/on-real-stack.sh npm run test:e2e     # the e2e tests against it
#   bash bin/on-real-stack.sh bash bin/stop.sh     # stop it
main_stack="${CIVIKEY_STACK_DIR:-$(cd "$(dirname "$0")/.." && pwd)/.stack}"
export CIVIKEY_STACK_DIR="$main_stack/real-civicrm"
export CIVIKEY_PORT="${CIVIKEY_REAL_PORT:-8898}" CIVIKEY_DB_PORT="${CIVIKEY_REAL_DB_PORT:-3318}"
export CIVIKEY_CIVICRM=real CIVIKEY_NATIVE=1
source "$(dirname "$0")/lib.sh"
exec "$@"
