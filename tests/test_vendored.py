"""The browser components vendored from npm by tools/vendor-web: committed files, checked here
without npm or the network. Each file is the one the manifest names (sha256), built from the
versions pinned in tools/web/package-lock.json, fetches nothing from the net at run time, and the
served ones ship inside the mskg package."""

from __future__ import annotations

import hashlib
import json
import re
from importlib import resources
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "kg" / "serve" / "static" / "vendor"
MANIFEST = json.loads((VENDOR / "MANIFEST.json").read_text(encoding="utf-8"))
LOCK = json.loads((ROOT / "tools" / "web" / "package-lock.json").read_text(encoding="utf-8"))
FILES = sorted(MANIFEST["files"])
SCRIPTS = [name for name in FILES if name.endswith(".js")]

# Code that would load something from another host when the page runs. Licence comments
# (/*! ... */, /** ... */) are dropped first: their URLs are text, not requests.
REMOTE = re.compile(
    r"""(?:import|fetch|importScripts|new\s+Worker)\s*\(\s*[`'"]\s*(?:https?:)?//"""
    r"""|\bsrc\s*=\s*\\?[`'"]?\s*(?:https?:)?//"""
    r"""|\burl\(\s*\\?[`'"]?\s*(?:https?:)?//"""
    r"""|//cdn[\w.-]*\.|googleapis\.com""",
    re.IGNORECASE,
)
LICENCE_COMMENT = re.compile(r"/\*[!*][\s\S]*?\*/")


def remote_loads(text: str) -> list[str]:
    return REMOTE.findall(LICENCE_COMMENT.sub("", text))


def locked(package: str) -> str:
    return LOCK["packages"][f"node_modules/{package}"]["version"]


def test_the_manifest_names_the_outputs() -> None:
    assert {
        "kg/serve/static/vendor/editor.js",
        "kg/serve/static/vendor/cytoscape.min.js",
        "kg/serve/static/vendor/LICENSES.txt",
        "tests/vendor/axe.min.js",
        "tests/vendor/LICENSE-axe-core.txt",
    } <= set(FILES)


@pytest.mark.parametrize("name", FILES)
def test_each_file_is_the_one_built(name: str) -> None:
    path = ROOT / name
    assert path.is_file(), f"{name} is missing: run tools/vendor-web"
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert digest == MANIFEST["files"][name]["sha256"], f"{name} changed since tools/vendor-web wrote it"


@pytest.mark.parametrize("name", FILES)
def test_versions_are_the_pinned_ones(name: str) -> None:
    packages = MANIFEST["files"][name]["packages"]
    assert packages, f"{name} names no package"
    assert packages == {package: locked(package) for package in packages}


def test_the_pins_are_exact_and_esbuild_is_the_locked_one() -> None:
    manifest = json.loads((ROOT / "tools" / "web" / "package.json").read_text(encoding="utf-8"))
    pins = {**manifest["dependencies"], **manifest["devDependencies"]}
    for package in ("cytoscape", "axe-core", "esbuild", "@codemirror/view", "@codemirror/legacy-modes"):
        assert package in pins
    for package, version in pins.items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"{package} is not pinned exactly: {version}"
        assert locked(package) == version
    assert MANIFEST["esbuild"] == locked("esbuild")


@pytest.mark.parametrize("name", SCRIPTS)
def test_no_script_loads_from_the_network(name: str) -> None:
    assert remote_loads((ROOT / name).read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "code",
    [
        'import("https://esm.sh/x")',
        "fetch('http://example.org/data.json')",
        'el.innerHTML = "<script src=\\"https://unpkg.com/x.js\\"></script>"',
        "<img src=//example.org/p.png>",
        "style.background = \"url('https://example.org/i.png')\"",
        'load("https://cdn.jsdelivr.net/npm/x")',
        '"https://fonts.googleapis.com/css?family=Mono"',
    ],
)
def test_the_check_catches_remote_loads(code: str) -> None:
    assert remote_loads(code)


@pytest.mark.parametrize(
    "code",
    [
        "/*! MIT License: http://en.wikipedia.org/wiki/MIT_License and https://cdn.example.org */",
        "/**\n * Copyright: see https://fonts.googleapis.com/ \n */ var a=1;",
        "url('data:image/svg+xml,<svg xmlns=\"http://www.w3.org/2000/svg\"/>')",
        'helpUrlBase:"https://dequeuniversity.com/rules/"',
        "if(/^https?:\\/\\//.test(u))",
    ],
)
def test_the_check_lets_text_urls_pass(code: str) -> None:
    assert remote_loads(code) == []


def test_the_editor_defines_MskgEditor() -> None:
    text = (VENDOR / "editor.js").read_text(encoding="utf-8")
    assert "window.MskgEditor=" in text.replace(" ", "")
    assert text.lstrip().startswith("/*")  # the banner that points at LICENSES.txt


def test_licences_are_carried() -> None:
    licences = (VENDOR / "LICENSES.txt").read_text(encoding="utf-8")
    served = {p for name in FILES if name.startswith("kg/") for p in MANIFEST["files"][name]["packages"]}
    for package in served:
        assert f"{package} {locked(package)} (" in licences
    assert "Mozilla Public License" in (ROOT / "tests" / "vendor" / "LICENSE-axe-core.txt").read_text(encoding="utf-8")


def test_the_served_files_ship_with_the_package() -> None:
    """pyproject's package-data globs (setuptools: relative to the package, files only, no
    recursion) cover every file in static/vendor, and the installed package reaches them."""
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+; mskg still runs on 3.10
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"
    ]["kg.serve"]
    serve = ROOT / "kg" / "serve"
    covered = {path for pattern in package_data for path in serve.glob(pattern) if path.is_file()}
    vendored = [path for path in VENDOR.iterdir() if path.is_file()]
    assert {"editor.js", "cytoscape.min.js", "LICENSES.txt", "MANIFEST.json"} <= {p.name for p in vendored}
    for path in vendored:
        assert path in covered, f"{path.relative_to(ROOT)} is not in pyproject's package-data"
        resource = resources.files("kg.serve").joinpath("static", "vendor", path.name)
        assert resource.is_file()
        assert resource.read_bytes() == path.read_bytes()
