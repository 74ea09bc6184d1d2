package dev.shopwright.stores;

import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.shopwright.shared.StoreId;

/**
 * Where links in shopper emails point: the configured public URL ({@code shopwright.public-url}), else the store's
 * first domain. Never the Host header of whatever request triggered the mail — anyone could then have a link to
 * their own server sent to a shopper.
 */
@Component
public class StoreLinks {

	private final StoreManagement stores;

	private final Optional<String> publicUrl;

	StoreLinks(StoreManagement stores, @Value("${shopwright.public-url:}") String publicUrl) {
		this.stores = stores;
		this.publicUrl = publicUrl.isBlank() ? Optional.empty() : Optional.of(publicUrl.replaceAll("/+$", ""));
	}

	/** An origin such as {@code https://shop.example.com}, or empty when the store is reachable under neither. */
	public Optional<String> base(StoreId storeId) {
		if (publicUrl.isPresent()) {
			return publicUrl;
		}
		Store store = stores.get(storeId);
		return store.domains().isEmpty() ? Optional.empty() : Optional.of("https://" + store.domains().getFirst());
	}

	/** The configured public URL, when there is one. */
	public Optional<String> configuredPublicUrl() {
		return publicUrl;
	}
}
