package dev.shopwright.pricing;

/**
 * Where tax is rounded to the currency's minor unit (half-up). {@link #PER_LINE} rounds each line's tax (and
 * each line's net amount when prices include tax) — the default, so a line shows the same tax on the cart, the
 * order and the invoice. {@link #PER_ORDER} rounds once per tax rate over the order's sum, then spreads the
 * rounded amount back over the lines.
 */
public enum TaxRounding {
	PER_LINE, PER_ORDER
}
