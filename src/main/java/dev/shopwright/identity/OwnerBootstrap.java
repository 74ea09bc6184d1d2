package dev.shopwright.identity;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.shopwright.platform.StartupNotice;
import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreManagement;

/**
 * Creates the owner on first start from {@code SHOPWRIGHT_ADMIN_EMAIL} / {@code SHOPWRIGHT_ADMIN_PASSWORD};
 * without a password it generates one and shows it exactly once, in the start-up banner.
 */
@Component
@Order(10)
class OwnerBootstrap implements ApplicationRunner, StartupNotice {

	private final StaffManagement staff;

	private final StoreManagement stores;

	private final String email;

	private final String configuredPassword;

	private final List<String> notice = new ArrayList<>();

	OwnerBootstrap(StaffManagement staff, StoreManagement stores,
			@Value("${shopwright.admin.email:owner@shopwright.local}") String email,
			@Value("${shopwright.admin.password:}") String configuredPassword) {
		this.staff = staff;
		this.stores = stores;
		this.email = email;
		this.configuredPassword = configuredPassword;
	}

	@Override
	public void run(ApplicationArguments args) {
		String password = configuredPassword.isBlank() ? StaffManagement.generatePassword() : configuredPassword;
		boolean created = staff.createOwnerIfNone(email, "Owner", password,
				stores.all().stream().map(Store::id).toList());
		if (created && configuredPassword.isBlank()) {
			notice.add("Log in as     : " + email + " / " + password + "   (generated; shown only this once)");
		}
		else if (created) {
			notice.add("Log in as     : " + email + " with the password from SHOPWRIGHT_ADMIN_PASSWORD");
		}
		else {
			notice.add("Log in as     : the owner account created on first start (" + email + " by default)");
		}
	}

	@Override
	public List<String> lines() {
		return List.copyOf(notice);
	}
}
