package dev.shopwright.catalog.imports;

/** A problem with one value of the file, by line (as a spreadsheet counts rows) and column. */
record Issue(int line, String column, String message) {
}
