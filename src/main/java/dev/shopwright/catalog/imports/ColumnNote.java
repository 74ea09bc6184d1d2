package dev.shopwright.catalog.imports;

/**
 * Values of the file that have no place in the catalog, per column: "Variant Inventory Qty: 120 values not
 * imported — stock belongs to inventory". Nothing is dropped without one.
 */
record ColumnNote(String column, long values, String reason) {

	String describe() {
		return column + ": " + values + (values == 1 ? " value" : " values") + " not imported — " + reason;
	}
}
