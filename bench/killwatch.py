"""Kills processes with SIGKILL and times how long until a line containing a text appears in a log.

usage: killwatch.py LOG TEXT TIMEOUT_SECONDS PID...

Log lines carry 1-second timestamps, so each new line is stamped when it arrives: the log is
polled every 2 ms from where it ended just before the kill. Prints the seconds from the kill to
the line (3 decimals), or "timeout".
"""
import os
import signal
import sys
import time


def main():
    log, text, timeout, pids = sys.argv[1], sys.argv[2].encode(), float(sys.argv[3]), sys.argv[4:]
    with open(log, "rb") as f:
        f.seek(0, os.SEEK_END)
        pending = b""
        start = time.monotonic()
        for pid in pids:
            try:
                os.kill(int(pid), signal.SIGKILL)
            except ProcessLookupError:
                pass
        while time.monotonic() - start < timeout:
            chunk = f.read()
            if chunk:
                now = time.monotonic()
                pending += chunk
                lines = pending.split(b"\n")
                pending = lines.pop()
                if any(text in line for line in lines):
                    print(f"{now - start:.3f}")
                    return
            time.sleep(0.002)
    print("timeout")


if __name__ == "__main__":
    main()
