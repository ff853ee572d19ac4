#!/bin/sh
# The explorer in tmux: the optima's letters never run into the ends' labels, nor hide each other.
# Usage: tests/e2e/letters.sh ./cutoff      (from the project root)
set -u
. tests/e2e/lib.sh

# ---- the optima's letters never run into the ends' labels, nor hide each other ----------
awk 'BEGIN { srand(5); print "y,score"; for (i = 0; i < 200; i++) { y = rand() < 0.9; printf "%d,%.2f\n", y, 3.01 + rand() * 5 } }' \
	>"$T/marks.csv"
shell 80 24 LANG=C.UTF-8 LC_ALL=C.UTF-8
tm send-keys -t e "$BIN -l y -s score $T/marks.csv; echo EXIT=\$?" Enter
wait_for "Confusion matrix"
for mode in value rank; do
	row=$(screen | sed -n 2p)
	echo "$row" | grep -q "[0-9.][A-Z\$]\|[A-Z\$][0-9.]\|[A-Z\$][a-z]\|[a-z][A-Z\$]" &&
		bad "slider ($mode): a letter runs into a label: '$row'" || ok
	for letter in F J C; do
		echo "$row" | grep -q "$letter" && ok || bad "slider ($mode): marker $letter hidden: '$row'"
	done
	tm send-keys -t e s
	sleep 0.3
done
# keys that can do nothing here say why
tm send-keys -t e m
sleep 0.2
screen | tail -1 | grep -q "one model only" && ok || bad "m with one model: no reason given: $(screen | tail -1)"
tm send-keys -t e '$'
sleep 0.2
screen | tail -1 | grep -q "no costs yet" && ok || bad "\$ before costs: no reason given: $(screen | tail -1)"
tm send-keys -t e q
wait_for "EXIT=[0-9]"

echo "e2e letters: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
