package dev.shopwright.stores;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.shopwright.platform.AuditLog;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.ResourceNotFound;
import dev.shopwright.shared.Address;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.domain.Stores;
import dev.shopwright.stores.events.StoreCreated;
import dev.shopwright.stores.events.StoreUpdated;

/** The stores module's façade: create, change and look up stores. */
@Service
public class StoreManagement {

	/** Handles that would collide with the platform's own paths or mean nothing. */
	private static final Set<String> RESERVED_HANDLES = Set.of("admin", "api", "actuator", "webjars", "static", "error",
			"login", "logout", "assets", "default");

	private final Stores stores;

	private final ApplicationEventPublisher events;

	private final AuditLog auditLog;

	StoreManagement(Stores stores, ApplicationEventPublisher events, AuditLog auditLog) {
		this.stores = stores;
		this.events = events;
		this.auditLog = auditLog;
	}

	public List<Store> all() {
		return snapshot().all();
	}

	public Optional<Store> find(StoreId id) {
		return Optional.ofNullable(snapshot().byId().get(id));
	}

	public Store get(StoreId id) {
		return find(id).orElseThrow(() -> new ResourceNotFound("Store", id.toString()));
	}

	/** A store by its handle or its id, as written in {@code X-Store} or a URL. */
	public Optional<Store> findByReference(String reference) {
		String trimmed = reference.trim();
		Store byHandle = snapshot().byHandle().get(trimmed.toLowerCase(Locale.ROOT));
		if (byHandle != null) {
			return Optional.of(byHandle);
		}
		try {
			return find(new StoreId(UUID.fromString(trimmed)));
		}
		catch (IllegalArgumentException notAnId) {
			return Optional.empty();
		}
	}

	public Optional<Store> findByHost(String host) {
		return Optional.ofNullable(snapshot().byHost().get(host.toLowerCase(Locale.ROOT)));
	}

	/** The store a request acts on when it names none: the first one created. */
	public Optional<Store> defaultStore() {
		return snapshot().all().stream().findFirst();
	}

	/**
	 * Every store, read at most every {@link #SNAPSHOT_AGE_NANOS}: each storefront and Store API request looks
	 * its store up by host (up to three lookups), which were a good part of a cached product page's cost.
	 * A change on this node drops the snapshot when its transaction ends; other nodes see it within that age.
	 */
	private record Snapshot(List<Store> all, Map<StoreId, Store> byId, Map<String, Store> byHandle,
			Map<String, Store> byHost, long loadedAt) {

		static Snapshot of(List<Store> all) {
			Map<StoreId, Store> byId = new java.util.HashMap<>();
			Map<String, Store> byHandle = new java.util.HashMap<>();
			Map<String, Store> byHost = new java.util.HashMap<>();
			for (Store store : all) {
				byId.put(store.id(), store);
				byHandle.put(store.handle(), store);
				store.domains().forEach(host -> byHost.put(host.toLowerCase(Locale.ROOT), store));
			}
			return new Snapshot(List.copyOf(all), byId, byHandle, byHost, System.nanoTime());
		}
	}

	private static final long SNAPSHOT_AGE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

	private volatile @Nullable Snapshot snapshot;

	/** Counts invalidations, so that a snapshot read while a change was committing is not kept. */
	private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();

	private Snapshot snapshot() {
		Snapshot current = snapshot;
		if (current != null && System.nanoTime() - current.loadedAt() < SNAPSHOT_AGE_NANOS) {
			return current;
		}
		long before = changes.get();
		Snapshot loaded = Snapshot.of(stores.all());
		synchronized (changes) {
			if (changes.get() == before) {
				snapshot = loaded;
			}
		}
		return loaded;
	}

	/** Drops the snapshot now and again when the current transaction ends (committed or not). */
	private void storesChanged() {
		invalidate();
		if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
			org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
					new org.springframework.transaction.support.TransactionSynchronization() {
						@Override
						public void afterCompletion(int status) {
							invalidate();
						}
					});
		}
	}

	private void invalidate() {
		synchronized (changes) {
			changes.incrementAndGet();
			snapshot = null;
		}
	}

	@Transactional
	public Store create(StoreSettings settings) {
		Map<String, String> missing = new LinkedHashMap<>();
		if (isBlank(settings.name())) {
			missing.put("name", "is required");
		}
		if (isBlank(settings.handle())) {
			missing.put("handle", "is required");
		}
		if (isBlank(settings.defaultCurrency())) {
			missing.put("defaultCurrency", "is required");
		}
		if (!missing.isEmpty()) {
			throw new BusinessRuleViolation("VALIDATION_FAILED", 400, "Some required store settings are missing.", missing);
		}
		UUID organisation = stores.organisationId().orElseGet(() -> stores.createOrganisation(settings.name()));
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		StoreId id = new StoreId(UUID.randomUUID());
		// start from neutral values; apply() validates the given settings and reports every bad field at once
		Currency currency = Currency.getInstance("EUR");
		Locale locale = settings.defaultLocale() != null ? Locale.forLanguageTag(settings.defaultLocale()) : Locale.ENGLISH;
		Store blank = new Store(id, settings.handle(), settings.name(), currency, List.of(), locale, List.of(),
				ZoneId.of("UTC"), false, null, Address.empty(), List.of(), now, now);
		Store store = apply(blank, settings, now);
		storesChanged();
		try {
			stores.insert(organisation, store);
		}
		catch (DuplicateKeyException ex) {
			throw new StoreHandleTaken(store.handle()); // lost a race with another request taking the same handle
		}
		auditLog.record(id, "store.created", "store", id.toString(), "Created store " + store.name() + " (" + store.handle() + ")");
		events.publishEvent(new StoreCreated(id, store.handle(), store.name()));
		return store;
	}

	@Transactional
	public Store update(StoreId id, StoreSettings settings) {
		// from the table, not the snapshot: the update is conditional on the row's last change
		Store current = stores.find(id).orElseThrow(() -> new ResourceNotFound("Store", id.toString()));
		storesChanged();
		Store changed = apply(current, settings, Instant.now().truncatedTo(ChronoUnit.MICROS));
		try {
			if (!stores.update(changed, current.updatedAt())) {
				throw new BusinessRuleViolation("CONCURRENT_MODIFICATION", 409,
						"The store was changed by someone else at the same time; reload and try again.");
			}
		}
		catch (DuplicateKeyException ex) {
			throw new StoreHandleTaken(changed.handle());
		}
		auditLog.record(id, "store.updated", "store", id.toString(), "Changed settings: " + describeChanges(current, changed));
		events.publishEvent(new StoreUpdated(id, changed.handle()));
		return changed;
	}

	/** Applies the given (non-null) settings and checks the rules that span fields. */
	private Store apply(Store current, StoreSettings s, Instant now) {
		Map<String, String> errors = new LinkedHashMap<>();
		String handle = s.handle() != null ? s.handle() : current.handle();
		if (s.handle() != null) {
			if (RESERVED_HANDLES.contains(handle)) {
				errors.put("handle", "'" + handle + "' is reserved");
			}
			else if (stores.handleTaken(handle, current.id())) {
				throw new StoreHandleTaken(handle);
			}
		}
		String name = s.name() != null ? s.name().strip() : current.name();
		if (name.isEmpty()) {
			errors.put("name", "must not be blank");
		}
		Currency defaultCurrency = s.defaultCurrency() != null ? currency(s.defaultCurrency(), "defaultCurrency", errors)
				: current.defaultCurrency();
		List<Currency> currencies = s.currencies() != null
				? s.currencies().stream().map(code -> currency(code, "currencies", errors)).distinct().toList()
				: current.currencies();
		if (defaultCurrency != null && !currencies.contains(defaultCurrency)) {
			currencies = prepend(defaultCurrency, currencies);
		}
		Locale defaultLocale = s.defaultLocale() != null ? Locale.forLanguageTag(s.defaultLocale()) : current.defaultLocale();
		List<Locale> locales = s.locales() != null ? s.locales().stream().map(Locale::forLanguageTag).distinct().toList()
				: current.locales();
		if (!locales.contains(defaultLocale)) {
			locales = prepend(defaultLocale, locales);
		}
		ZoneId timezone = current.timezone();
		if (s.timezone() != null) {
			try {
				timezone = ZoneId.of(s.timezone());
			}
			catch (DateTimeException ex) {
				errors.put("timezone", "'" + s.timezone() + "' is not a time zone such as Europe/Berlin");
			}
		}
		List<String> domains = s.domains() != null
				? s.domains().stream().map(host -> host.strip().toLowerCase(Locale.ROOT)).distinct().toList()
				: current.domains();
		for (String host : domains) {
			if (!host.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?")) {
				errors.put("domains", "'" + host + "' is not a host name");
			}
		}
		if (!errors.containsKey("domains") && s.domains() != null) {
			List<String> taken = stores.hostsTakenByOthers(domains, current.id());
			if (!taken.isEmpty()) {
				errors.put("domains", String.join(", ", taken) + " already serve another store");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidStoreSettings(errors);
		}
		return new Store(current.id(), handle, name, defaultCurrency, currencies, defaultLocale, locales, timezone,
				s.pricesIncludeTax() != null ? s.pricesIncludeTax() : current.pricesIncludeTax(),
				s.email() != null ? blankToNull(s.email()) : current.email(),
				s.address() != null ? s.address() : current.address(), domains, current.createdAt(), now);
	}

	private static @Nullable Currency currency(String code, String field, Map<String, String> errors) {
		try {
			return Currency.getInstance(code);
		}
		catch (IllegalArgumentException ex) {
			errors.put(field, "'" + code + "' is not an ISO 4217 currency");
			return null;
		}
	}

	private static <T> List<T> prepend(T first, List<T> rest) {
		LinkedHashSet<T> all = new LinkedHashSet<>();
		all.add(first);
		all.addAll(rest);
		return new ArrayList<>(all);
	}

	private static String describeChanges(Store before, Store after) {
		List<String> changed = new ArrayList<>();
		if (!before.name().equals(after.name())) changed.add("name");
		if (!before.handle().equals(after.handle())) changed.add("handle");
		if (!before.defaultCurrency().equals(after.defaultCurrency())) changed.add("default currency");
		if (!before.currencies().equals(after.currencies())) changed.add("currencies");
		if (!before.defaultLocale().equals(after.defaultLocale())) changed.add("default locale");
		if (!before.locales().equals(after.locales())) changed.add("locales");
		if (!before.timezone().equals(after.timezone())) changed.add("timezone");
		if (before.pricesIncludeTax() != after.pricesIncludeTax()) changed.add("prices include tax");
		if (!java.util.Objects.equals(before.email(), after.email())) changed.add("email");
		if (!before.address().equals(after.address())) changed.add("address");
		if (!before.domains().equals(after.domains())) changed.add("domains");
		return changed.isEmpty() ? "nothing" : String.join(", ", changed);
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	private static @Nullable String blankToNull(String value) {
		return value.isBlank() ? null : value.strip();
	}
}
