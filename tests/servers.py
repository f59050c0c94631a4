"""Real servers for the tests, on 127.0.0.1 and a free port: started, waited for, stopped."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import AbstractContextManager as ContextManager
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(url: str, process: subprocess.Popen[bytes], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode} before answering {url}")
        try:
            urllib.request.urlopen(url, timeout=1).close()
            return
        except urllib.error.HTTPError:
            return  # it answers, if only with an error status
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"no answer from {url} within {seconds} s")


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(found).exists():
        raise RuntimeError("the `oxigraph` command is missing: pip install oxigraph")
    return found


@contextmanager
def running_server(
    command: list[str], base: str, ready: str, *, seconds: float = 30, cwd: Path | None = None
) -> Iterator[str]:
    """Start a server process, wait until ``base + ready`` answers, yield ``base``; stop it after
    (killed if it does not stop within 30 s)."""
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(base + ready, process, seconds)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def oxigraph_serve(location: Path, *options: str, union: bool = True) -> ContextManager[str]:
    """`oxigraph serve` on a store folder, with extra options and (unless ``union`` is False) the
    union of the graphs as default graph; yields its base URL (``/query``, ``/update``, ``/store``)."""
    port = free_port()
    command = [oxigraph_binary(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"]
    if union:
        command.append("--union-default-graph")
    return running_server([*command, *options], f"http://127.0.0.1:{port}", "/query?query=ASK%7B%7D")


@contextmanager
def oxigraph_server(dataset: Path, workdir: Path, *options: str, union: bool = True) -> Iterator[str]:
    """`oxigraph serve` with the dataset bulk-loaded (once: a second start in the same ``workdir``
    keeps what the store holds); yields its base URL."""
    location = workdir / "oxigraph"
    if not location.exists():
        subprocess.run(
            [oxigraph_binary(), "load", "--location", str(location), "--file", str(dataset)],
            check=True,
            capture_output=True,
        )
    with oxigraph_serve(location, *options, union=union) as base:
        yield base


@contextmanager
def virtuoso_server(workdir: Path) -> Iterator[str]:
    """Virtuoso (Debian's virtuoso-t) with a throw-away database in ``workdir``, HTTP and SQL on
    127.0.0.1; yields its base URL (``/sparql``, ``/sparql-graph-crud-auth`` with dba:dba)."""
    with virtuoso_with_sql(workdir) as (base, _):
        yield base


def virtuoso_bulk_load(sql_port: int, folder: Path, pattern: str = "*.nq") -> None:
    """Virtuoso's bulk loader (``ld_dir`` + ``rdf_loader_run``) over files of a folder that the
    server may read (inside its ``workdir``); N-Quads keep their graphs."""
    script = f"ld_dir('{folder}', '{pattern}', 'urn:mskg:unused'); rdf_loader_run(); checkpoint;"
    done = subprocess.run(
        ["isql-vt", f"127.0.0.1:{sql_port}", "dba", "dba", f"exec={script}"], capture_output=True, text=True, timeout=600
    )
    if done.returncode != 0 or "Error" in done.stdout + done.stderr:
        raise RuntimeError(f"Virtuoso bulk load failed: {done.stdout}{done.stderr}")
    errors = subprocess.run(
        ["isql-vt", f"127.0.0.1:{sql_port}", "dba", "dba", "exec=SELECT COUNT(*) FROM DB.DBA.load_list WHERE ll_error IS NOT NULL;"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    if not any(line.strip() == "0" for line in errors.stdout.splitlines()):
        raise RuntimeError(f"Virtuoso could not load every file: {errors.stdout}")


@contextmanager
def virtuoso_with_sql(workdir: Path) -> Iterator[tuple[str, int]]:
    """:func:`virtuoso_server`, also yielding its SQL port (for ``isql-vt``)."""
    binary = shutil.which("virtuoso-t")
    if binary is None:
        raise RuntimeError("Virtuoso is missing: run tools/system-deps (Debian package virtuoso-opensource)")
    http_port, sql_port = free_port(), free_port()
    template = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
    if not template.is_file():
        template = Path("/usr/share/virtuoso-opensource-7/virtuoso.ini")
    lines = []
    for line in template.read_text(encoding="utf-8").splitlines():
        key = line.split("=", 1)[0].strip()
        if "/var/lib/virtuoso-opensource-7/db/" in line:
            line = line.replace("/var/lib/virtuoso-opensource-7/db/", f"{workdir}/")
        elif key == "ServerPort" and "1111" in line:
            line = f"ServerPort = 127.0.0.1:{sql_port}"
        elif key == "ServerPort" and "8890" in line:
            line = f"ServerPort = 127.0.0.1:{http_port}"
        elif key == "DirsAllowed":
            line = f"DirsAllowed = ., {workdir}, /usr/share/virtuoso-opensource-7/vad"
        lines.append(line)
    ini = workdir / "virtuoso.ini"
    ini.write_text("\n".join(lines) + "\n", encoding="utf-8")
    command = [binary, "+foreground", "+configfile", str(ini)]
    with running_server(
        command, f"http://127.0.0.1:{http_port}", "/sparql?query=ASK%7B%7D", seconds=90, cwd=workdir
    ) as base:
        yield base, sql_port


@contextmanager
def empty_oxigraph(workdir: Path, *, union: bool = True) -> Iterator[str]:
    """`oxigraph serve` on an empty store; yields its base URL."""
    with oxigraph_serve(workdir / "empty-oxigraph", union=union) as base:
        yield base


def mskg_binary() -> str:
    found = shutil.which("mskg") or str(Path(sys.executable).with_name("mskg"))
    if not Path(found).exists():
        raise RuntimeError("the `mskg` command is missing: pip install -e .")
    return found


def mskg_serve(store: Path | str, *options: str) -> ContextManager[str]:
    """`mskg serve` on a store (a build folder or any store spec) with extra command-line options;
    yields its base URL."""
    port = free_port()
    command = [mskg_binary(), "serve", "--store", str(store), "--port", str(port), *options]
    return running_server(command, f"http://127.0.0.1:{port}", "/health")


class CountingServer:
    """A local HTTP server that counts the requests reaching it: the stand-in for "the network"
    when a test checks that a query cannot make the server fetch anything."""

    def __init__(self) -> None:
        import http.server
        import threading

        self.requests: list[str] = []
        requests = self.requests

        class Handler(http.server.BaseHTTPRequestHandler):
            def _count(self) -> None:
                requests.append(f"{self.command} {self.path}")
                body = b"<http://example.org/s> <http://example.org/p> <http://example.org/o> .\n"
                self.send_response(200)
                self.send_header("Content-Type", "application/n-triples")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = do_HEAD = _count

            def log_message(self, *args: object) -> None:
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_port}/"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> CountingServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
