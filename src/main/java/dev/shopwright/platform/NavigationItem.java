package dev.shopwright.platform;

/**
 * One entry of the admin console's navigation, contributed by a module as a bean. It is shown only to
 * staff holding {@code permission} in the current store; {@code messageKey} names its label in the
 * message bundle.
 */
public record NavigationItem(String messageKey, String path, String permission, int order) {
}
