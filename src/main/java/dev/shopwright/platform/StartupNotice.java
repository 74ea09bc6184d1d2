package dev.shopwright.platform;

import java.util.List;

/** Lines a module adds to the banner printed once the platform is up (e.g. how to log in). */
public interface StartupNotice {

	List<String> lines();
}
