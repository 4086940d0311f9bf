// The source document: the article of 13 October 2022.
// Its text is cypher/sources/csto-2022-10-13.txt, byte for byte, passed as the parameter $sourceText: the line
// below tells `npm run load` to read it (cypher-shell gets it as a :param, see docs/adding-a-source.md).
// @param-file sourceText sources/csto-2022-10-13.txt
// Provenance: every quote is a verbatim substring of Source.text at [quoteStart, quoteEnd), in UTF-16 code
// units, end exclusive. `npm run cite` computes offsets from the text file; never type them by hand.
// Idempotent: MERGE on ids (relationships on their endpoints), ON CREATE SET for everything else; the text is
// written only when it differs, so an edited text file reaches the graph and a second run sets nothing.

MERGE (s:Source {id: 'csto-2022-10-13'})
ON CREATE SET
  s.name = 'End of ODKB. Why is Putin\'s security alliance collapsing?',
  s.published = date('2022-10-13'),
  s.language = 'en'
WITH s
FOREACH (_ IN CASE WHEN s.text IS NULL OR s.text <> $sourceText THEN [1] ELSE [] END | SET s.text = $sourceText);
