#!/usr/bin/env python3
# A corpus of real prose (Debian copyright files, licences, READMEs on this
# machine) attached to the bundled corpus's 320 real cities.
import json, glob, os, re, subprocess
base = json.loads(subprocess.run([os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "target", "release", "learncity"),"list","--json"],capture_output=True,text=True).stdout)
cities = [{"id":c["id"],"name":c["name"],"country":c["country"] or "unknown","region":c["region"],"joined":c["joined"],"name_local":c["name_local"],"status":c["status"],"sources":c["sources"],"coords":c["coords"]} for c in base]
files = []
for pat in ["/usr/share/doc/*/copyright","/usr/share/common-licenses/*","/usr/share/doc/*/README*","/usr/lib/python3*/*.txt"]:
    files += [f for f in glob.glob(pat) if os.path.isfile(f) and os.path.getsize(f) > 2000]
arts = []
for i, f in enumerate(sorted(set(files))):
    try: t = open(f, encoding="utf-8", errors="replace").read()
    except Exception: continue
    if f.endswith(".gz"): continue
    paras = [re.sub(r"\s+"," ",p).strip() for p in re.split(r"\n\s*\n", t)]
    paras = [p for p in paras if p][:400]
    if not paras: continue
    body = [{"kind":"heading" if len(p)<60 and not p.endswith(".") else "paragraph","text":p} for p in paras]
    c = cities[i % len(cities)]
    arts.append({"id":f"doc-{i}","city":c["id"],"title":f.replace("/usr/share/",""),"lang":"en","source":{"name":"this machine","url":"https://packages.debian.org/"+f.split('/')[4] if f.startswith('/usr/share/doc/') else None},"body":body})
json.dump({"schema":2,"title":"Real prose (machine docs)","cities":cities,"articles":arts}, open(os.environ.get("OUT", "real.json"),"w"), ensure_ascii=False)
print(len(arts), "articles", os.path.getsize(os.environ.get("OUT", "real.json")), "bytes")
