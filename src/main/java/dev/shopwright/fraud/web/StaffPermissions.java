package dev.shopwright.fraud.web;

import org.springframework.security.core.Authentication;

/** Whether the signed-in staff member holds a permission in the current store (to show or hide actions). */
final class StaffPermissions {

	private StaffPermissions() {
	}

	static boolean holds(Authentication authentication, String permission) {
		return authentication.getAuthorities().stream().anyMatch(authority -> permission.equals(authority.getAuthority()));
	}
}
