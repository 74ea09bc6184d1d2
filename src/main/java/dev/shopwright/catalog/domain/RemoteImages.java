package dev.shopwright.catalog.domain;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Downloads an image a merchant referenced by URL: http(s) only, short timeouts, at most 20 MB, at most three
 * redirects. Addresses inside the server's own network (loopback, private, link-local, carrier-grade NAT) are
 * refused unless {@code shopwright.media.fetch.allow-private-addresses} is set, so that a URL cannot make the
 * server read internal services. The check sits in the client's DNS resolver, so it vets exactly the addresses
 * the connection then uses: a host name that resolves to a public address when checked and to an internal one
 * when connecting (DNS rebinding) gets no second lookup to exploit.
 */
@Component
public class RemoteImages implements DisposableBean {

	/** Why a download did not give us the bytes, in words a merchant can act on. */
	public static final class FetchFailed extends Exception {

		FetchFailed(String reason) {
			super(reason, null, false, false);
		}
	}

	/** Raised inside the resolver; an UnknownHostException so that the client aborts the connection attempt. */
	private static final class InternalAddress extends UnknownHostException {

		InternalAddress(String host) {
			super(host);
		}
	}

	private static final int MAX_REDIRECTS = 3;

	private final CloseableHttpClient http;

	private final Duration timeout;

	@Autowired
	RemoteImages(@Value("${shopwright.media.fetch.timeout:10s}") Duration timeout,
			@Value("${shopwright.media.fetch.allow-private-addresses:false}") boolean allowPrivateAddresses) {
		this(timeout, allowPrivateAddresses, SystemDefaultDnsResolver.INSTANCE::resolve);
	}

	/** How host names become addresses; the system resolver in production, a hostile one in tests. */
	interface Lookup {
		InetAddress[] resolve(String host) throws UnknownHostException;
	}

	RemoteImages(Duration timeout, boolean allowPrivateAddresses, Lookup lookup) {
		this.timeout = timeout;
		DnsResolver guarded = new DnsResolver() {
			@Override
			public InetAddress[] resolve(String host) throws UnknownHostException {
				InetAddress[] addresses = lookup.resolve(host);
				if (!allowPrivateAddresses) {
					for (InetAddress address : addresses) {
						if (isInternal(address)) {
							throw new InternalAddress(host);
						}
					}
				}
				return addresses;
			}

			@Override
			public String resolveCanonicalHostname(String host) throws UnknownHostException {
				return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
			}
		};
		this.http = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(guarded)
				.setDefaultConnectionConfig(ConnectionConfig.custom()
					.setConnectTimeout(5, TimeUnit.SECONDS)
					.setSocketTimeout((int) timeout.toMillis(), TimeUnit.MILLISECONDS)
					.build())
				.build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.setUserAgent("Shopwright media fetcher")
			.build();
	}

	/** The problem with a URL before anything is fetched (scheme, form), or null if it may be fetched. */
	public static @Nullable String problemWith(String url) {
		URI uri;
		try {
			uri = URI.create(url.strip());
		}
		catch (IllegalArgumentException ex) {
			return "is not a valid URL";
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			return "must be an http or https URL";
		}
		if (uri.getHost() == null || uri.getHost().isBlank()) {
			return "has no host";
		}
		if (url.length() > 2048) {
			return "is longer than 2048 characters";
		}
		return null;
	}

	public byte[] fetch(String url) throws FetchFailed {
		URI uri = URI.create(url.strip());
		for (int redirects = 0;; redirects++) {
			String problem = problemWith(uri.toString());
			if (problem != null) {
				throw new FetchFailed("The URL " + problem + ".");
			}
			HttpGet request = new HttpGet(uri);
			request.addHeader("Accept", "image/*");
			try (ClassicHttpResponse response = http.executeOpen(null, request, null)) {
				int status = response.getCode();
				Header location = response.getFirstHeader("Location");
				if (status >= 300 && status < 400 && location != null) {
					if (redirects >= MAX_REDIRECTS) {
						throw new FetchFailed("More than " + MAX_REDIRECTS + " redirects.");
					}
					uri = uri.resolve(location.getValue());
					continue;
				}
				if (status != 200) {
					throw new FetchFailed("The server answered HTTP " + status + ".");
				}
				return body(response.getEntity(), uri);
			}
			catch (InternalAddress ex) {
				throw new FetchFailed("Refused: " + uri.getHost() + " is an address inside the server's network.");
			}
			catch (UnknownHostException ex) {
				throw new FetchFailed("Could not resolve the host " + uri.getHost() + ".");
			}
			catch (ConnectTimeoutException ex) {
				throw new FetchFailed("Could not connect to " + uri.getHost() + " within 5 s.");
			}
			catch (SocketTimeoutException ex) {
				throw new FetchFailed("No answer from " + uri.getHost() + " within " + timeout.toSeconds() + " s.");
			}
			catch (HttpHostConnectException ex) {
				throw new FetchFailed("Could not connect to " + uri.getHost() + " (" + describe(ex) + ").");
			}
			catch (IOException ex) {
				throw new FetchFailed("Download from " + uri.getHost() + " failed: " + describe(ex) + ".");
			}
		}
	}

	private static byte[] body(@Nullable HttpEntity entity, URI uri) throws FetchFailed {
		if (entity == null) {
			throw new FetchFailed("The server sent no content.");
		}
		if (entity.getContentLength() > Images.MAX_BYTES) {
			throw new FetchFailed("The image has " + entity.getContentLength() + " bytes; at most 20 MB are accepted.");
		}
		try (InputStream body = entity.getContent()) {
			byte[] content = body.readNBytes((int) Images.MAX_BYTES + 1);
			if (content.length > Images.MAX_BYTES) {
				throw new FetchFailed("The image is larger than 20 MB.");
			}
			return content;
		}
		catch (IOException ex) {
			throw new FetchFailed("Download from " + uri.getHost() + " broke off: " + describe(ex) + ".");
		}
	}

	static boolean isInternal(InetAddress address) {
		if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			// 100.64.0.0/10 (carrier-grade NAT, also used inside clouds) and 0.0.0.0/8
			return (bytes[0] == 100 && (bytes[1] & 0xc0) == 64) || bytes[0] == 0;
		}
		// fc00::/7 unique local; ::ffff:a.b.c.d is mapped to Inet4Address by the JDK already
		return address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc;
	}

	private static String describe(Exception ex) {
		return ex.getMessage() != null && !ex.getMessage().isBlank() ? ex.getMessage() : ex.getClass().getSimpleName();
	}

	@Override
	public void destroy() throws IOException {
		http.close();
	}
}
