#!/usr/bin/env python3
"""Whole-process start to first frame: spawns BINARY in a pty at 160x45 and
waits for the status line (drawn last). Usage: benches/first-frame.py BINARY [ARGS]"""
import os, pty, sys, time, select, struct, fcntl, termios, signal, statistics
def once(args):
    t0 = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(args[0], args)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 45, 160, 0, 0))
    buf = b""
    while True:
        r, _, _ = select.select([fd], [], [], 5)
        if not r: raise SystemExit("timeout")
        buf += os.read(fd, 65536)
        if b"matches" in buf:   # the last hint of the status line, drawn last
            t = time.perf_counter() - t0
            break
    os.write(fd, b"q")
    os.waitpid(pid, 0)
    os.close(fd)
    return t
args = sys.argv[1:]
ts = [once(args) for _ in range(30)]
print(f"{args[0]}: first frame median {statistics.median(ts)*1000:.1f} ms, min {min(ts)*1000:.1f}, max {max(ts)*1000:.1f} (30 runs, 160x45)")
