"""Fixtures shared by the whole suite: the real spaCy pipeline, sample paths, a local web server."""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from servers import basic_auth_oxigraph, oxigraph_server, virtuoso_server
from support import EXAMPLES, SHARED

# a rule that fails raises here, instead of leaving its facts out with a warning
os.environ["NEWSKG_STRICT"] = "1"

# Real SPARQL servers, started once per session for every module that asks for them.
__all__ = ["basic_auth_oxigraph", "oxigraph_server", "virtuoso_server"]


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from extract.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent (shared test data lives beside the checkout)")
    return SHARED


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 serving the samples (and a few bad pages)."""
    root = tmp_path_factory.mktemp("site")
    for page in EXAMPLES.glob("*.html"):
        (root / page.name).write_bytes(page.read_bytes())
    (root / "empty.html").write_bytes(b"")
    (root / "robots.txt").write_text("User-agent: *\nAllow: /\n")
    (root / "data.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
