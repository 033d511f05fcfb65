"""The office-documents kit: a document described once as layout blocks (`blocks`), rendered
to ODF text (`odt`) and to an archivable PDF (`pdf`), spreadsheets of typed cells (`ods`),
and the embedded fonts every PDF sets its text in (`fonts`)."""
