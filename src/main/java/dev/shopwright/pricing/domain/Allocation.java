package dev.shopwright.pricing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Splits a whole number of minor units over weights so that the parts add up exactly (largest remainder):
 * each part is floored, and the cents left over go one each to the parts with the largest remainders, ties to
 * the earlier part. Deterministic for the same input.
 */
public final class Allocation {

	private Allocation() {
	}

	public static long[] split(long total, BigDecimal[] weights) {
		long[] parts = new long[weights.length];
		if (weights.length == 0) {
			return parts;
		}
		BigDecimal sum = Arrays.stream(weights).reduce(BigDecimal.ZERO, BigDecimal::add);
		if (sum.signum() == 0) {
			parts[0] = total; // nothing to weigh by: the first part carries it
			return parts;
		}
		BigDecimal[] remainders = new BigDecimal[weights.length];
		long given = 0;
		for (int i = 0; i < weights.length; i++) {
			BigDecimal exact = BigDecimal.valueOf(total).multiply(weights[i]).divide(sum, 12, RoundingMode.HALF_EVEN);
			BigDecimal floor = exact.setScale(0, RoundingMode.FLOOR);
			parts[i] = floor.longValueExact();
			remainders[i] = exact.subtract(floor);
			given += parts[i];
		}
		Integer[] order = IntStream.range(0, weights.length).boxed().sorted(Comparator
			.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i)).toArray(Integer[]::new);
		for (int k = 0; given < total; k = (k + 1) % order.length) {
			parts[order[k]]++;
			given++;
		}
		return parts;
	}
}
