"""The build: corpus and ontology in, a reasoned and validated dataset of named graphs out.

ontology (loading the hand-written Turtle) -> ``kg.extract`` (claims) -> graphs (facts and
provenance) -> reason (HermiT) -> validate (SHACL, QC, provenance contract) -> serialize (sorted
N-Quads) -> ``kg.store.files`` (written atomically); pipeline runs the stages and reports.

Never imports the query, serve or publish packages or the CLI: a build does not depend on how its
output is read.
"""
