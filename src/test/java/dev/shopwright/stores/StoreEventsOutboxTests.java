package dev.shopwright.stores;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;

import dev.shopwright.stores.events.StoreCreated;
import dev.shopwright.testing.ShopwrightTest;

/**
 * Store events go through the JDBC event publication registry (the transactional outbox): a publication is
 * written with the change, completed once its listener ran, and kept, incomplete, when the listener fails.
 */
@ShopwrightTest
@Import(StoreEventsOutboxTests.Recorder.class)
class StoreEventsOutboxTests {

	/** A listener of another module would look like this; it records what it got and fails on purpose for "fails-". */
	static class Recorder {

		private final List<StoreCreated> received = new CopyOnWriteArrayList<>();

		List<StoreCreated> received() {
			return received;
		}

		@ApplicationModuleListener
		void on(StoreCreated event) {
			if (event.handle().startsWith("fails-")) {
				throw new IllegalStateException("listener down");
			}
			received.add(event);
		}
	}

	@Autowired
	StoreManagement stores;

	@Autowired
	Recorder listeners;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCreatedStoreIsPublishedThroughTheOutboxAndCompleted() throws Exception {
		Store store = stores.create(StoreSettings.named("Outboxed", "outboxed", "EUR"));
		awaitTrue(() -> listeners.received().stream().anyMatch(event -> event.storeId().equals(store.id())));
		awaitTrue(() -> publications("outboxed", true) == 1);
	}

	@Test
	void aFailedListenerLeavesItsPublicationIncompleteForResubmission() throws Exception {
		stores.create(StoreSettings.named("Fails", "fails-once", "EUR"));
		awaitTrue(() -> jdbc.sql("select count(*) from event_publication where serialized_event like ? and status = 'FAILED'")
			.param("%fails-once%").query(Integer.class).single() == 1);
		assertThat(publications("fails-once", true)).isZero();
	}

	private int publications(String handle, boolean completed) {
		return jdbc.sql("select count(*) from event_publication where event_type like ? and serialized_event like ? and "
				+ (completed ? "completion_date is not null" : "completion_date is null"))
			.params("%StoreCreated", "%" + handle + "%").query(Integer.class).single();
	}

	private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("condition not met within 10 s");
			}
			Thread.sleep(50);
		}
	}
}
