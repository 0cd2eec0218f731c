# tmux helpers for the terminal tests.  Source after tests/lib.sh.
#   tz_start W H CMD...   starts CMD in a detached W x H pane on a private server
#   screen                the pane's text now
#   wait_for NEEDLE       polls (up to $WAIT seconds) until the pane shows NEEDLE
#   wait_gone NEEDLE      polls until it does not
#   wait_dead             polls until the program in the pane has exited
#   keys KEY...           tmux send-keys
#   last_line, line N     one line of the pane
WAIT=${WAIT:-10}
TMUX_N=0
TMUX_SOCK=tz$$-0
tm() { tmux -L "$TMUX_SOCK" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$TMP"' EXIT
# Each start gets its own server, so a dying one cannot take the next along.
tz_start() {
	w=$1; h=$2; shift 2
	tm kill-server 2>/dev/null
	TMUX_N=$((TMUX_N + 1)); TMUX_SOCK=tz$$-$TMUX_N
	tm new-session -d -x "$w" -y "$h" "$*"
	tm set-option -g remain-on-exit on >/dev/null
}
screen() { tm capture-pane -p -t 0 2>/dev/null; }
keys() { tm send-keys -t 0 "$@"; }
_poll() {  # _poll MODE NEEDLE: MODE is "in" or "out"
	i=0; max=$((WAIT * 20))
	while [ $i -lt $max ]; do
		s=$(screen)
		case "$s" in *"$2"*) [ "$1" = in ] && return 0;; *) [ "$1" = out ] && return 0;; esac
		sleep 0.05; i=$((i + 1))
	done
	return 1
}
wait_for() { _poll in "$1"; }
# wait_dead: polls until the pane's program has exited (tmux's own flag: the
# "Pane is dead" line is not drawn on every screen the program leaves behind).
wait_dead() {
	i=0; max=$((WAIT * 20))
	while [ $i -lt $max ]; do
		[ "$(tm display-message -p -t 0 '#{pane_dead}' 2>/dev/null)" = 1 ] && return 0
		sleep 0.05; i=$((i + 1))
	done
	return 1
}
wait_gone() { _poll out "$1"; }
line() { screen | sed -n "$1p"; }
last_line() { screen | tail -n 1; }
pane() { tm display-message -p -t 0 "$1"; }
# pane_state: what a failed wait saw — the whole screen, the pane's size and
# whether (and how) the program ended — for the failure's message.
pane_state() {
	printf '%s\n' "$(pane '#{pane_width}x#{pane_height} dead=#{pane_dead} status=#{pane_dead_status} signal=#{pane_dead_signal}' 2>&1)"
	screen
}

# tz_clerks NAME P: for a suite NAME that runs the program in each role (as
# root: it makes logins).  Four logins, P plus a letter and the shell's pid:
# $SB a sectoral clerk of education, $AB an authorized-body clerk, $AP an
# approver, $RD a reader, removed at exit with the suite's files; the shared
# folder $SH and the demo database $DB in it, open to them, on
# $TIZILIM_TODAY (2026-04-20).  Not root: one failure, and the suite ends.
tz_clerks() {
	if [ "$(id -u)" != 0 ]; then
		bad "$1" "must run as root: it creates logins with useradd"
		done_tests
		exit 1
	fi
	SB=${2}s$$ AB=${2}a$$ AP=${2}p$$ RD=${2}r$$
	trap _tz_clerks_gone EXIT
	trap 'exit 1' INT TERM HUP
	for _u in "$SB" "$AB" "$AP" "$RD"; do
		useradd -M -N -s /bin/sh -d /nonexistent "$_u" || bad useradd "cannot create $_u"
	done
	tz_reachable "$SB"
	chmod 0711 "$TMP"
	SH=$TMP/shared
	mkdir -p "$SH/state"
	chmod 1777 "$SH" "$SH/state"
	DB=$SH/r.db
	export TIZILIM_TODAY=2026-04-20
	_tz_clerks_t init --demo
	chmod 666 "$DB"
	_tz_clerks_t user add "$SB" sb_clerk education
	_tz_clerks_t user add "$AB" ab_clerk
	_tz_clerks_t user add "$AP" ab_approver
	_tz_clerks_t user add "$RD" reader
}
# clerk_start LOGIN LANG [W H]: the program as LOGIN (or root) on $DB, at
# W x H (80x24), in LANG, the register up; its stderr goes to $TMP/err.
clerk_start() {
	_w=${3:-80} _h=${4:-24}
	if [ "$1" = root ]; then
		tz_start "$_w" "$_h" "TIZILIM_LANG=$2 $TZB --db $DB 2>>$TMP/err"
	else
		tz_start "$_w" "$_h" "runuser -u $1 -- env HOME=$SH XDG_DATA_HOME=$SH XDG_STATE_HOME=$SH/state XDG_CONFIG_HOME=$SH/state TIZILIM_LANG=$2 TIZILIM_TODAY=$TIZILIM_TODAY TIZILIM_LOCALEDIR=$TIZILIM_LOCALEDIR $TZB --db $DB 2>>$TMP/err"
	fi
	wait_for "1$(TEXTDOMAINDIR=$TOP/$BUILD/locale LANGUAGE=$2 gettext tizilim Help)" ||
		bad "start $1 $2" "no key bar: $(pane_state)"
}
# keybar_digits: the key bar's keys as their numbers, "1 2 3 ... 10".
keybar_digits() { last_line | sed 's/[^0-9][^0-9]*/ /g; s/^ *//; s/ *$//'; }
_tz_clerks_t() { "$TZB" --db "$DB" "$@" >/dev/null 2>&1 || bad "setup" "tizilim $* failed"; }
_tz_clerks_gone() {
	tm kill-server 2>/dev/null
	for _u in "$SB" "$AB" "$AP" "$RD"; do userdel "$_u" 2>/dev/null; done
	rm -rf "$TMP"
}
