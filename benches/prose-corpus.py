#!/usr/bin/env python3
"""A corpus of N reports made of real prose, for measuring search on text
nobody tuned for (issue 14).

    benches/prose-corpus.py N [OUT.json]        (stdout without OUT)
    benches/prose-corpus.py --seed 7 100000 target/compare/prose-100000.json

The generator's corpora (examples/gen-corpus) draw words from a made-up
vocabulary whose frequencies the generator chose. Here every paragraph is a
real one: the two bundled seed reports (Turkish news texts about Balıkesir
and Ankara, with their English summaries; data/corpus.json holds the text of
/work/shared/seeds/, split into headings and paragraphs) and the prose of
README.md and docs/*.md. The paragraphs are dealt from a shuffled deck that is
reshuffled each time it runs out, so every paragraph is used about equally
often and the words keep the frequencies they have in the sources. The reports
are attached to the bundled corpus's real cities.

Deterministic: the same N and seed give the same bytes (Python's random is
stable across versions for random(), shuffle() and lognormvariate()).
A summary line goes to stderr.
"""
import argparse
import json
import math
import os
import random
import re
import sys
import unicodedata

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
DOCS = ["README.md", "docs/corpus-format.md", "docs/performance.md"]


def one_line(s):
    return re.sub(r"\s+", " ", s).strip()


def demarkdown(s):
    # Readers see prose, not markup; a finder matching "](http" or "**" would
    # measure the syntax of Markdown instead of the language.
    s = re.sub(r"<!--.*?-->", " ", s)
    s = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", s)
    s = s.replace("`", "").replace("**", "")
    return one_line(s)


def markdown_blocks(text):
    """(kind, text) for the headings, paragraphs and list items of a Markdown
    file. Code blocks and tables are left out: they are commands and grids of
    numbers, not prose."""
    blocks, para, fenced = [], [], False

    def flush():
        if para:
            t = demarkdown(" ".join(para))
            # A line of only punctuation or numbers is not a sentence.
            if sum(ch.isalpha() for ch in t) >= 12:
                blocks.append(("paragraph", t))
            para.clear()

    for line in text.splitlines():
        if line.lstrip().startswith("```"):
            flush()
            fenced = not fenced
            continue
        if fenced:
            continue
        s = line.strip()
        if not s or s.startswith("|") or s.startswith("<!--"):
            flush()
            continue
        if s.startswith("#"):
            flush()
            t = demarkdown(s.lstrip("#"))
            if t:
                blocks.append(("heading", t))
            continue
        # A list item starts a paragraph of its own; indented lines go on it.
        if re.match(r"([-*+]|\d+\.)\s", s):
            flush()
            s = re.sub(r"^([-*+]|\d+\.)\s+", "", s)
        para.append(s)
    flush()
    return blocks


def load_pool():
    with open(os.path.join(ROOT, "data", "corpus.json"), encoding="utf-8") as f:
        bundled = json.load(f)
    pool = []  # (kind, text, lang)
    for a in bundled["articles"]:
        lang = a.get("lang") or "tr"
        pool.append(("heading", a["title"].strip(), lang))
        for b in a["body"]:
            pool.append((b["kind"], b["text"].strip(), lang))
        if a.get("summary"):
            pool.append(("paragraph", a["summary"].strip(), "en"))
    for name in DOCS:
        with open(os.path.join(ROOT, name), encoding="utf-8") as f:
            pool += [(k, t, "en") for k, t in markdown_blocks(f.read())]
    return bundled, [p for p in pool if p[1]]


def fold(w):
    w = w.replace("ı", "i").replace("İ", "i").lower()
    return "".join(c for c in unicodedata.normalize("NFD", w) if not unicodedata.combining(c))


WORD = re.compile(r"\w+")


def title_of(body):
    """A heading of the report, else the start of its first sentence: titles
    are real text too, not numbered placeholders."""
    for kind, text, _ in body:
        if kind == "heading" and len(text) <= 100:
            return text
    text = next(t for k, t, _ in body if k != "heading")
    sentence = re.split(r"(?<=[.!?:;])\s", text, maxsplit=1)[0]
    words = sentence.split()
    return " ".join(words[:10]) + ("…" if len(words) > 10 else "")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, metavar="N", help="number of reports")
    ap.add_argument("out", nargs="?", help="output file (default: stdout)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if args.n < 0:
        ap.error("N must be 0 or more")
    if args.out is None and sys.stdout.isatty():
        ap.error("refusing to write a corpus to a terminal; give OUT or redirect")

    bundled, pool = load_pool()
    cities = bundled["cities"]
    rng = random.Random(args.seed)
    deck = []
    pool_words = [len(WORD.findall(t)) for _, t, _ in pool]
    vocab = {fold(w) for _, t, _ in pool for w in WORD.findall(t)}
    uses = [0] * len(pool)

    def deal():
        if not deck:
            deck.extend(range(len(pool)))
            rng.shuffle(deck)
        return deck.pop()

    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    head = {
        "schema": 2,
        "title": f"Real prose: the seed reports and the docs, {args.n} reports",
        "cities": cities,
    }
    # Streamed, one json.dumps per report: the C encoder only runs one-shot,
    # and 100 000 reports held as one tree would cost memory for nothing.
    text = json.dumps(head, ensure_ascii=False)
    out.write(text[:-1] + ', "articles": [\n')
    total_bytes = len(text.encode())
    blocks = 0
    for i in range(args.n):
        # A few KB, most between 1.5 and 6, a long tail to about 20: report
        # lengths vary like news articles do, not around one fixed size.
        target = min(20000, max(600, rng.lognormvariate(math.log(3000), 0.5)))
        body, size = [], 0
        while size < target or all(k == "heading" for k, _, _ in body):
            j = deal()
            uses[j] += 1
            body.append(pool[j])
            size += len(pool[j][1])
        tr = sum(len(t) for _, t, lang in body if lang == "tr")
        art = {
            "id": f"prose-{i + 1:06d}",
            "city": rng.choice(cities)["id"],
            "title": title_of(body),
            "lang": "tr" if 2 * tr > size else "en",
            "body": [{"kind": k, "text": t} for k, t, _ in body],
        }
        blocks += len(body)
        text = json.dumps(art, ensure_ascii=False)
        out.write(text + (",\n" if i + 1 < args.n else "\n"))
        total_bytes += len(text.encode()) + 2
    net = json.dumps(bundled["network"], ensure_ascii=False)
    out.write('], "network": ' + net + "}\n")
    total_bytes += len(net.encode()) + 16
    if args.out:
        out.close()

    words = sum(u * w for u, w in zip(uses, pool_words))
    print(
        f"{args.n} reports, {blocks} blocks, {words} words, "
        f"{len(vocab)} distinct folded words from {len(pool)} source paragraphs "
        f"({sum(pool_words)} words), about {total_bytes / 1e6:.1f} MB",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
