"""cutoff's --multiclass JSON report (stdin) as "key value" lines, the
keys of tests/reference/multiclass/*.expected (null is nan)."""
import json
import sys


def num(v):
    return "nan" if v is None else repr(float(v))


def main():
    r = json.load(sys.stdin)
    out = [("n", r["n"]), ("skipped", r["skipped"])]
    for c in r["classes"]:
        for key, v in c.items():
            if key not in ("class", "score", "objective"):
                out.append(("class.%s.%s" % (c["class"], key), v))
    for avg, figs in r["average"].items():
        for key, v in figs.items():
            out.append(("average.%s.%s" % (avg, key), v))
    for key, v in r["roc_auc_ovo"].items():
        out.append(("roc_auc_ovo." + key, v))
    for name in ("argmax", "thresholded"):
        for i, row in enumerate(r[name]["matrix"]):
            for j, v in enumerate(row):
                out.append(("%s.matrix.%d.%d" % (name, i, j), v))
        for key, v in r[name].items():
            if key not in ("labels", "matrix"):
                out.append(("%s.%s" % (name, key), v))
    for key, v in out:
        print(key, num(v))


main()
