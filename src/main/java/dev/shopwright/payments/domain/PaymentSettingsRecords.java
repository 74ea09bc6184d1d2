package dev.shopwright.payments.domain;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.payments.CaptureMode;
import dev.shopwright.payments.PaymentSettings;
import dev.shopwright.shared.StoreId;

/** Each store's payment settings; a store without a row has the defaults. */
@Repository
public class PaymentSettingsRecords {

	private final JdbcClient jdbc;

	PaymentSettingsRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public PaymentSettings find(StoreId store) {
		return jdbc.sql("select * from payments.payment_settings where store_id = :store")
			.param("store", store.value())
			.query((rs, n) -> new PaymentSettings(rs.getBoolean("card_enabled"), rs.getBoolean("bank_transfer_enabled"),
					rs.getBoolean("cash_on_delivery_enabled"), CaptureMode.valueOf(rs.getString("capture_mode"))))
			.optional().orElse(PaymentSettings.defaults());
	}

	public void save(StoreId store, PaymentSettings settings) {
		jdbc.sql("""
				insert into payments.payment_settings (store_id, card_enabled, bank_transfer_enabled, cash_on_delivery_enabled,
				    capture_mode, updated_at)
				values (:store, :card, :bank, :cod, :mode, now())
				on conflict (store_id) do update set card_enabled = excluded.card_enabled,
				    bank_transfer_enabled = excluded.bank_transfer_enabled,
				    cash_on_delivery_enabled = excluded.cash_on_delivery_enabled,
				    capture_mode = excluded.capture_mode, updated_at = now()""")
			.param("store", (UUID) store.value())
			.param("card", settings.cardEnabled())
			.param("bank", settings.bankTransferEnabled())
			.param("cod", settings.cashOnDeliveryEnabled())
			.param("mode", settings.captureMode().name())
			.update();
	}
}
