"""`python pysrc/bookbuild/preview/port_check.py PORT`: why `make serve` cannot serve on PORT, or
nothing.

The Makefile runs it before any build work, so a port already in use costs one line, not a
traceback after the build. Standard library only: it runs before the project's venv exists.
"""

from __future__ import annotations

import socket
import sys


def port_problem(port: str) -> str:
    if not port.isdigit() or not 0 < int(port) < 65536:
        return f"PORT={port} is not a port number; for example: make serve PORT=8001"
    with socket.socket() as probe:
        # As the server does: a port left in TIME_WAIT by a stopped server is free.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", int(port)))
        except OSError:
            return (
                f"port {port} on 127.0.0.1 is in use (another make serve?): stop that server, "
                f"or choose another port: make serve PORT={int(port) + 1}"
            )
    return ""


if __name__ == "__main__":
    print(port_problem(sys.argv[1]))
