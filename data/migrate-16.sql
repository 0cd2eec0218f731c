-- Schema version 16: the classifier's trigram index without positions.
--
-- A classifier import spent half its time rebuilding this index (a 14,000
-- code workbook: 4.5 of 8.5 billion instructions).  Search asks it only for
-- single trigrams, ANDed and ORed (search.c), and checks each match against
-- the folded names with instr(), so positions, which only a phrase of
-- several trigrams needs, are not kept (detail=none); nor the column sizes,
-- which only ranking reads (columnsize=0).  The names it holds are folded
-- already (text_fold, as every query is), so the tokenizer need not fold
-- them again (case_sensitive 1).  Together the rebuild takes a third of the
-- time and a quarter of the space.

DROP TABLE IF EXISTS nkz_fts;
CREATE VIRTUAL TABLE nkz_fts USING fts5(
  fold_kk, fold_ru, content='nkz', content_rowid='rowid',
  tokenize='trigram case_sensitive 1', detail=none, columnsize=0);
INSERT INTO nkz_fts(nkz_fts) VALUES ('rebuild');
