package dev.shopwright.fraud;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** The id of one recorded risk assessment; in JSON a plain string. */
public record RiskAssessmentId(@JsonValue UUID value) {

	public RiskAssessmentId {
		Objects.requireNonNull(value, "value");
	}

	public static RiskAssessmentId random() {
		return new RiskAssessmentId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
