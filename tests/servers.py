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
def oxigraph_serve(location: Path) -> Iterator[str]:
    """`oxigraph serve` on a store folder, with the union of the graphs as default graph; yields
    its base URL (``/query``, ``/update``, ``/store``)."""
    port = free_port()
    process = subprocess.Popen(
        [
            oxigraph_binary(),
            "serve",
            "--location",
            str(location),
            "--bind",
            f"127.0.0.1:{port}",
            "--union-default-graph",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + "/query?query=ASK%7B%7D", process)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@contextmanager
def oxigraph_server(dataset: Path, workdir: Path) -> Iterator[str]:
    """`oxigraph serve` with the dataset bulk-loaded; yields its base URL."""
    location = workdir / "oxigraph"
    subprocess.run(
        [oxigraph_binary(), "load", "--location", str(location), "--file", str(dataset)],
        check=True,
        capture_output=True,
    )
    with oxigraph_serve(location) as base:
        yield base


@contextmanager
def virtuoso_server(workdir: Path) -> Iterator[str]:
    """Virtuoso (Debian's virtuoso-t) with a throw-away database in ``workdir``, HTTP and SQL on
    127.0.0.1; yields its base URL (``/sparql``, ``/sparql-graph-crud-auth`` with dba:dba)."""
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
    process = subprocess.Popen(
        [binary, "+foreground", "+configfile", str(ini)],
        cwd=workdir,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{http_port}"
    try:
        wait_until_up(base + "/sparql?query=ASK%7B%7D", process, seconds=90)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def empty_oxigraph(workdir: Path) -> Iterator[str]:
    """`oxigraph serve` on an empty store; yields its base URL."""
    with oxigraph_serve(workdir / "empty-oxigraph") as base:
        yield base
