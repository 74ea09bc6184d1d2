package dev.shopwright.testing;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * One GreenMail SMTP server for the whole test run, on a free port (several builds may run on one machine), and
 * {@code spring.mail.*} pointing every Spring context at it. Tests tell their mails apart by unique recipients.
 */
public final class TestMail implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static GreenMail server;

	public static synchronized GreenMail server() {
		if (server == null) {
			server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			server.start();
		}
		return server;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues.of("spring.mail.host=127.0.0.1", "spring.mail.port=" + server().getSmtp().getPort())
			.applyTo(context);
	}
}
