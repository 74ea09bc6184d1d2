package dev.shopwright.fulfillment.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The allocation rule, kept free of I/O so it can be read and tested as a whole:
 * <ol>
 * <li>Candidates are the active locations that fulfil online orders, ranked by priority (lower first), then by
 * nearness to the shipping address (same country and region, then same country, then elsewhere), then by name.</li>
 * <li>If one or more locations can ship every line in full, the best-ranked of them ships the whole order.</li>
 * <li>Otherwise the order is split, greedily: the location that can ship the most remaining lines in full (ties by
 * rank) takes them, and so on. Lines that no location can ship in full are split across locations by rank, as many
 * units from each as it has; what nobody has goes to the best-ranked location (to ship when stock arrives).</li>
 * </ol>
 */
public final class Allocation {

	private Allocation() {
	}

	public record Candidate(UUID locationId, String name, int priority, @Nullable String country,
			@Nullable String region, Map<String, Integer> stock) {
	}

	public record Line(UUID lineId, String sku, int quantity) {
	}

	/** Units of one order line planned at one location. */
	public record Assignment(UUID locationId, UUID lineId, String sku, int quantity) {
	}

	public static List<Assignment> plan(List<Line> lines, List<Candidate> candidates, @Nullable String country,
			@Nullable String region) {
		if (lines.isEmpty()) {
			return List.of();
		}
		if (candidates.isEmpty()) {
			throw new IllegalArgumentException("no location fulfils online orders");
		}
		List<Candidate> ranked = new ArrayList<>(candidates);
		ranked.sort(Comparator.comparingInt(Candidate::priority)
			.thenComparing(c -> -nearness(c, country, region))
			.thenComparing(Candidate::name)
			.thenComparing(Candidate::locationId));
		Map<UUID, Map<String, Integer>> left = new HashMap<>();
		ranked.forEach(c -> left.put(c.locationId(), new HashMap<>(c.stock())));

		for (Candidate candidate : ranked) {
			if (lines.stream().allMatch(line -> has(left, candidate, line.sku(), totalOf(lines, line.sku())))) {
				return lines.stream().map(l -> new Assignment(candidate.locationId(), l.lineId(), l.sku(), l.quantity())).toList();
			}
		}

		List<Assignment> plan = new ArrayList<>();
		List<Line> open = new ArrayList<>(lines);
		while (!open.isEmpty()) {
			Candidate best = null;
			List<Line> bestLines = List.of();
			for (Candidate candidate : ranked) {
				List<Line> coverable = coverable(open, left, candidate);
				if (coverable.size() > bestLines.size()) {
					best = candidate;
					bestLines = coverable;
				}
			}
			if (best == null) {
				break;
			}
			for (Line line : bestLines) {
				take(left, best, line.sku(), line.quantity());
				plan.add(new Assignment(best.locationId(), line.lineId(), line.sku(), line.quantity()));
				open.remove(line);
			}
		}
		for (Line line : open) {
			int needed = line.quantity();
			for (Candidate candidate : ranked) {
				int units = Math.min(needed, left.get(candidate.locationId()).getOrDefault(line.sku(), 0));
				if (units > 0) {
					take(left, candidate, line.sku(), units);
					plan.add(new Assignment(candidate.locationId(), line.lineId(), line.sku(), units));
					needed -= units;
				}
			}
			if (needed > 0) {
				plan.add(new Assignment(ranked.get(0).locationId(), line.lineId(), line.sku(), needed));
			}
		}
		return merge(plan);
	}

	/** 2: same country and region; 1: same country; 0: elsewhere or unknown. */
	static int nearness(Candidate candidate, @Nullable String country, @Nullable String region) {
		if (country == null || !country.equalsIgnoreCase(String.valueOf(candidate.country()))) {
			return 0;
		}
		return region != null && region.equalsIgnoreCase(String.valueOf(candidate.region())) ? 2 : 1;
	}

	private static int totalOf(List<Line> lines, String sku) {
		return lines.stream().filter(l -> l.sku().equals(sku)).mapToInt(Line::quantity).sum();
	}

	private static boolean has(Map<UUID, Map<String, Integer>> left, Candidate candidate, String sku, int units) {
		return left.get(candidate.locationId()).getOrDefault(sku, 0) >= units;
	}

	/** The open lines this location can ship in full, taking units as it goes (several lines may share a SKU). */
	private static List<Line> coverable(List<Line> open, Map<UUID, Map<String, Integer>> left, Candidate candidate) {
		Map<String, Integer> stock = new HashMap<>(left.get(candidate.locationId()));
		List<Line> lines = new ArrayList<>();
		for (Line line : open) {
			int have = stock.getOrDefault(line.sku(), 0);
			if (have >= line.quantity()) {
				stock.put(line.sku(), have - line.quantity());
				lines.add(line);
			}
		}
		return lines;
	}

	private static void take(Map<UUID, Map<String, Integer>> left, Candidate candidate, String sku, int units) {
		left.get(candidate.locationId()).merge(sku, -units, Integer::sum);
	}

	private static List<Assignment> merge(List<Assignment> plan) {
		Map<List<Object>, Assignment> merged = new LinkedHashMap<>();
		for (Assignment a : plan) {
			merged.merge(List.of(a.locationId(), a.lineId()), a,
					(x, y) -> new Assignment(x.locationId(), x.lineId(), x.sku(), x.quantity() + y.quantity()));
		}
		return List.copyOf(merged.values());
	}
}
