package dev.shopwright.catalog.domain;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Downloads an image a merchant referenced by URL: http(s) only, short timeouts, at most 20 MB, at most three
 * redirects. Addresses inside the server's own network (loopback, private, link-local) are refused unless
 * {@code shopwright.media.fetch.allow-private-addresses} is set, so that a URL cannot make the server read
 * internal services.
 */
@Component
public class RemoteImages {

	/** Why a download did not give us the bytes, in words a merchant can act on. */
	public static final class FetchFailed extends Exception {

		FetchFailed(String reason) {
			super(reason, null, false, false);
		}
	}

	private static final int MAX_REDIRECTS = 3;

	private final HttpClient http;

	private final Duration timeout;

	private final boolean allowPrivateAddresses;

	RemoteImages(@Value("${shopwright.media.fetch.timeout:10s}") Duration timeout,
			@Value("${shopwright.media.fetch.allow-private-addresses:false}") boolean allowPrivateAddresses) {
		this.timeout = timeout;
		this.allowPrivateAddresses = allowPrivateAddresses;
		this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** The problem with a URL before anything is fetched (scheme, form), or null if it may be fetched. */
	public static @org.jspecify.annotations.Nullable String problemWith(String url) {
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
			checkAddress(uri.getHost());
			HttpResponse<InputStream> response;
			try {
				response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "image/*")
					.header("User-Agent", "Shopwright media fetcher").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
			}
			catch (HttpConnectTimeoutException ex) {
				throw new FetchFailed("Could not connect to " + uri.getHost() + " within 5 s.");
			}
			catch (HttpTimeoutException ex) {
				throw new FetchFailed("No answer from " + uri.getHost() + " within " + timeout.toSeconds() + " s.");
			}
			catch (ConnectException ex) {
				throw new FetchFailed("Could not connect to " + uri.getHost() + " (" + describe(ex) + ").");
			}
			catch (IOException ex) {
				throw new FetchFailed("Download from " + uri.getHost() + " failed: " + describe(ex) + ".");
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new FetchFailed("The download was interrupted (the server is shutting down); it is retried at start-up.");
			}
			int status = response.statusCode();
			if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
				close(response);
				if (redirects >= MAX_REDIRECTS) {
					throw new FetchFailed("More than " + MAX_REDIRECTS + " redirects.");
				}
				uri = uri.resolve(response.headers().firstValue("Location").get());
				continue;
			}
			if (status != 200) {
				close(response);
				throw new FetchFailed("The server answered HTTP " + status + ".");
			}
			long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
			if (declared > Images.MAX_BYTES) {
				close(response);
				throw new FetchFailed("The image has " + declared + " bytes; at most 20 MB are accepted.");
			}
			try (InputStream body = response.body()) {
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
	}

	private void checkAddress(String host) throws FetchFailed {
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host);
		}
		catch (UnknownHostException ex) {
			throw new FetchFailed("Could not resolve the host " + host + ".");
		}
		if (allowPrivateAddresses) {
			return;
		}
		for (InetAddress address : addresses) {
			if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
					|| address.isSiteLocalAddress() || address.isMulticastAddress() || isUniqueLocal(address)) {
				throw new FetchFailed("Refused: " + host + " is an address inside the server's network.");
			}
		}
	}

	private static boolean isUniqueLocal(InetAddress address) {
		return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
	}

	private static void close(HttpResponse<InputStream> response) {
		try {
			response.body().close();
		}
		catch (IOException ignored) {
			// the connection is dropped either way
		}
	}

	private static String describe(Exception ex) {
		return ex.getMessage() != null && !ex.getMessage().isBlank() ? ex.getMessage() : ex.getClass().getSimpleName();
	}
}
