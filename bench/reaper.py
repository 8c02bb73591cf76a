"""pid 1 of a bench machine (lib.sh machine_boot): reaps every process that ends up as its child.

Daemons that detach (Debian's heartbeat, pg_ctl's postgres) are re-parented to it; a zombie
left unreaped would still count as running for a pid-file check.
"""
import os
import time

while True:
    try:
        os.wait()
    except ChildProcessError:
        time.sleep(0.05)
