package dev.shopwright.platform.console;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import dev.shopwright.platform.StartupNotice;

/** Tells whoever started Shopwright where to go: admin, storefront and API docs, and how to log in. */
@Component
class StartupBanner {

	private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

	private final List<StartupNotice> notices;

	private final Environment environment;

	private final String publicUrl;

	StartupBanner(List<StartupNotice> notices, Environment environment,
			@Value("${shopwright.public-url:}") String publicUrl) {
		this.notices = notices;
		this.environment = environment;
		this.publicUrl = publicUrl;
	}

	@EventListener
	void on(ApplicationReadyEvent ready) {
		String base = publicUrl.isBlank() ? "http://localhost:" + environment.getProperty("local.server.port", "8080")
				: publicUrl.replaceAll("/+$", "");
		List<String> lines = new ArrayList<>();
		lines.add("Shopwright is up (started in %.1f s)".formatted(toSeconds(ready.getTimeTaken())));
		lines.add("  Admin console : " + base + "/admin");
		lines.add("  Storefront    : " + base + "/");
		lines.add("  API docs      : " + base + "/api/docs   (OpenAPI: " + base + "/api/openapi.json)");
		notices.forEach(notice -> notice.lines().forEach(line -> lines.add("  " + line)));
		String rule = "=".repeat(lines.stream().mapToInt(String::length).max().orElse(40) + 2);
		log.info("\n{}\n{}\n{}", rule, String.join("\n", lines), rule);
	}

	private static double toSeconds(Duration duration) {
		return duration == null ? 0 : duration.toMillis() / 1000.0;
	}
}
