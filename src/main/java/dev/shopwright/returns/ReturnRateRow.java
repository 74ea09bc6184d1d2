package dev.shopwright.returns;

import java.math.BigDecimal;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One SKU in the return report: units sold (orders placed), units asked back in returns that were not rejected, the
 * rate (returned ÷ sold, null before any sale) and the count per reason.
 */
public record ReturnRateRow(String sku, String title, long sold, long returned, @Nullable BigDecimal rate,
		Map<ReturnReason, Long> reasons) {
}
