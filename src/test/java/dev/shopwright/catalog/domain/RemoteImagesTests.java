package dev.shopwright.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;


import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.shopwright.catalog.TestImages;

/** Downloads against a small local HTTP server: the success path, redirects, errors and the private-address guard. */
class RemoteImagesTests {

	HttpServer server;

	String base;

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/mug.png", exchange -> {
			byte[] png = TestImages.png(20, 10);
			exchange.sendResponseHeaders(200, png.length);
			exchange.getResponseBody().write(png);
			exchange.close();
		});
		server.createContext("/moved", exchange -> {
			exchange.getResponseHeaders().add("Location", "/mug.png");
			exchange.sendResponseHeaders(302, -1);
			exchange.close();
		});
		server.createContext("/loop", exchange -> {
			exchange.getResponseHeaders().add("Location", "/loop");
			exchange.sendResponseHeaders(302, -1);
			exchange.close();
		});
		server.start();
		base = "http://127.0.0.1:" + server.getAddress().getPort();
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	@Test
	void fetchesFollowingRedirects() throws Exception {
		RemoteImages remote = new RemoteImages(Duration.ofSeconds(5), true);
		assertThat(Images.process(remote.fetch(base + "/moved")).width()).isEqualTo(20);
		assertThatThrownBy(() -> remote.fetch(base + "/loop")).hasMessageContaining("redirects");
		assertThatThrownBy(() -> remote.fetch(base + "/missing.png")).hasMessageContaining("HTTP 404");
	}

	@Test
	void refusesAddressesInsideTheServersNetworkByDefault() {
		RemoteImages remote = new RemoteImages(Duration.ofSeconds(5), false);
		assertThatThrownBy(() -> remote.fetch(base + "/mug.png")).hasMessageContaining("inside the server's network");
		assertThatThrownBy(() -> remote.fetch("http://10.1.2.3/x.png")).hasMessageContaining("inside the server's network");
		assertThatThrownBy(() -> remote.fetch("http://100.100.100.200/x.png")).hasMessageContaining("inside the server's network");
		assertThat(RemoteImages.problemWith("ftp://example.com/x.png")).isEqualTo("must be an http or https URL");
	}

	@Test
	void vetsTheAddressTheConnectionActuallyUsesSoDnsRebindingGetsNoSecondLookup() throws Exception {
		// a hostile name server answering with the server's own loopback address; the old design looked the name up
		// once to check it and again (inside the HTTP client) to connect, so a rebinding server could pass the first
		AtomicInteger lookups = new AtomicInteger();
		RemoteImages.Lookup rebinding = host -> {
			lookups.incrementAndGet();
			return new InetAddress[] { InetAddress.getByName("127.0.0.1") };
		};
		RemoteImages remote = new RemoteImages(Duration.ofSeconds(5), false, rebinding);
		String port = base.substring(base.lastIndexOf(':') + 1);

		assertThatThrownBy(() -> remote.fetch("http://images.rebind.test:" + port + "/mug.png"))
			.hasMessageContaining("images.rebind.test is an address inside the server's network");
		assertThat(lookups).as("one lookup per connection, and it is the one that was vetted").hasValue(1);
	}
}
