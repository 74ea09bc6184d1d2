package dev.shopwright.fulfillment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import dev.shopwright.platform.BusinessRuleViolation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Carrier tracking webhooks are signed like payment webhooks: header {@value #HEADER} =
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">}, accepted within five minutes of {@code t}, so an
 * old delivery cannot be replayed later.
 */
public final class TrackingSignatures {

	public static final String HEADER = "Shopwright-Signature";

	private static final Duration TOLERANCE = Duration.ofMinutes(5);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private TrackingSignatures() {
	}

	/** What a carrier (or a test) sends in {@value #HEADER}. */
	public static String sign(String secret, String payload, Instant at) {
		return "t=" + at.getEpochSecond() + ",v1=" + hmac(secret, at.getEpochSecond() + "." + payload);
	}

	static void verify(String secret, String payload, @Nullable String header, Instant now) {
		if (header == null || header.isBlank()) {
			throw FulfillmentProblems.invalidSignature("no " + HEADER + " header");
		}
		String timestamp = null;
		String signature = null;
		for (String part : header.split(",")) {
			String[] pair = part.strip().split("=", 2);
			if (pair.length == 2 && pair[0].equals("t")) {
				timestamp = pair[1];
			}
			else if (pair.length == 2 && pair[0].equals("v1")) {
				signature = pair[1];
			}
		}
		if (timestamp == null || signature == null || !timestamp.matches("[0-9]{1,12}")) {
			throw FulfillmentProblems.invalidSignature("malformed " + HEADER + " header");
		}
		if (Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), now).abs().compareTo(TOLERANCE) > 0) {
			throw FulfillmentProblems.invalidSignature("timestamp outside the 5-minute tolerance");
		}
		byte[] expected = hmac(secret, timestamp + "." + payload).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
			throw FulfillmentProblems.invalidSignature("signature does not match");
		}
	}

	/** {@code {"eventId","trackingNumber","status","description","place"?,"occurredAt"}}; bad input is a 400. */
	static FulfillmentManagement.TrackingEvent parse(String payload) {
		try {
			JsonNode json = JSON.readTree(payload);
			String eventId = text(json, "eventId");
			String trackingNumber = text(json, "trackingNumber");
			ShipmentStatus status;
			try {
				status = ShipmentStatus.valueOf(text(json, "status"));
			}
			catch (IllegalArgumentException ex) {
				throw invalid("status", "one of IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED, EXCEPTION, LABEL_CREATED, CANCELLED");
			}
			Instant occurredAt;
			try {
				occurredAt = Instant.parse(text(json, "occurredAt"));
			}
			catch (DateTimeParseException ex) {
				throw invalid("occurredAt", "an ISO-8601 UTC timestamp");
			}
			JsonNode place = json.get("place");
			JsonNode description = json.get("description");
			return new FulfillmentManagement.TrackingEvent(eventId, trackingNumber, status,
					description == null || description.isNull() ? status.name() : description.asString(),
					place == null || place.isNull() ? null : place.asString(), occurredAt);
		}
		catch (JacksonException ex) {
			throw new BusinessRuleViolation("INVALID_TRACKING_EVENT", 400, "The body is not JSON");
		}
	}

	private static String text(JsonNode json, String field) {
		JsonNode node = json.get(field);
		if (node == null || !node.isString() || node.asString().isBlank() || node.asString().length() > 200) {
			throw invalid(field, "required text");
		}
		return node.asString();
	}

	private static BusinessRuleViolation invalid(String field, String detail) {
		return new BusinessRuleViolation("INVALID_TRACKING_EVENT", 400, field + ": " + detail, Map.of(field, detail));
	}

	private static String hmac(String secret, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
