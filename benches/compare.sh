#!/usr/bin/env bash
# learncity's search beside fzf --filter and sk --filter over the same
# reports, whole process, same machine, same run. Prints a Markdown table
# (time per search, ratio to learncity, hits) for docs/performance.md.
#
#   benches/compare.sh [REPORTS [QUERY…]]   (default 10000; needs fzf, sk, hyperfine)
#   CORPUS=prose benches/compare.sh 10000   (real prose: benches/prose-corpus.py)
#   RUNS=2 WARMUP=0 benches/compare.sh 100000 acacford    (fewer runs, one query)
#   LEARNCITY=/tmp/learncity-old benches/compare.sh        (another build)
#
# CORPUS=gen (the default) is the generator's corpus (examples/gen-corpus,
# seed 1); CORPUS=prose is the seed reports' and the docs' paragraphs
# shuffled into REPORTS reports, words at their natural frequencies, which
# nobody tuned the search for.
#
# fzf and sk read one line per report (id, title and body); learncity reads
# the JSON corpus. "cold" is learncity with --no-cache: load, check and index
# the JSON in every run. "warm" reads the cache a first run left under
# $XDG_CACHE_HOME/learncity. A binary without --no-cache has no cache: then
# only "cold" is measured and the ratios are to it. Cold and warm both mean
# learncity's own cache; the files are in the page cache either way.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
shift || true
corpus=${CORPUS:-gen}
dir=target/compare
mkdir -p "$dir"
for tool in fzf sk hyperfine python3; do
  command -v "$tool" >/dev/null || { echo "error: $tool is not installed" >&2; exit 2; }
done

# LEARNCITY=path measures another build (say, before and after a change)
# with the same corpora and the same fzf and sk runs.
if [ -n "${LEARNCITY:-}" ]; then
  cargo build -q --release --example gen-corpus --example corpus-lines
  bin=$LEARNCITY
else
  cargo build -q --release --bin learncity --example gen-corpus --example corpus-lines
  bin=target/release/learncity
fi

# Corpora are kept between runs (100 000 reports take minutes to make); they
# are written aside and renamed, so an interrupted run leaves no half file
# that a later run would take for a whole one.
case $corpus in
  gen)
    what="generated (examples/gen-corpus, seed 1)"
    json="$dir/corpus-$n.json"
    [ -s "$json" ] || { target/release/examples/gen-corpus --articles "$n" --seed 1 > "$json.part" && mv "$json.part" "$json"; }
    # The typing benchmark's queries, then two selective ones: a city of the
    # generated corpus (seed 1), alone and with a common word.
    queries=("belediye" "ogrenen sehir" "hayat boyu ogrenme" "belediey" "ogrenen sehri"
             "hayat boyu ogrneme" "acacford" "chenlinasgard belediye")
    ;;
  prose)
    what="real prose (benches/prose-corpus.py, seed 1)"
    json="$dir/prose-$n.json"
    [ -s "$json" ] || { python3 benches/prose-corpus.py "$n" "$json.part" && mv "$json.part" "$json"; }
    # Words of the seed reports and the docs, in from 95 % of the reports
    # (corpus) to 6 % (trojan): Turkish as typed on an English keyboard
    # (öğrenen as ogrenen), a typo of each language, two-word queries.
    queries=("ogrenen" "belediye" "belediey" "hayat boyu" "ogrenen sehirler"
             "corpus" "terminal escape" "keystorke" "trojan")
    ;;
  *) echo "error: CORPUS must be gen or prose, not \"$corpus\"" >&2; exit 2 ;;
esac
[ $# -gt 0 ] && queries=("$@")
lines="${json%.json}.lines"
[ -s "$lines" ] || { target/release/examples/corpus-lines "$json" > "$lines.part" && mv "$lines.part" "$lines"; }

# A cache of our own, emptied first: the user's cache stays untouched, and
# the warm runs read a cache that this binary wrote for this corpus.
export XDG_CACHE_HOME="$PWD/$dir/cache"
rm -rf "$XDG_CACHE_HOME/learncity"
if "$bin" --help 2>/dev/null | grep -q -- --no-cache; then
  cold="$bin --no-cache --data $json"
  warm="$bin --data $json"
else
  cold="$bin --data $json"
  warm=""
  echo "note: $bin has no --no-cache option (no on-disk cache): measuring cold runs only" >&2
fi

echo "Corpus: $what, $n reports, $(du -mL "$json" | cut -f1) MiB of JSON, $(du -mL "$lines" | cut -f1) MiB as lines;"
echo "$(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); fzf $(fzf --version | cut -d' ' -f1), sk $(sk --version | awk '{print $2}'), hyperfine: ${RUNS:-5} runs after ${WARMUP:-1} warm-up."
echo
echo "| query | learncity warm | learncity cold | fzf --filter | sk --filter | hits: learncity | fzf | sk |"
echo "|---|---|---|---|---|---|---|---|"
for q in "${queries[@]}"; do
  # All hits, as JSON, cold; the warm run's output must be the same bytes,
  # or the cache changed what search finds. The first warm run is also the
  # one that writes the cache. Reports only: fzf and sk see no cities.
  $cold search $q --json --limit 4294967295 > "$dir/hits-cold.json" || true
  hl=$(grep -c '"kind": "article"' "$dir/hits-cold.json" || true)
  cmds=("$cold search $q --limit 20")
  if [ -n "$warm" ]; then
    $warm search $q --json --limit 4294967295 > "$dir/hits-warm.json" || true
    [ -n "$(find "$XDG_CACHE_HOME/learncity" -type f 2>/dev/null | head -1)" ] ||
      echo "warning: no cache file under $XDG_CACHE_HOME/learncity after a run; warm is not warm" >&2
    cmp -s "$dir/hits-cold.json" "$dir/hits-warm.json" ||
      echo "warning: \"$q\": warm and cold runs print different hits (see $dir/hits-*.json)" >&2
    cmds=("$warm search $q --limit 20" "${cmds[@]}")
  fi
  hf=$(fzf --filter "$q" < "$lines" | wc -l)
  hs=$(sk --filter "$q" < "$lines" | wc -l)
  # search exits 1 when nothing matches: that is a result, not a failure.
  hyperfine -i --warmup "${WARMUP:-1}" --runs "${RUNS:-5}" --export-json "$dir/h.json" \
    "${cmds[@]}" "fzf --filter '$q' < $lines" "sk --filter '$q' < $lines" >/dev/null 2>&1
  python3 - "$dir/h.json" "$q" "$hl" "$hf" "$hs" <<'EOF'
import json, sys
path, q, hl, hf, hs = sys.argv[1:]
t = [r["mean"] * 1000 for r in json.load(open(path))["results"]]
if len(t) == 3:
    t = [None] + t  # no cache: no warm column, ratios to cold
warm, cold, fzf, sk = t
base = warm if warm is not None else cold
ms = lambda x: "—" if x is None else f"{x:.0f} ms"
print(f"| `{q}` | {ms(warm)} | {ms(cold)} | {ms(fzf)} ({fzf / base:.2f}×) "
      f"| {ms(sk)} ({sk / base:.2f}×) | {hl} | {hf} | {hs} |")
EOF
done
