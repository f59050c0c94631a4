"""Publishing the built dataset as linked data: exports in every RDF format (export, jsonld),
VoID/DCAT descriptions (void), the ontology's documentation (docs), versioned releases (release)
and loading into triple stores (push, through ``kg.store``); and for data teams, KGX with the
Biolink Model (kgx) and Parquet tables (parquet), both read in bounded memory (tables).

Never imports the serve package or the CLI.
"""
