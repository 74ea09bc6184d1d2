package dev.shopwright.fraud.domain;

import java.util.Currency;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.fraud.FraudSettings;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;

/** Each store's screening settings; a store without a row uses {@link FraudSettings#defaults}. */
@Repository
public class FraudSettingsRecords {

	private final JdbcClient jdbc;

	FraudSettingsRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<FraudSettings> find(StoreId store) {
		return jdbc.sql("select * from fraud.settings where store_id = :store")
			.param("store", store.value())
			.query((rs, n) -> new FraudSettings(rs.getInt("window_minutes"), rs.getInt("email_velocity_limit"),
					rs.getInt("email_velocity_points"), rs.getInt("ip_velocity_limit"), rs.getInt("ip_velocity_points"),
					rs.getInt("card_velocity_limit"), rs.getInt("card_velocity_points"), rs.getInt("country_mismatch_points"),
					rs.getInt("postcode_mismatch_points"),
					Money.of(rs.getBigDecimal("high_value_amount"), Currency.getInstance(rs.getString("high_value_currency")),
							Money.DEFAULT_ROUNDING),
					rs.getInt("high_value_points"), rs.getInt("medium_threshold"), rs.getInt("high_threshold")))
			.optional();
	}

	public void save(StoreId store, FraudSettings settings) {
		jdbc.sql("""
				insert into fraud.settings (store_id, window_minutes, email_velocity_limit, email_velocity_points,
				    ip_velocity_limit, ip_velocity_points, card_velocity_limit, card_velocity_points, country_mismatch_points,
				    postcode_mismatch_points, high_value_amount, high_value_currency, high_value_points, medium_threshold,
				    high_threshold, updated_at)
				values (:store, :window, :emailLimit, :emailPoints, :ipLimit, :ipPoints, :cardLimit, :cardPoints, :country,
				    :postcode, :highValue, :currency, :highValuePoints, :medium, :high, now())
				on conflict (store_id) do update set window_minutes = excluded.window_minutes,
				    email_velocity_limit = excluded.email_velocity_limit, email_velocity_points = excluded.email_velocity_points,
				    ip_velocity_limit = excluded.ip_velocity_limit, ip_velocity_points = excluded.ip_velocity_points,
				    card_velocity_limit = excluded.card_velocity_limit, card_velocity_points = excluded.card_velocity_points,
				    country_mismatch_points = excluded.country_mismatch_points,
				    postcode_mismatch_points = excluded.postcode_mismatch_points, high_value_amount = excluded.high_value_amount,
				    high_value_currency = excluded.high_value_currency, high_value_points = excluded.high_value_points,
				    medium_threshold = excluded.medium_threshold, high_threshold = excluded.high_threshold, updated_at = now()""")
			.param("store", store.value())
			.param("window", settings.windowMinutes())
			.param("emailLimit", settings.emailVelocityLimit())
			.param("emailPoints", settings.emailVelocityPoints())
			.param("ipLimit", settings.ipVelocityLimit())
			.param("ipPoints", settings.ipVelocityPoints())
			.param("cardLimit", settings.cardVelocityLimit())
			.param("cardPoints", settings.cardVelocityPoints())
			.param("country", settings.countryMismatchPoints())
			.param("postcode", settings.postcodeMismatchPoints())
			.param("highValue", settings.highValueThreshold().amount())
			.param("currency", settings.highValueThreshold().currency().getCurrencyCode())
			.param("highValuePoints", settings.highValuePoints())
			.param("medium", settings.mediumThreshold())
			.param("high", settings.highThreshold())
			.update();
	}
}
