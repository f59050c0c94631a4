"""Extraction: from a source document to claims, each with the sentence and character span it
came from.

documents (reading text, structure) -> lexicon (the ontology's names) + nlp (sentences, negation)
-> sentence (one sentence's analysis) -> rules (one general rule per relation) -> claims.

Never imports the store, query, serve, publish, build or CLI packages: extraction does not know
where its claims go (``kg.build`` turns them into graphs).
"""
