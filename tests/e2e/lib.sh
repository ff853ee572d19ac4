# What the explorer's tmux tests share (sourced, from the project root):
# a private tmux server a start, the pane read back, keys and mouse
# reports sent, the numbers on screen checked against --report, and the
# terminal checked after the explorer ends.  Sets BIN from $1.
BIN=$(cd "$(dirname "${1:-./cutoff}")" && pwd)/$(basename "${1:-./cutoff}")
SOCK="cutoff-e2e-$$-0"
runs=0
T=$(mktemp -d /tmp/cutoff-e2e.XXXXXX)
pass=0
fail=0
BC=samples/breast_cancer.csv

tm() { tmux -L "$SOCK" "$@"; }
cleanup() { tm kill-server 2>/dev/null; rm -rf "$T"; }
# each start gets a server of its own: a new one on a just-killed socket races
trap cleanup EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
screen() { tm capture-pane -t e -p; }

# wait_for PATTERN: until the pane shows it (5 s at most)
wait_for() {
	i=0
	while [ $i -lt 50 ]; do
		screen | grep -q -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	bad "the screen never showed '$1'"
	screen | head -5
	return 1
}

# shell W H ENV... : a fresh tmux server (a new one on a just-killed socket
# races) with a plain shell in a W x H pane
shell() {
	w=$1
	h=$2
	shift 2
	tm kill-server 2>/dev/null
	runs=$((runs + 1))
	SOCK="cutoff-e2e-$$-$runs"
	tm -f /dev/null new-session -d -s e -x "$w" -y "$h" "env $* PS1='$ ' bash --norc --noprofile"
	tm set-option -g status off >/dev/null
	sleep 0.2
}

# start W H ENV... : the explorer on the sample, in a fresh shell
start() {
	shell "$@"
	tm send-keys -t e "$BIN -p malignant -l diagnosis -s logreg,naive_bayes $BC; echo EXIT=\$?" Enter
	wait_for "Confusion matrix"
}

flags() { tm display -p -t e '#{alternate_on} #{mouse_any_flag} #{mouse_button_flag} #{mouse_sgr_flag} #{cursor_flag}'; }

# type_cmd LINE: opens the command line and types LINE (without Enter)
type_cmd() { tm send-keys -t e ':'; sleep 0.1; tm send-keys -t e -l "$1"; sleep 0.1; }

# send_sgr B X Y M|m: an SGR mouse report (1-based cell), as a terminal sends it
send_sgr() {
	tm send-keys -t e -l "$(printf '\033[<%s;%s;%s%s' "$1" "$2" "$3" "$4")"
}

# The numbers on screen against --report at the threshold on screen.
check_numbers() {
	what=$1
	screen >"$T/screen"
	thr=$(sed -n 's/^threshold \([^ ]*\) .*/\1/p' "$T/screen" | head -1)
	model=$(head -1 "$T/screen" | awk '{print $3}')
	if [ -z "$thr" ] || [ -z "$model" ]; then
		bad "$what: no threshold or model on screen"
		return
	fi
	# "-NAME": the model's scores turned round (:invert)
	inv=
	case $model in -*) model=${model#-} inv=--invert ;; esac
	# shellcheck disable=SC2086
	"$BIN" --report --format json ${CN_ARGS--p malignant -l diagnosis} ${CN_COSTS-} $inv -s "$model" -t "$thr" "${CN_FILE:-$BC}" \
		>"$T/json" 2>/dev/null
	for tag in TP:tp FN:fn FP:fp TN:tn; do
		got=$(grep -o "${tag%%:*}  *[0-9][0-9,]*" "$T/screen" | head -1 | sed 's/^[A-Z]* *//; s/,//g')
		want=$(sed -n "s/^  \"${tag#*:}\": \([^,]*\),*$/\1/p" "$T/json")
		[ -n "$got" ] && [ "$got" = "$want" ] && ok || bad "$what ($model at $thr): ${tag%%:*} screen '$got', report '$want'"
	done
	for pair in "precision:precision" "recall:recall" "specificity:specificity" "NPV:npv" "FPR:fpr" \
		"F1:f1" "accuracy:accuracy" "bal. acc.:balanced_accuracy" "MCC:mcc" \
		"flagged:predicted_positive_rate" "ROC AUC:roc_auc" "avg prec.:average_precision"; do
		label=${pair%%:*}
		key=${pair#*:}
		# with costs set (CN_COSTS: the same prices for the report) the cost
		# has average precision's place: money, whole from 100 up
		if [ "$label" = "avg prec." ] && [ -n "${CN_COSTS-}" ]; then
			got=$(sed -n '/^Metrics/,$p' "$T/screen" | LC_ALL=C.UTF-8 grep -o "^.\{24,25\}cost  *[^ ]*" | head -1 |
				awk '{print $NF}' | sed 's/[▲▼^v]$//; s/[^0-9.]//g')
			want=$(sed -n 's/^  "cost": \([^,]*\),*$/\1/p' "$T/json")
			[ -n "$got" ] && awk -v g="$got" -v w="$want" 'BEGIN { d = g - w; if (d < 0) d = -d; exit !(d <= (w >= 100 ? 0.5 : 0.005)) }' &&
				ok || bad "$what ($model at $thr): cost screen '$got', report '$want'"
			continue
		fi
		# metrics sit at columns 0 and 24 (25 in ASCII; counted in characters: UTF-8
		# grep); a value is a number or n/a, maybe with its half-width
		# ("±.02") and a trend arrow
		got=$(LC_ALL=C.UTF-8 grep -o "^\(.\{24,25\}\)\?$label  *[0-9n-][^ ]*" "$T/screen" | head -1 |
			awk '{print $NF}' | sed 's/[▲▼^v]$//; s/±.*//; s/+-.*//')
		want=$(sed -n "s/^  \"$key\": \([^,]*\),*$/\1/p" "$T/json" |
			awk '{ if ($1 == "null") print "n/a"; else if ($1 + 0 == 0) print "0"; else printf "%#.4g\n", $1 }')
		[ -n "$got" ] && [ "$got" = "$want" ] && ok || bad "$what ($model at $thr): $label screen '$got', report '$want'"
	done
}

# the model's threshold: "threshold X", or under per-group thresholds "(knob X)"
threshold() { screen | sed -n 's/^threshold \([^ ]*\) .*/\1/p; s/^per group: .*(knob \([^)]*\)).*/\1/p' | head -1; }

# after_exit NAME STATUS: the explorer has ended with STATUS; the terminal is sane
after_exit() {
	# "EXIT=[0-9]": the typed command shows "EXIT=$?" before it has run
	wait_for "EXIT=[0-9]" || return
	screen | grep -q "EXIT=$2" && ok || bad "$1: $(screen | grep -o 'EXIT=[0-9]*'), expected EXIT=$2"
	[ "$(flags)" = "0 0 0 0 1" ] && ok || bad "$1: terminal modes after exit: $(flags) (alt any button sgr cursor)"
	screen | grep -q "Confusion matrix" && bad "$1: the explorer's screen is left behind" || ok
	screen | grep -q "out of memory" && bad "$1: 'out of memory' said on a normal exit" || ok
	tm send-keys -t e "stty -a | tr ' ' '\n' | grep -x -- '-\?icanon\|-\?echo\|-\?isig' | tr '\n' ' '; echo" Enter
	sleep 0.3
	screen | grep -q "^icanon isig echo \|^isig icanon echo \|icanon.*echo" && ! screen | grep -q -- "-icanon\|-echo " &&
		ok || bad "$1: tty not restored: $(screen | grep -i icanon | tail -1)"
}

box_rows() { screen | LC_ALL=C.UTF-8 sed -n 's/^.[│|]\(.*\)[│|].\{0,1\}$/\1/p'; }
# box_all: every row of the box, scrolled from the top to the end
box_all() {
	box_rows >"$T/box"
	i=0
	while screen | grep -q "▼ [0-9]* more" && [ $i -lt 80 ]; do
		tm send-keys -t e Down
		sleep 0.1
		box_rows | tail -1 >>"$T/box"
		i=$((i + 1))
	done
}

# json_num KEY: the key of $T/json as the screen writes it (4 significant digits)
json_num() {
	sed -n "s/^  \"$1\": \([^,]*\),*$/\1/p" "$T/json" |
		awk '{ if ($1 == "null") print "n/a"; else if ($1 + 0 == 0) print "0"; else printf "%#.4g\n", $1 }'
}

# group_numbers WHAT: each group's row in the panel against --report --group at the threshold shown
group_numbers() {
	screen >"$T/screen"
	thr=$(threshold)
	# shellcheck disable=SC2086
	"$BIN" --report --format json --group size -t "$thr" $BG >"$T/json" 2>/dev/null
	for grp in large medium small; do
		line=$(grep "^  *{\"group\": \"$grp\"" "$T/json")
		for key in recall fpr; do
			want=$(echo "$line" | sed "s/.*\"$key\": \([^,]*\),.*/\1/" |
				awk '{ if ($1 == "null") print "n/a"; else if ($1 + 0 == 0) print "0"; else printf "%#.4g\n", $1 }')
			grep -q "[a-c] $grp .* $want" "$T/screen" && ok || bad "$1: group $grp $key $want not on screen: $(grep "[a-c] $grp" "$T/screen")"
		done
	done
}
