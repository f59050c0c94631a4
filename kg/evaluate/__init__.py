"""Measuring extraction against gold annotations written by hand: precision, recall and F1 per
relation.

Imports extraction and the ontology loader; never the store, query, serve or publish packages.
"""
