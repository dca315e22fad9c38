#!/usr/bin/python3
"""Times readability-lxml (Debian python3-readability) over the Scrapinghub
benchmark pages, one thread: pages are read and gunzipped first, then only
Document(html).summary() plus the summary's text (html_text when present,
as the benchmark does) is timed, repeated until MIN_SECONDS of CPU time
have passed. Prints "readability-lxml PAGES CPU_SECONDS BYTES WALL_SECONDS"
for bench/extraction/run.

Usage: readability_lxml_bench.py SHARED_DIR [MIN_SECONDS]
"""
import gzip
import os
import sys
import time

from readability import Document

try:
    import html_text
except ImportError:
    html_text = None
import lxml.html


def main():
    shared = sys.argv[1]
    min_seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 0.0
    folder = os.path.join(shared, "data/article-extraction-scrapinghub/html")
    pages = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".html.gz"):
            with gzip.open(os.path.join(folder, name), "rb") as f:
                pages.append(f.read().decode("utf-8", "replace"))
    done = 0
    size = 0
    chars = 0
    start = time.perf_counter()
    cpu_start = time.process_time()
    while True:
        for html in pages:
            try:
                summary = Document(html).summary()
                if html_text is not None:
                    text = html_text.extract_text(summary)
                else:
                    text = lxml.html.fromstring(summary).text_content()
                chars += len(text)
            except Exception:  # a page readability cannot handle still counts
                pass
            done += 1
            size += len(html.encode("utf-8"))
        seconds = time.perf_counter() - start
        cpu = time.process_time() - cpu_start
        if cpu >= min_seconds:
            break
    print(f"readability-lxml: {done} pages, {chars} chars of text", file=sys.stderr)
    print(f"readability-lxml {done} {cpu:.4f} {size} {seconds:.4f}")


if __name__ == "__main__":
    main()
