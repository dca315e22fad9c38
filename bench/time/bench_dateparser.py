#!/usr/bin/env python3
"""dateparser throughput on the texts time_throughput --write-texts wrote:
dateparser.search.search_dates on each text with RELATIVE_BASE = its DCT, in
file order until MIN_SECONDS of this process's CPU time have gone by (at
least one text; dateparser is too slow for whole passes of the corpus).
Prints "dateparser DOCS TOKENS CPU_SECONDS EXPRESSIONS".
Usage: bench_dateparser.py TEXTS.jsonl [MIN_SECONDS]
"""
import datetime
import json
import sys
import time
import warnings

warnings.filterwarnings("ignore")
from dateparser.search import search_dates  # noqa: E402


def main():
    path = sys.argv[1]
    min_seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 5.0
    docs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                day = datetime.date.fromisoformat(d["dct"] or "2000-01-01")
                docs.append((d["text"], datetime.datetime(
                    day.year, day.month, day.day, 12)))
    search_dates(docs[0][0], languages=["en"],
                 settings={"RELATIVE_BASE": docs[0][1]})  # load the models
    tokens = found = n = 0
    t0 = time.process_time()
    elapsed = 0.0
    while elapsed < min_seconds and n < len(docs):
        text, ref = docs[n]
        hits = search_dates(text, languages=["en"],
                            settings={"RELATIVE_BASE": ref}) or []
        found += len(hits)
        tokens += len(text.split())
        n += 1
        elapsed = time.process_time() - t0
    print("dateparser %d %d %.4f %d" % (n, tokens, elapsed, found))


if __name__ == "__main__":
    main()
