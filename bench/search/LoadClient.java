import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closed-loop load: N clients, each requesting the URLs of a file round-robin (offset per client) for D
 * seconds after a warm-up; prints count, errors and p50/p95/p99 latency. Usage:
 * java LoadClient.java urls.txt 8 30
 */
public class LoadClient {
	public static void main(String[] args) throws Exception {
		List<String> urls = Files.readAllLines(Path.of(args[0])).stream().filter(l -> !l.isBlank()).toList();
		int clients = Integer.parseInt(args[1]);
		long seconds = Long.parseLong(args[2]);
		HttpClient http = HttpClient.newHttpClient();
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger errors = new AtomicInteger();
		for (int phase = 0; phase < 2; phase++) {
			boolean measure = phase == 1;
			long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(measure ? seconds : 5);
			try (var pool = Executors.newFixedThreadPool(clients)) {
				for (int c = 0; c < clients; c++) {
					int offset = c * 7;
					pool.submit(() -> {
						int i = offset;
						while (System.nanoTime() < end) {
							String url = urls.get(i++ % urls.size());
							long start = System.nanoTime();
							try {
								var response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
										HttpResponse.BodyHandlers.discarding());
								if (response.statusCode() >= 400) {
									errors.incrementAndGet();
								}
							}
							catch (Exception ex) {
								errors.incrementAndGet();
							}
							if (measure) {
								latencies.add(System.nanoTime() - start);
							}
						}
						return null;
					});
				}
			}
		}
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		System.out.printf("requests=%d errors=%d rps=%.0f p50=%.1fms p95=%.1fms p99=%.1fms%n", sorted.size(), errors.get(),
				sorted.size() / (double) seconds, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99));
	}

	static double pct(List<Long> sorted, int p) {
		return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
	}
}
