# Runs a command in a pseudo-terminal, as a person at a terminal would, and prints what the
# terminal showed: the program's output with the typed lines echoed. Each typed line is sent once
# the screen shows the text it waits for. Used to capture openssl s_client sessions.
# usage: pty-session.py JSON  where JSON = {"argv": [...], "steps": [[wait_for, line, times?], ...], "timeout": s}
# A step waits until `wait_for` has appeared `times` times (default 1) since the last typed line.
import json, os, pty, select, sys, time

spec = json.loads(sys.argv[1])
pid, fd = pty.fork()
if pid == 0:
    os.execvp(spec["argv"][0], spec["argv"])
out = b""
mark = 0  # where the output after the last typed line starts
deadline = time.time() + spec.get("timeout", 20)

def read_until(needle, times=1):
    global out
    while out[mark:].count(needle.encode()) < times and time.time() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return
            if not chunk:
                return
            out += chunk

for step in spec["steps"]:
    wait_for, line = step[0], step[1]
    read_until(wait_for, step[2] if len(step) > 2 else 1)
    mark = len(out)
    os.write(fd, (line + "\n").encode())
read_until(spec.get("end", "\x00never"))
try:
    os.kill(pid, 9)
except ProcessLookupError:
    pass
sys.stdout.write(out.decode("utf-8", "replace").replace("\r\n", "\n"))
