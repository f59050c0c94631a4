"""``mskg serve``: the dataset of any store over HTTP, read-only.

app (mounts the routes) -> protocol (``/sparql``, Service Description, VoID), entities (every
dataset IRI as a page or RDF), catalogue (``/queries``), assets (query page, static files);
service (shared state) -> guard (query text checks), pool (killable query workers), cache
(answers), resources (quad lookups for pages), pages (HTML), conneg (formats), http (requests,
errors, replies).

Never imports extraction, the build (reasoning, validation) or rdflib.
"""

from __future__ import annotations

from .app import create_app, serve
from .config import ServerConfig

__all__ = ["ServerConfig", "create_app", "serve"]
