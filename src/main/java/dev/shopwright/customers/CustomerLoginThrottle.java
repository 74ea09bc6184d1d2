package dev.shopwright.customers;

import java.time.Duration;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Slows down password guessing against shopper accounts the way staff logins are guarded: failed logins are
 * counted per (store, client address, email) and per client address; once a budget is spent every attempt
 * is refused until it refills, even with the right password. Counted per application node.
 */
@Component
class CustomerLoginThrottle {

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(1))
		.maximumSize(100_000).build();

	private final int failuresPerAccount;

	private final int failuresPerAddress;

	private final Duration window;

	CustomerLoginThrottle(@Value("${shopwright.customers.login-failures-per-account:10}") int failuresPerAccount,
			@Value("${shopwright.customers.login-failures-per-address:${shopwright.auth.login-failures-per-address:100}}") int failuresPerAddress,
			@Value("${shopwright.customers.login-failure-window:PT15M}") Duration window) {
		this.failuresPerAccount = failuresPerAccount;
		this.failuresPerAddress = failuresPerAddress;
		this.window = window;
	}

	/** Zero when an attempt may be made now; otherwise the seconds to wait. */
	long secondsUntilAllowed(String account, String address) {
		return Math.max(waitSeconds(accountBucket(account, address)), waitSeconds(addressBucket(address)));
	}

	void recordFailure(String account, String address) {
		accountBucket(account, address).tryConsume(1);
		addressBucket(address).tryConsume(1);
	}

	private static long waitSeconds(Bucket bucket) {
		var probe = bucket.estimateAbilityToConsume(1);
		return probe.canBeConsumed() ? 0 : Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
	}

	private Bucket accountBucket(String account, String address) {
		return buckets.get("account|" + address + "|" + account.toLowerCase(Locale.ROOT),
				key -> bucket(failuresPerAccount));
	}

	private Bucket addressBucket(String address) {
		return buckets.get("address|" + address, key -> bucket(failuresPerAddress));
	}

	private Bucket bucket(int capacity) {
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build())
			.build();
	}
}
