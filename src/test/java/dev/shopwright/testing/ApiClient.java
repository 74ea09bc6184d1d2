package dev.shopwright.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for API tests: real requests over the network to the running platform. */
public final class ApiClient {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	public record Response(int status, Map<String, String> headers, String body) {

		public JsonNode json() {
			return JSON.readTree(body);
		}

		public @Nullable String header(String name) {
			return headers.get(name.toLowerCase(java.util.Locale.ROOT));
		}

		public String contentType() {
			return String.valueOf(header("content-type"));
		}
	}

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private final Map<String, String> headers;

	private ApiClient(String base, Map<String, String> headers) {
		this.base = base;
		this.headers = headers;
	}

	public static ApiClient at(int port) {
		return new ApiClient("http://localhost:" + port, Map.of());
	}

	/** A copy that sends this header with every request. */
	public ApiClient with(String name, String value) {
		Map<String, String> more = new LinkedHashMap<>(headers);
		more.put(name, value);
		return new ApiClient(base, more);
	}

	public ApiClient bearer(String token) {
		return with("Authorization", "Bearer " + token);
	}

	public ApiClient store(String reference) {
		return with("X-Store", reference);
	}

	/** Logs in through the API and returns a client that carries the token. */
	public ApiClient loggedIn(String email, String password) {
		Response response = post("/api/admin/v1/auth/token", Map.of("email", email, "password", password));
		if (response.status() != 200) {
			throw new IllegalStateException("login failed: " + response);
		}
		return bearer(response.json().get("token").asString());
	}

	public Response get(String path) {
		return send("GET", path, null);
	}

	public Response post(String path, Object body) {
		return send("POST", path, body);
	}

	public Response patch(String path, Object body) {
		return send("PATCH", path, body);
	}

	public Response put(String path, Object body) {
		return send("PUT", path, body);
	}

	public Response delete(String path) {
		return send("DELETE", path, null);
	}

	/** Sends a raw body exactly as given (malformed JSON, wrong types …). */
	public Response sendRaw(String method, String path, String contentType, String body) {
		HttpRequest.Builder request = request(path).header("Content-Type", contentType)
			.method(method, HttpRequest.BodyPublishers.ofString(body));
		return execute(request);
	}

	/** Sends a body of bytes (a multipart form, a file) with the given content type. */
	public Response sendBytes(String method, String path, String contentType, byte[] body) {
		HttpRequest.Builder request = request(path).header("Content-Type", contentType)
			.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
		return execute(request);
	}

	/** GETs a binary body (a PDF) as bytes; fails unless the answer is 200. */
	public byte[] download(String path) {
		HttpRequest.Builder request = request(path).header("Accept", "application/pdf, */*").GET();
		try {
			HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new AssertionError("GET " + path + " answered " + response.statusCode());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Posts a multipart/form-data form (file uploads). */
	public Response postMultipart(String path, Multipart form) {
		return sendBytes("POST", path, form.contentType(), form.body());
	}

	private Response send(String method, String path, @Nullable Object body) {
		HttpRequest.Builder request = request(path);
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			String json = body instanceof String text ? text : JSON.writeValueAsString(body);
			request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		return execute(request);
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
			.header("Accept", "application/json, application/problem+json");
		headers.forEach(request::header);
		return request;
	}

	private Response execute(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			Map<String, String> headers = new LinkedHashMap<>();
			response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT),
					String.join(",", values)));
			return new Response(response.statusCode(), headers, response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}
}
