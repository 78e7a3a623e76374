"""Real SPARQL servers for the test suite, started on 127.0.0.1 with throw-away data.

Context managers (usable outside pytest too):

- :func:`run_oxigraph_server` — ``oxigraph serve`` (endpoints /query, /update, /store).
- :func:`run_virtuoso` — ``virtuoso-t`` from our own ``tests/virtuoso.ini.template``; a user
  with SPARQL_UPDATE is created through ``isql-vt``; updates and the graph store go through
  the digest-authenticated ``/sparql-auth`` and ``/sparql-graph-crud-auth``.
- :func:`run_basic_auth_proxy` — a small HTTP proxy that demands HTTP Basic auth in front of
  another server (neither Oxigraph nor Virtuoso speaks Basic, and we must test it).

Pytest fixtures (session scoped; import them into a conftest or test module):
``oxigraph_server``, ``virtuoso_server``, ``basic_auth_oxigraph``. They skip with a reason
when the binary is missing.
"""

from __future__ import annotations

import base64
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

INI_TEMPLATE = Path(__file__).with_name("virtuoso.ini.template")


@dataclass(frozen=True)
class RemoteServer:
    """Where a running SPARQL server answers, in the terms of ``open_store``."""

    name: str
    endpoint: str
    update_endpoint: str
    graph_store: str | None
    user: str | None = None
    password: str | None = None
    base_url: str = ""

    def store_kwargs(self, *, graph_store: bool = True) -> dict[str, str | None]:
        return {
            "endpoint": self.endpoint,
            "update_endpoint": self.update_endpoint,
            "graph_store": self.graph_store if graph_store else None,
            "user": self.user,
            "password": self.password,
        }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def oxigraph_binary() -> str | None:
    beside_python = Path(sys.executable).parent / "oxigraph"
    return str(beside_python) if beside_python.exists() else shutil.which("oxigraph")


def virtuoso_binaries() -> tuple[str, str] | None:
    server, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    return (server, isql) if server and isql else None


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def _wait_http(url: str, proc: subprocess.Popen[bytes], log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"server exited with {proc.returncode}:\n{tail}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"server at {url} not ready after {timeout}s")


@contextmanager
def run_oxigraph_server(data_dir: Path | None = None) -> Iterator[RemoteServer]:
    """``oxigraph serve --location DIR --bind 127.0.0.1:PORT`` until the block ends."""
    binary = oxigraph_binary()
    if binary is None:
        raise FileNotFoundError("oxigraph server binary not found (pip install oxigraph)")
    with tempfile.TemporaryDirectory(prefix="newskg-oxigraph-") as tmp:
        location = data_dir or Path(tmp) / "data"
        log = Path(tmp) / "server.log"
        for _attempt in range(3):  # another process may grab the port first
            port = free_port()
            with log.open("wb") as out:
                proc = subprocess.Popen(
                    [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            base = f"http://127.0.0.1:{port}"
            try:
                _wait_http(f"{base}/query?query=ASK%7B%7D", proc, log, timeout=30)
                break
            except RuntimeError:
                _stop(proc)
        else:
            raise RuntimeError("could not start oxigraph server")
        try:
            yield RemoteServer(
                name="oxigraph-server",
                endpoint=f"{base}/query",
                update_endpoint=f"{base}/update",
                graph_store=f"{base}/store",
                base_url=base,
            )
        finally:
            _stop(proc)


_GRANTS = """\
DB.DBA.USER_CREATE ('{user}', '{password}');
GRANT SPARQL_SELECT TO "{user}";
GRANT SPARQL_UPDATE TO "{user}";
DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('{user}', 15);
"""


@contextmanager
def run_virtuoso() -> Iterator[RemoteServer]:
    """``virtuoso-t -f`` on loopback ports with a fresh database and an update-capable user."""
    bins = virtuoso_binaries()
    if bins is None:
        raise FileNotFoundError(
            "virtuoso-t / isql-vt not found (apt-get install virtuoso-opensource)"
        )
    server, isql = bins
    user, password = "newskg", secrets.token_hex(8)
    with tempfile.TemporaryDirectory(prefix="newskg-virtuoso-") as tmp:
        log = Path(tmp) / "stdout.log"
        for _attempt in range(3):
            http_port, isql_port = free_port(), free_port()
            ini = Path(tmp) / "virtuoso.ini"
            ini.write_text(
                INI_TEMPLATE.read_text().format(dir=tmp, http_port=http_port, isql_port=isql_port)
            )
            with log.open("wb") as out:
                proc = subprocess.Popen(
                    [server, "-f", "-c", str(ini)],
                    cwd=tmp,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            base = f"http://127.0.0.1:{http_port}"
            try:
                _wait_http(f"{base}/sparql?query=ASK%7B%7D", proc, log)
                break
            except RuntimeError:
                _stop(proc)
                for f in Path(tmp).glob("virtuoso*"):
                    f.unlink()
        else:
            raise RuntimeError(
                f"could not start virtuoso: {log.read_text(errors='replace')[-2000:]}"
            )
        try:
            grants = Path(tmp) / "grants.sql"
            grants.write_text(_GRANTS.format(user=user, password=password))
            for _try in range(30):  # the SQL port may open a moment after HTTP
                done = subprocess.run(
                    [isql, f"127.0.0.1:{isql_port}", "dba", "dba", str(grants)],
                    capture_output=True,
                    timeout=60,
                )
                output = done.stdout + done.stderr
                if done.returncode == 0 and b"Error" not in output:
                    break
                if b"Connect failed" not in output:
                    raise RuntimeError(f"isql grants failed: {output[-1000:]!r}")
                time.sleep(1)
            else:
                raise RuntimeError(f"isql could not connect: {output[-1000:]!r}")
            yield RemoteServer(
                name="virtuoso",
                endpoint=f"{base}/sparql",
                update_endpoint=f"{base}/sparql-auth",
                graph_store=f"{base}/sparql-graph-crud-auth",
                user=user,
                password=password,
                base_url=base,
            )
        finally:
            _stop(proc)


class _ProxyHandler(BaseHTTPRequestHandler):
    upstream: str = ""
    expected: str = ""

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass

    def _forward(self) -> None:
        if self.headers.get("Authorization", "") != self.expected:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="newskg"')
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        skip = {"host", "authorization", "content-length", "connection", "accept-encoding"}
        headers = {k: v for k, v in self.headers.items() if k.lower() not in skip}
        resp = httpx.request(
            self.command, self.upstream + self.path, content=body, headers=headers, timeout=60
        )
        self.send_response(resp.status_code)
        for k, v in resp.headers.items():
            if k.lower() not in {
                "content-length",
                "transfer-encoding",
                "connection",
                "content-encoding",
            }:
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(resp.content)))
        self.end_headers()
        self.wfile.write(resp.content)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _forward


@contextmanager
def run_basic_auth_proxy(
    upstream: RemoteServer, user: str, password: str
) -> Iterator[RemoteServer]:
    """``upstream`` behind HTTP Basic auth, on its own loopback port."""
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    handler = type(
        "Handler", (_ProxyHandler,), {"upstream": upstream.base_url, "expected": f"Basic {token}"}
    )
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    swap = upstream.base_url
    try:
        yield RemoteServer(
            name=f"{upstream.name}+basic",
            endpoint=upstream.endpoint.replace(swap, base),
            update_endpoint=upstream.update_endpoint.replace(swap, base),
            graph_store=upstream.graph_store.replace(swap, base) if upstream.graph_store else None,
            user=user,
            password=password,
            base_url=base,
        )
    finally:
        httpd.shutdown()
        httpd.server_close()


# --- pytest fixtures --------------------------------------------------------------------


@pytest.fixture(scope="session")
def oxigraph_server() -> Iterator[RemoteServer]:
    if oxigraph_binary() is None:
        pytest.skip("oxigraph server binary not installed (pip install oxigraph)")
    with run_oxigraph_server() as server:
        yield server


@pytest.fixture(scope="session")
def virtuoso_server() -> Iterator[RemoteServer]:
    if virtuoso_binaries() is None:
        pytest.skip("virtuoso-t not installed (apt-get install virtuoso-opensource)")
    with run_virtuoso() as server:
        yield server


@pytest.fixture(scope="session")
def basic_auth_oxigraph(oxigraph_server: RemoteServer) -> Iterator[RemoteServer]:
    with run_basic_auth_proxy(oxigraph_server, "reader", secrets.token_hex(6)) as server:
        yield server
