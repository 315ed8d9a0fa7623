#!/usr/bin/env python3
"""Bytes the terminal receives per key, with and without links and the mouse
(docs/performance.md, "Reading comfort"). Usage: benches/osc-bytes.py (after cargo build --release)."""
import os, pty, sys, time, select, struct, fcntl, termios
def run(env_extra, keys):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update(env_extra); os.environ["TERM"]="xterm-256color"
        os.execv(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "target", "release", "learncity"), ["learncity"])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 45, 160, 0, 0))
    def drain(q=0.4):
        n=0; last=time.time()
        while time.time()-last<q:
            r,_,_=select.select([fd],[],[],0.05)
            if r:
                try: n+=len(os.read(fd,65536)); last=time.time()
                except OSError: break
        return n
    first=drain()
    out=[]
    for k in keys:
        os.write(fd,k.encode()); out.append(drain())
    os.write(fd,b"q"); drain(0.2); os.waitpid(pid,0)
    return first,out
for env in [{}, {"LEARNCITY_HYPERLINKS":"0"}, {"LEARNCITY_MOUSE":"0"}]:
    print(env, run(env, ["g","j","j","k"]))
