package dev.shopwright.platform.console;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dev.shopwright.platform.NavigationItem;

/** Gives every console page the navigation its viewer may use in the current store. */
@ControllerAdvice(annotations = Controller.class)
class ConsoleModel {

	private final List<NavigationItem> navigation;

	ConsoleModel(List<NavigationItem> navigation) {
		this.navigation = navigation.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
	}

	@ModelAttribute("currentPath")
	String currentPath(jakarta.servlet.http.HttpServletRequest request) {
		return request.getRequestURI();
	}

	@ModelAttribute("navigation")
	List<NavigationItem> navigation(Authentication authentication) {
		if (authentication == null) {
			return List.of();
		}
		Set<String> held = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
			.collect(Collectors.toSet());
		return navigation.stream().filter(item -> held.contains(item.permission())).toList();
	}
}
