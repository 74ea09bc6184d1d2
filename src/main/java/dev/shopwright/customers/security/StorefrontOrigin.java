package dev.shopwright.customers.security;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreLinks;
import dev.shopwright.stores.StoreManagement;

/**
 * Where links in shopper emails point. Never simply the request's Host header: anyone could then ask for a
 * reset link to someone else's account pointing at their own server. The configured public URL wins; else
 * the request's origin if its host is one of the store's domains (or a loopback name in development); else
 * the store's first domain.
 */
@Component
public class StorefrontOrigin {

	private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

	private final StoreManagement stores;

	private final StoreLinks links;

	StorefrontOrigin(StoreManagement stores, StoreLinks links) {
		this.stores = stores;
		this.links = links;
	}

	/** An origin such as {@code https://shop.example.com}, or empty if none can be trusted. */
	public String of(StoreId storeId, HttpServletRequest request) {
		if (links.configuredPublicUrl().isPresent()) {
			return links.configuredPublicUrl().get();
		}
		Store store = stores.get(storeId);
		String host = request.getServerName();
		String hostAndPort = host + ":" + request.getServerPort();
		if (LOOPBACK.contains(host) || store.domains().contains(host) || store.domains().contains(hostAndPort)) {
			return ServletUriComponentsBuilder.fromContextPath(request).replacePath(null).replaceQuery(null).build()
				.toUriString();
		}
		return links.base(storeId).orElse("");
	}
}
