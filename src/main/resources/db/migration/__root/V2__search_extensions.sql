-- Edit distance for the search module's "did you mean" fallback (levenshtein on a trigram-prefiltered lexicon).
create extension if not exists fuzzystrmatch;
