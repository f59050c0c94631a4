"""Asking questions: the query catalogue, results in every W3C format, and the Python API
(:class:`~kg.query.api.Dataset`, :class:`~kg.query.api.Endpoint`) over any store.

Never imports extraction, the build (reasoning, validation) or rdflib: asking a question loads
only pyoxigraph, so ``mskg query`` starts fast.
"""
