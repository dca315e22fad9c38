#!/usr/bin/env python3
"""BCubed P/R/F1 of a synoptic JSON report's event clusters against the
happenings of bench/serve/gen_articles.py (each article's URL carries its
happening as story-H-I). Usage: bcubed_generated.py REPORT.json"""
import collections
import json
import re
import sys

r = json.load(open(sys.argv[1], encoding="utf-8"))
cluster_of = {d: c["id"] for c in r["clusters"] for d in c["documents"]}
gold = {}
for d in r["documents"]:
    m = re.search(r"story-(\d+)-", d.get("url") or "")
    if m:
        gold[d["id"]] = m.group(1)
ids = [d for d in gold if d in cluster_of]
if not ids:
    sys.exit("no generated documents in the report")
pred_n = collections.Counter(cluster_of[i] for i in ids)
gold_n = collections.Counter(gold[i] for i in ids)
both = collections.Counter((cluster_of[i], gold[i]) for i in ids)
p = sum(n * n / pred_n[k[0]] for k, n in both.items()) / len(ids)
rc = sum(n * n / gold_n[k[1]] for k, n in both.items()) / len(ids)
print(f"| generated reports | {len(ids):,} | {len(gold_n):,} happenings | {len(pred_n):,} clusters "
      f"| P {p:.3f} | R {rc:.3f} | **F1 {2 * p * rc / (p + rc):.3f}** |")
