package dev.shopwright.fulfillment.carriers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.shopwright.fulfillment.Carrier;
import dev.shopwright.fulfillment.domain.CarrierSettings;

/** The table-rate carriers every store can enable and price: a national post and an express courier. */
@Configuration(proxyBeanMethods = false)
class BuiltInCarriers {

	@Bean
	Carrier postCarrier(CarrierSettings settings) {
		return new TableRateCarrier("post", "Post (table rates)", "PO", "https://tracking.post.example/{number}", settings);
	}

	@Bean
	Carrier courierCarrier(CarrierSettings settings) {
		return new TableRateCarrier("courier", "Express courier (table rates)", "CX",
				"https://track.courier.example/?n={number}", settings);
	}
}
