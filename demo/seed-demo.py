#!/usr/bin/env python3
"""The seed demo's client, watcher and log stamper (python3 only: no psycopg on a fresh Debian).

  seed-demo.py probe HOST LOG       every 50 ms: connect, SELECT 1, disconnect; one line per try
  seed-demo.py write HOST LOG       every 20 ms: INSERT a row with the next id; acknowledged ids logged
  seed-demo.py watch NS1,NS2 LOG    every 20 ms: which of these network namespaces has a postgres process
  seed-demo.py stamp FILE LOG       FILE's new lines, each stamped when it appears (read every 10 ms):
                                    Heartbeat's log times are to the second

Lines are "EPOCH_MS ok|fail DETAIL" (probe, write) and "EPOCH_MS NS..." (watch, only when the set
changes, plus "EPOCH_MS BOTH ..." for a sample where PostgreSQL ran in two namespaces at once,
and "EPOCH_MS samples N" at the end).
Each runs until killed (SIGTERM). The probe speaks PostgreSQL's wire protocol itself so that a
connection that gets no answer fails after 250 ms instead of libpq's 2 s minimum connect timeout, which
would hide most of the outage being measured.
"""
import os
import signal
import socket
import struct
import sys
import time

CONNECT_TIMEOUT = 0.25
QUERY_TIMEOUT = 2.0


def now_ms():
    return int(time.time() * 1000)


class QueryFailed(Exception):
    pass


def read_exact(sock, n):
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise QueryFailed("connection closed by the server")
        data += chunk
    return data


def read_message(sock):
    kind, length = struct.unpack("!cI", read_exact(sock, 5))
    return kind, read_exact(sock, length - 4)


def error_text(body):
    fields = dict((f[:1], f[1:].decode(errors="replace")) for f in body.split(b"\0") if f)
    return fields.get(b"M", "error")


def until_ready(sock):
    """Reads up to ReadyForQuery; returns the first data row's first column, if any."""
    value = None
    while True:
        kind, body = read_message(sock)
        if kind == b"E":
            raise QueryFailed(error_text(body))
        if kind == b"R" and struct.unpack("!I", body[:4])[0] != 0:
            raise QueryFailed("the server asks for a password: the demo's pg_hba.conf should trust the client")
        if kind == b"D" and value is None:
            (count,) = struct.unpack("!H", body[:2])
            if count:
                (size,) = struct.unpack("!i", body[2:6])
                value = body[6:6 + size].decode() if size >= 0 else None
        if kind == b"Z":
            return value


def query(host, sql):
    with socket.create_connection((host, 5432), timeout=CONNECT_TIMEOUT) as sock:
        # a server that accepted the connection may be slow to commit on a busy machine: that is
        # not an outage
        sock.settimeout(QUERY_TIMEOUT)
        params = b"user\0postgres\0database\0postgres\0\0"
        sock.sendall(struct.pack("!II", 8 + len(params), 196608) + params)
        until_ready(sock)
        text = sql.encode() + b"\0"
        sock.sendall(b"Q" + struct.pack("!I", 4 + len(text)) + text)
        value = until_ready(sock)
        sock.sendall(b"X" + struct.pack("!I", 4))
        return value


def loop(period, step):
    next_at = time.monotonic()
    while True:
        step()
        next_at += period
        time.sleep(max(0.0, next_at - time.monotonic()))


def probe(host, log):
    def step():
        try:
            query(host, "SELECT 1")
            log.write(f"{now_ms()} ok\n")
        except (OSError, QueryFailed) as e:
            log.write(f"{now_ms()} fail {e}\n")
    loop(0.05, step)


def write(host, log):
    next_id = [1]

    def step():
        # a failed try may still have committed (the answer was lost): the next try takes a new id,
        # and only the rows whose commit was acknowledged are expected to survive
        row = next_id[0]
        next_id[0] += 1
        try:
            query(host, f"INSERT INTO demo_rows (id) VALUES ({row})")
            log.write(f"{now_ms()} ok {row}\n")
        except (OSError, QueryFailed) as e:
            log.write(f"{now_ms()} fail {row} {e}\n")
    loop(0.02, step)


def netns_inodes(names):
    inodes = {}
    for name in names:
        try:
            inodes[os.stat(f"/run/netns/{name}").st_ino] = name
        except FileNotFoundError:
            pass
    return inodes


def watch(names, log):
    """What `ip netns pids NS` reports, filtered by /proc/PID/comm, without a process per sample."""
    last = [None]
    samples = [0]

    def step():
        samples[0] += 1
        inodes = netns_inodes(names)
        found = set()
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                with open(f"/proc/{pid}/comm") as f:
                    if f.read().strip() != "postgres":
                        continue
                ns = inodes.get(os.stat(f"/proc/{pid}/ns/net").st_ino)
            except OSError:
                continue
            if ns:
                found.add(ns)
        current = " ".join(sorted(found)) or "-"
        if len(found) > 1:
            log.write(f"{now_ms()} BOTH {current}\n")
        elif current != last[0]:
            log.write(f"{now_ms()} {current}\n")
        last[0] = current
    try:
        loop(0.02, step)
    finally:
        log.write(f"{now_ms()} samples {samples[0]}\n")


def stamp(path, log):
    existed = os.path.exists(path)
    while not os.path.exists(path):
        time.sleep(0.01)
    with open(path, errors="replace") as f:
        if existed:
            f.seek(0, os.SEEK_END)
        partial = ""
        while True:
            chunk = f.readline()
            if not chunk:
                time.sleep(0.01)
                continue
            partial += chunk
            if partial.endswith("\n"):
                log.write(f"{now_ms()} {partial}")
                partial = ""


MODES = {"probe": probe, "write": write, "stamp": stamp}


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("probe", "write", "watch", "stamp"):
        sys.exit(__doc__)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    mode, target, path = sys.argv[1:]
    with open(path, "a", buffering=1) as log:
        if mode == "watch":
            watch(target.split(","), log)
        else:
            MODES[mode](target, log)


if __name__ == "__main__":
    main()
