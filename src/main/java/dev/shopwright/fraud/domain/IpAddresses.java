package dev.shopwright.fraud.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Recognises IP address literals (optionally with a CIDR prefix) without ever resolving a host name: IPv4 by its
 * dotted form, IPv6 by its colons (InetAddress treats a string with a colon as a literal, never a name to look up).
 */
final class IpAddresses {

	private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

	private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

	private IpAddresses() {
	}

	/** True for an address such as {@code 203.0.113.7} or {@code 2001:db8::1}, or a range such as {@code 203.0.113.0/24}. */
	static boolean isAddressOrRange(@Nullable String text) {
		if (text == null) {
			return false;
		}
		int slash = text.indexOf('/');
		String address = slash < 0 ? text : text.substring(0, slash);
		if (slash >= 0) {
			String prefix = text.substring(slash + 1);
			if (!prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > (address.contains(":") ? 128 : 32)) {
				return false;
			}
		}
		return isAddress(address);
	}

	/** True for one address literal (no range). */
	static boolean isAddress(@Nullable String text) {
		if (text == null) {
			return false;
		}
		var v4 = IPV4.matcher(text);
		if (v4.matches()) {
			for (int group = 1; group <= 4; group++) {
				if (Integer.parseInt(v4.group(group)) > 255) {
					return false;
				}
			}
			return true;
		}
		if (!IPV6.matcher(text).matches() || text.length() > 45) {
			return false;
		}
		try {
			InetAddress.getByName(text);
			return true;
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}
}
