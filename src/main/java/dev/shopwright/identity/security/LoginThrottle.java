package dev.shopwright.identity.security;

import java.time.Duration;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Slows down password guessing: failed logins are counted per (client address, email) and per client
 * address; once a budget is spent, further attempts are refused until it refills — even with the right
 * password. Successful logins cost nothing. Counted per application node.
 */
@Component
public class LoginThrottle {

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(1))
		.maximumSize(100_000).build();

	private final int failuresPerAccount;

	private final int failuresPerAddress;

	private final Duration window;

	LoginThrottle(@Value("${shopwright.auth.login-failures-per-account:10}") int failuresPerAccount,
			@Value("${shopwright.auth.login-failures-per-address:100}") int failuresPerAddress,
			@Value("${shopwright.auth.login-failure-window:PT15M}") Duration window) {
		this.failuresPerAccount = failuresPerAccount;
		this.failuresPerAddress = failuresPerAddress;
		this.window = window;
	}

	/** Zero when an attempt may be made now; otherwise the seconds to wait. */
	public long secondsUntilAllowed(String address, String email) {
		long wait = Math.max(waitSeconds(accountBucket(address, email)), waitSeconds(addressBucket(address)));
		return wait;
	}

	public void recordFailure(String address, String email) {
		accountBucket(address, email).tryConsume(1);
		addressBucket(address).tryConsume(1);
	}

	private long waitSeconds(Bucket bucket) {
		var probe = bucket.estimateAbilityToConsume(1);
		return probe.canBeConsumed() ? 0 : Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
	}

	private Bucket accountBucket(String address, String email) {
		return buckets.get("account|" + address + "|" + email.toLowerCase(Locale.ROOT), key -> bucket(failuresPerAccount));
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
