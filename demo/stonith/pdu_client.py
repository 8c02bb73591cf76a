"""Asks demo/stonith/netns-pdu for one thing over TCP: shared by its cluster-glue plugin
(external/netns-pdu) and its Pacemaker fence agent (fence_netns_pdu)."""
import socket

CONNECT_TIMEOUT = 3
ANSWER_TIMEOUT = 30
DEFAULT_PORT = 7070


class PduError(Exception):
    pass


def ask(host, port, request):
    """The switch's answer after "OK", or PduError saying why there is none."""
    if not host:
        raise PduError("the PDU's address is not set")
    try:
        with socket.create_connection((host, int(port or DEFAULT_PORT)), timeout=CONNECT_TIMEOUT) as connection:
            connection.settimeout(ANSWER_TIMEOUT)
            connection.sendall((request + "\n").encode())
            answer = connection.makefile("r", encoding="utf-8").readline().strip()
    except OSError as error:
        raise PduError(f"cannot reach the PDU at {host}:{port or DEFAULT_PORT}: {error}") from error
    if not answer.startswith("OK"):
        raise PduError(f"{request}: {answer or 'no answer'}")
    return answer[2:].strip()
