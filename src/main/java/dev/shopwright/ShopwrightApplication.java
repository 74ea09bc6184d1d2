package dev.shopwright;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Shopwright: one service that runs a merchant's whole online business. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(sharedModules = "shared", systemName = "Shopwright")
public class ShopwrightApplication {

	public static void main(String[] args) {
		SpringApplication.run(ShopwrightApplication.class, args);
	}
}
