package dev.shopwright.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * One background thread per node that claims jobs from the database and runs them one at a time: it looks for work
 * every {@code pollInterval}, or at once after {@link #wakeUp()}. The claim itself (typically {@code for update skip
 * locked} plus a lease, so that with several nodes each job runs once) and the work belong to the subclass. On
 * shutdown the thread is asked to stop and given 15 s to hand its job back; it stops before the web server and the
 * data source.
 */
public abstract class BackgroundJobWorker<J> implements SmartLifecycle {

	private final Logger log = LoggerFactory.getLogger(getClass());

	private final String name;

	private final Duration pollInterval;

	/** Who holds a claim: this node's host name and a random suffix (several instances may share a host). */
	protected final String node;

	private final Object signal = new Object();

	/** Set by {@link #wakeUp()}, so that a wake-up between a look for work and the wait is not lost. */
	private boolean woken;

	private volatile boolean running;

	private @Nullable Thread thread;

	protected BackgroundJobWorker(String name, Duration pollInterval) {
		this.name = name;
		this.pollInterval = pollInterval;
		this.node = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** Claims the next job for {@link #node}, in a transaction of its own; empty when there is none. */
	protected abstract Optional<J> claim();

	/** Runs a claimed job; checks {@link #isRunning()} between steps and hands the job back when it turns false. */
	protected abstract void run(J job);

	/** Looks for work now instead of at the next poll (a job was just queued). */
	public void wakeUp() {
		synchronized (signal) {
			woken = true;
			signal.notifyAll();
		}
	}

	@Override
	public void start() {
		running = true;
		thread = Thread.ofPlatform().name(name).daemon().start(this::loop);
	}

	@Override
	public void stop() {
		running = false;
		wakeUp();
		Thread worker = thread;
		if (worker != null) {
			try {
				worker.join(Duration.ofSeconds(15)); // a step takes well under a second; then the job is handed back
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1000; // stops before the web server and the data source
	}

	private void loop() {
		while (running) {
			synchronized (signal) {
				woken = false;
			}
			boolean worked = false;
			try {
				Optional<J> claimed = claim();
				if (claimed.isPresent()) {
					worked = true;
					run(claimed.get());
				}
			}
			catch (RuntimeException ex) {
				log.warn("{}: {}", name, ex.toString());
			}
			if (!worked && running) {
				synchronized (signal) {
					try {
						if (!woken) {
							signal.wait(pollInterval.toMillis());
						}
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
				}
			}
		}
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (IOException ex) {
			return "node";
		}
	}
}
