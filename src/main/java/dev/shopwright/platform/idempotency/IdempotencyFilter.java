package dev.shopwright.platform.idempotency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import dev.shopwright.platform.Actor;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.platform.web.PayloadTooLarge;
import dev.shopwright.platform.web.ProblemResponses;
import dev.shopwright.platform.web.Problems;

/**
 * Stripe's {@code Idempotency-Key} semantics for every mutating API call, in one place: the first request
 * with a key runs and its response is stored; the same key with the same body replays that response
 * (header {@code Idempotent-Replayed: true}); the same key with another body is a 422; a duplicate that
 * arrives while the first still runs is a 409. Keys are scoped to the store and the caller and kept for
 * 24 hours. Server errors (5xx) are not stored, so such a request may be retried with the same key.
 * <p>
 * A response marked {@code Cache-Control: no-store} holds a secret shown only once (a new token): its body
 * is never written to the database, and a replay answers 409 saying the request already succeeded.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class IdempotencyFilter extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

	private final IdempotencyKeys keys;

	private final CurrentStore currentStore;

	IdempotencyFilter(IdempotencyKeys keys, CurrentStore currentStore) {
		this.keys = keys;
		this.currentStore = currentStore;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !MUTATING.contains(request.getMethod()) || !request.getRequestURI().startsWith("/api/")
				|| request.getHeader(HEADER) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(HEADER).trim();
		if (key.isEmpty() || key.length() > 255) {
			ProblemResponses.write(response, Problems.of(400, "INVALID_IDEMPOTENCY_KEY", "Invalid Idempotency-Key",
					"Idempotency-Key must be 1 to 255 characters."));
			return;
		}
		Optional<java.util.UUID> store = currentStore.find().map(id -> id.value());
		if (store.isEmpty()) {
			chain.doFilter(request, response); // no store resolved: the request fails further on anyway
			return;
		}
		HttpServletRequest forwarded;
		byte[] fingerprint;
		if (isMultipart(request)) {
			// uploads: the servlet container parses the parts from the original stream, so leave it unread and
			// identify the request by its parts instead
			try {
				fingerprint = partsDigest(request);
			}
			catch (IOException | ServletException | IllegalStateException ex) {
				chain.doFilter(request, response); // not a readable form (too large, malformed): refused further on
				return;
			}
			forwarded = request;
		}
		else {
			CachedBodyRequest cached;
			try {
				cached = new CachedBodyRequest(request);
			}
			catch (PayloadTooLarge ex) {
				ProblemResponses.write(response, Problems.of(413, "PAYLOAD_TOO_LARGE", "Payload too large", ex.getMessage()));
				return;
			}
			fingerprint = cached.body();
			forwarded = cached;
		}
		IdempotencyKeys.Scope scope = new IdempotencyKeys.Scope(store.get(), caller(), key);
		String hash = hash(request, fingerprint);

		if (!keys.claim(scope, hash)) {
			answerFromStore(scope, hash, response);
			return;
		}
		ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
		try {
			chain.doFilter(forwarded, recorded);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			keys.release(scope);
			throw ex;
		}
		int status = recorded.getStatus();
		if (status >= 500) {
			keys.release(scope);
		}
		else if (holdsSecret(recorded)) {
			keys.complete(scope, status, null, new byte[0], recorded.getHeader("Location"));
			keys.markWithheld(scope);
		}
		else {
			keys.complete(scope, status, recorded.getContentType(), recorded.getContentAsByteArray(),
					recorded.getHeader("Location"));
		}
		recorded.copyBodyToResponse();
	}

	private void answerFromStore(IdempotencyKeys.Scope scope, String hash, HttpServletResponse response)
			throws IOException {
		Optional<IdempotencyKeys.Stored> stored = keys.find(scope);
		if (stored.isEmpty()) {
			// released between our claim and this read: the first request failed; ask the client to retry
			ProblemResponses.write(response, Problems.of(409, "IDEMPOTENT_REQUEST_IN_PROGRESS", "Conflict",
					"A request with this Idempotency-Key was just being processed; retry it."));
			return;
		}
		IdempotencyKeys.Stored first = stored.get();
		if (!first.requestHash().equals(hash)) {
			ProblemResponses.write(response, Problems.of(422, "IDEMPOTENCY_KEY_REUSED", "Idempotency-Key reused",
					"This Idempotency-Key was used with a different request; use a new key for a new request."));
			return;
		}
		if (!first.completed()) {
			ProblemResponses.write(response, Problems.of(409, "IDEMPOTENT_REQUEST_IN_PROGRESS", "Conflict",
					"A request with this Idempotency-Key is still being processed; retry it later."));
			return;
		}
		if (first.withheld()) {
			ProblemResponses.write(response, Problems.of(409, "IDEMPOTENT_RESPONSE_WITHHELD", "Conflict",
					"The request with this Idempotency-Key already succeeded; its response held a secret that is shown "
							+ "only once and was not kept."));
			return;
		}
		response.setStatus(first.status());
		response.setHeader("Idempotent-Replayed", "true");
		if (first.contentType() != null) {
			response.setContentType(first.contentType());
		}
		if (first.location() != null) {
			response.setHeader("Location", first.location());
		}
		if (first.body() != null) {
			response.getOutputStream().write(first.body());
		}
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
	}

	/** Names, file names, content types and contents of the parts, in order: what makes two uploads the same. */
	private static byte[] partsDigest(HttpServletRequest request) throws IOException, ServletException {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (jakarta.servlet.http.Part part : request.getParts()) {
				digest.update((part.getName() + "\n" + part.getSubmittedFileName() + "\n" + part.getContentType() + "\n")
					.getBytes(StandardCharsets.UTF_8));
				try (java.io.InputStream content = part.getInputStream()) {
					byte[] buffer = new byte[64 * 1024];
					for (int n; (n = content.read(buffer)) > 0;) {
						digest.update(buffer, 0, n);
					}
				}
			}
			return digest.digest();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean holdsSecret(HttpServletResponse response) {
		String cacheControl = response.getHeader("Cache-Control");
		return cacheControl != null && cacheControl.contains("no-store");
	}

	private static String caller() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
			return actor.actorType() + ":" + actor.actorId();
		}
		return "public";
	}

	private static String hash(HttpServletRequest request, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			String target = request.getMethod() + " " + request.getRequestURI() + "?"
					+ Optional.ofNullable(request.getQueryString()).orElse("") + "\n";
			digest.update(target.getBytes(StandardCharsets.UTF_8));
			digest.update(body);
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Reads the (size-capped) body once so that it can be hashed and still be read by the handler. */
	private static final class CachedBodyRequest extends jakarta.servlet.http.HttpServletRequestWrapper {

		private final byte[] body;

		CachedBodyRequest(HttpServletRequest request) throws IOException {
			super(request);
			this.body = StreamUtils.copyToByteArray(request.getInputStream());
		}

		byte[] body() {
			return body;
		}

		@Override
		public jakarta.servlet.ServletInputStream getInputStream() {
			java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(body);
			return new jakarta.servlet.ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(jakarta.servlet.ReadListener listener) {
					throw new IllegalStateException("the body was read already; only synchronous reads are offered");
				}
			};
		}

		@Override
		public java.io.BufferedReader getReader() {
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}
	}
}
