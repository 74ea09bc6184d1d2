-- Extensions the search and customer modules rely on; created once for the whole database.
create extension if not exists pg_trgm;
create extension if not exists unaccent;
create extension if not exists citext;
