package dev.shopwright.search;

import java.util.List;
import java.util.UUID;

/** A group of words that find the same products ("tee", "t-shirt"), kept folded to lower case without accents. */
public record Synonym(UUID id, List<String> terms) {
}
