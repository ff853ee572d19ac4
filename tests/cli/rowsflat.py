"""cutoff's JSON report with --list (stdin) as the "key value" lines of
tests/reference/rows/*.expected: MODEL.total, MODEL.I.line ... (text as
the JSON carries it, escaped already; spaces as \s; null for null)."""
import json
import sys


def text(v):
    if v is None:
        return "null"
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return repr(v)
    return str(v).replace(" ", "\\s")


def main():
    r = json.load(sys.stdin)
    for m in r.get("models", [r]):
        rows = m["rows"]
        name = m["score"]
        print("%s.total %d" % (name, rows["total"]))
        for i, row in enumerate(rows["rows"]):
            for key in ("line", "id", "score", "label", "weight"):
                print("%s.%d.%s %s" % (name, i, key, text(row[key])))
            for col, v in row["show"].items():
                print("%s.%d.show.%s %s" % (name, i, col, text(v)))


main()
