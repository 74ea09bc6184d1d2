package dev.shopwright.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * One real SMTP server (GreenMail) for the whole test run, on a free port; every Spring context sends its mail
 * there. Tests find their messages by recipient, since each test uses its own addresses.
 */
public final class TestMail implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static GreenMail server;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues.of("spring.mail.host=127.0.0.1", "spring.mail.port=" + server().getSmtp().getPort())
			.applyTo(context);
	}

	public static synchronized GreenMail server() {
		if (server == null) {
			server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
			server.start();
		}
		return server;
	}

	/** The messages received so far for this address. */
	public static List<MimeMessage> to(String address) {
		return Arrays.stream(server().getReceivedMessages()).filter(message -> {
			try {
				return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
					.anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
			}
			catch (MessagingException ex) {
				return false;
			}
		}).toList();
	}

	/** Waits (up to 20 s) until this address has received {@code count} messages and returns them. */
	public static List<MimeMessage> await(String address, int count) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (true) {
			List<MimeMessage> received = to(address);
			if (received.size() >= count) {
				return received;
			}
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("expected " + count + " email(s) to " + address + ", got " + received.size());
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	public static String body(MimeMessage message) {
		return GreenMailUtil.getBody(message);
	}
}
