#!/usr/bin/env python3
"""A stand-in for a kitty-graphics terminal, for tests: runs a program in a
pty, answers the queries inkshelf sends at start as kitty would (background
colour, the kitty graphics query, XTVERSION, the cell size, DA1), types keys
once some text shows, and writes every byte the program sent to OUT.

  kitty-pty.py OUT COLS ROWS WAIT_FOR KEYS -- command...
KEYS: characters typed one at a time, 0.3 s apart, after WAIT_FOR showed
(then 1.5 s for the last one's answer); the program is then left to exit.
"""
import os, pty, select, signal, struct, fcntl, termios, time, sys, re, subprocess

ANSWERS = [
    (b"\x1b]11;?\x07", b"\x1b]11;rgb:0000/0000/0000\x07"),
    (b"\x1b_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\x1b\\", b"\x1b_Gi=31;OK\x1b\\"),
    (b"\x1b[>q", b"\x1bP>|kitty(test)\x1b\\"),
    (b"\x1b[16t", b"\x1b[6;20;10t"),
    (b"\x1b[c", b"\x1b[?62;c"),
]
ANSI = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[P_][^\x1b]*\x1b\\|\x1b.")

out_path, cols, rows, wait_for, keys = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4].encode(), sys.argv[5]
cmd = sys.argv[sys.argv.index("--") + 1:]
master, slave = os.openpty()
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
env = dict(os.environ, TERM="xterm-kitty")
env.pop("TMUX", None)
proc = subprocess.Popen(cmd, stdin=slave, stdout=slave, stderr=slave, env=env, preexec_fn=os.setsid, close_fds=True)
os.close(slave)
received = b""
pending = b""
typed = None
deadline = time.time() + 30
while time.time() < deadline:
    r, _, _ = select.select([master], [], [], 0.05)
    if r:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        received += chunk
        pending += chunk
        # Answer queries in the order they were asked, as a terminal does.
        while True:
            found = [(pending.find(q), q, a) for q, a in ANSWERS if pending.find(q) >= 0]
            if not found:
                break
            at, q, a = min(found)
            os.write(master, a)
            pending = pending[at + len(q):]
        pending = pending[-64:]
    if typed is None and wait_for in ANSI.sub(b"", received):
        typed = time.time()
    if typed is not None and keys:
        if time.time() - typed >= 0.3:
            os.write(master, keys[0].encode())
            keys = keys[1:]
            typed = time.time()
    if typed is not None and not keys and time.time() - typed > 1.5 and proc.poll() is not None:
        break
    if typed is not None and not keys and time.time() - typed > 6:
        break
if proc.poll() is None:
    proc.send_signal(signal.SIGTERM)
    proc.wait(5)
with open(out_path, "wb") as f:
    f.write(received)
sys.exit(0 if typed is not None else 1)
