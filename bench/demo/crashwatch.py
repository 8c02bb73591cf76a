"""One failover run: asks PostgreSQL through the VIP every 50 ms, crashes a node, and times
the outage, the detection (a line in the survivor's log) and the recovery after it.

usage: crashwatch.py [--cold] VIP LOG PATTERN PGLOG TIMEOUT -- CRASH_COMMAND...
       crashwatch.py --answers VIP     exit status 0 when one probe is answered

Every 50 ms a new probe starts (in its own thread, so a probe stuck on a dead address does not
delay the next): TCP connect to VIP:5432, PostgreSQL startup as user postgres (trust), the
query `select 1`, its row checked. Once the probes have answered for 1 s, LOG is read from its
end, CRASH_COMMAND runs (the crash is the moment it has returned), and LOG is polled every 5 ms
for PATTERN (lines carry 1-second timestamps, so a line is stamped when it arrives). Prints one
line, in seconds:
    outage detection recovery reaction postgres
outage = answer to the first probe started after the crash - answer to the last probe started
before it; detection = crash -> PATTERN; recovery = PATTERN -> first answer, split by
PostgreSQL's own log PGLOG (millisecond wall-clock times) into reaction = PATTERN -> its
"starting PostgreSQL" line (the cluster's decisions, the VIP's start and the pgsql agent's work
before pg_ctl) and postgres = that line -> "ready to accept connections" (its start with crash
recovery). "timeout" for what did not happen within TIMEOUT seconds of the crash.
--cold: nothing answers before; no waiting for answers, the outage counts from the command's
start (which then starts the service rather than crashing it, PATTERN being its own first line).
"""
import os
import socket
import struct
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone

PERIOD = 0.05
PROBE_TIMEOUT = 1.0


def message(kind, payload):
    return kind + struct.pack("!i", len(payload) + 4) + payload


def read_until_ready(sock):
    """Reads backend messages up to ReadyForQuery; returns the kinds seen."""
    kinds, buf = [], b""
    while True:
        while len(buf) < 5 or len(buf) < 1 + struct.unpack("!i", buf[1:5])[0]:
            chunk = sock.recv(4096)
            if not chunk:
                raise ConnectionError("closed")
            buf += chunk
        size = struct.unpack("!i", buf[1:5])[0]
        kind, body, buf = buf[:1], buf[5:1 + size], buf[1 + size:]
        if kind == b"E":
            raise ConnectionError(body.decode(errors="replace"))
        if kind == b"R" and struct.unpack("!i", body[:4])[0] != 0:
            raise ConnectionError("authentication requested (trust expected)")
        kinds.append(kind)
        if kind == b"Z":
            return kinds


def answers(vip):
    """True when PostgreSQL at vip returns the row of `select 1`."""
    try:
        with socket.create_connection((vip, 5432), timeout=PROBE_TIMEOUT) as sock:
            sock.settimeout(PROBE_TIMEOUT)
            params = b"user\0postgres\0database\0postgres\0\0"
            sock.sendall(struct.pack("!ii", len(params) + 8, 196608) + params)
            read_until_ready(sock)
            sock.sendall(message(b"Q", b"select 1\0"))
            ok = b"D" in read_until_ready(sock)
            sock.sendall(message(b"X", b""))
            return ok
    except (OSError, ConnectionError):
        return False


class Prober:
    def __init__(self, vip):
        self.vip, self.answered, self.lock, self.stop = vip, [], threading.Lock(), False

    def probe(self):
        start = time.monotonic()
        if answers(self.vip):
            with self.lock:
                self.answered.append((start, time.monotonic()))

    def run(self):
        next_start = time.monotonic()
        while not self.stop:
            threading.Thread(target=self.probe, daemon=True).start()
            next_start += PERIOD
            time.sleep(max(0.0, next_start - time.monotonic()))

    def last_before(self, t):
        """When the last probe started before t was answered."""
        with self.lock:
            before = [end for start, end in self.answered if start < t]
        return max(before) if before else None

    def first_after(self, t):
        """When the first probe started after t was answered."""
        with self.lock:
            after = [end for start, end in self.answered if start > t]
        return min(after) if after else None


def postgres_times(lines):
    """Wall-clock times of the last start of PostgreSQL in log lines: (starting, ready)."""
    def stamp(line):    # log_timezone UTC, log_line_prefix '%m ...'
        return datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S.%f").replace(tzinfo=timezone.utc).timestamp()

    starting = ready = None
    for line in lines:
        if "starting PostgreSQL" in line:
            starting, ready = stamp(line), None
        elif "ready to accept connections" in line and starting is not None:
            ready = stamp(line)
    return starting, ready


def main():
    if sys.argv[1] == "--answers":
        sys.exit(0 if answers(sys.argv[2]) else 1)
    cold = sys.argv[1] == "--cold"
    args = sys.argv[2:] if cold else sys.argv[1:]
    vip, log, pattern, pglog, timeout = args[0], args[1], args[2].encode(), args[3], float(args[4])
    crash = args[args.index("--") + 1:]
    prober = Prober(vip)
    threading.Thread(target=prober.run, daemon=True).start()
    began = time.monotonic()
    while not cold:
        time.sleep(0.1)
        now = time.monotonic()
        with prober.lock:
            steady = [end for _, end in prober.answered if end > now - 1.0]
        if len(steady) >= 15:
            break
        if now - began > 60:
            print("not-answering")
            return
    with open(log, "rb") as f, open(pglog, errors="replace") as pg:
        f.seek(0, os.SEEK_END)
        pg.seek(0, os.SEEK_END)
        if cold:
            crashed = time.monotonic()
            command = subprocess.Popen(crash)
        else:
            # the crash counts from when its command has returned: a probe started while the
            # command was still starting would be answered by the node about to die
            command = subprocess.Popen(crash)
            command.wait()
            crashed = time.monotonic()
        detected, pending = None, b""
        while time.monotonic() - crashed < timeout:
            if detected is None:
                chunk = f.read()
                if chunk:
                    pending += chunk
                    if pattern in pending:
                        detected, detected_wall = time.monotonic(), time.time()
                    pending = pending[-len(pattern):]
            back = prober.first_after(crashed)
            if detected is not None and back is not None:
                break
            time.sleep(0.005)
        if command.wait() != 0:
            sys.exit(f"{crash}: exit status {command.returncode}")
        starting, ready = postgres_times(pg.readlines())
    prober.stop = True
    last = crashed if cold else prober.last_before(crashed)
    back = prober.first_after(crashed)
    fmt = lambda v: "timeout" if v is None else f"{v:.3f}"
    print(fmt(back - last if back else None), fmt(detected - crashed if detected else None),
          fmt(back - detected if back and detected else None),
          fmt(starting - detected_wall if starting and detected else None),
          fmt(ready - starting if starting and ready else None))


if __name__ == "__main__":
    main()
