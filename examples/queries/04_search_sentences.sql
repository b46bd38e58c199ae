-- Full-text search of every stored sentence (FTS5), best matches first.
-- Change the MATCH expression: words, "exact phrases", OR, NOT, prefix*.
SELECT d.title,
       COALESCE(d.published, '') AS published,
       snippet(sentences_fts, 0, '[', ']', '…', 16) AS match
FROM sentences_fts
JOIN sentences s ON s.id = sentences_fts.rowid
JOIN documents d ON d.id = s.document_id
WHERE sentences_fts MATCH 'ceasefire OR truce OR talks OR meet*'
ORDER BY rank
LIMIT 20;
