#!/usr/bin/env bash
# learncity's search beside fzf --filter and sk --filter over the same
# articles, whole process, same machine, same run. Prints a Markdown table
# (time per search, ratio to learncity, hits) for docs/performance.md.
#
#   benches/compare.sh [ARTICLES]      (default 10000; needs fzf, sk, hyperfine)
#   RUNS=2 WARMUP=0 benches/compare.sh 100000 acacford    (fewer runs, one query)
#
# fzf and sk read one line per article (id, title and body); learncity reads
# the JSON corpus, so its time includes loading, checking and indexing it.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
shift || true
dir=target/compare
mkdir -p "$dir"
for tool in fzf sk hyperfine; do
  command -v "$tool" >/dev/null || { echo "error: $tool is not installed" >&2; exit 2; }
done

cargo build -q --release --bin learncity --example gen-corpus --example corpus-lines
json="$dir/corpus-$n.json"
lines="$dir/corpus-$n.lines"
[ -s "$json" ] || target/release/examples/gen-corpus --articles "$n" --seed 1 > "$json"
[ -s "$lines" ] || target/release/examples/corpus-lines "$json" > "$lines"
bin=target/release/learncity

echo "Corpus: $n articles, $(du -m "$json" | cut -f1) MB of JSON, $(du -m "$lines" | cut -f1) MB as lines;"
echo "$(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); fzf $(fzf --version | cut -d' ' -f1), sk $(sk --version | awk '{print $2}')."
echo
echo "| query | learncity | fzf --filter | sk --filter | hits: learncity | fzf | sk |"
echo "|---|---|---|---|---|---|---|"
# The typing benchmark's queries, then two selective ones: a city of the
# generated corpus (seed 1), alone and with a common word. Queries given
# after ARTICLES replace them.
queries=("belediye" "ogrenen sehir" "hayat boyu ogrenme" "belediey" "ogrenen sehri"
         "hayat boyu ogrneme" "acacford" "chenlinasgard belediye")
[ $# -gt 0 ] && queries=("$@")
for q in "${queries[@]}"; do
  # Articles only: fzf and sk see no cities.
  hl=$("$bin" --data "$json" search $q --json --limit 4294967295 | grep -c '"kind": "article"' || true)
  hf=$(fzf --filter "$q" < "$lines" | wc -l)
  hs=$(sk --filter "$q" < "$lines" | wc -l)
  hyperfine --warmup "${WARMUP:-1}" --runs "${RUNS:-5}" --export-json "$dir/h.json" \
    "$bin --data $json search $q --limit 20" \
    "fzf --filter '$q' < $lines" \
    "sk --filter '$q' < $lines" >/dev/null 2>&1
  read -r tl tf ts < <(python3 -c '
import json,sys
r=json.load(open(sys.argv[1]))["results"]
print(*[x["mean"] for x in r])' "$dir/h.json")
  python3 -c '
import sys
q,tl,tf,ts,hl,hf,hs=sys.argv[1:]
tl,tf,ts=float(tl),float(tf),float(ts)
print(f"| `{q}` | {tl*1000:.0f} ms | {tf*1000:.0f} ms ({tf/tl:.2f}×) | {ts*1000:.0f} ms ({ts/tl:.2f}×) | {hl} | {hf} | {hs} |")' "$q" "$tl" "$tf" "$ts" "$hl" "$hf" "$hs"
done
