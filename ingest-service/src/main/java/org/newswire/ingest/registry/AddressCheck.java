package org.newswire.ingest.registry;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Refuses, at registration, feed URLs whose host resolves to an internal address (loopback, private,
 * link-local incl. cloud metadata, CGNAT, unique-local IPv6, IPv4-mapped forms of these), unless the
 * host or address is on the fetch allow-list. The fetch module applies its own guard on every connection
 * (after DNS, per redirect); its address policy is not public, so this pre-check follows the same rules
 * to give operators an immediate 400 instead of a feed that fails at every poll.
 */
final class AddressCheck {

	private final List<String> allowed;

	AddressCheck(List<String> allowedHosts) {
		this.allowed = allowedHosts.stream().map(host -> host.strip().toLowerCase(Locale.ROOT)).toList();
	}

	/** @return why the host is refused, or null when it may be registered */
	String refusal(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		if (name.startsWith("[") && name.endsWith("]")) {
			name = name.substring(1, name.length() - 1);
		}
		if (allowed.contains(name)) {
			return null;
		}
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(name);
		}
		catch (UnknownHostException ex) {
			return "host " + host + " does not resolve";
		}
		for (InetAddress address : addresses) {
			if (allowed.contains(address.getHostAddress().toLowerCase(Locale.ROOT)) || inAllowedRange(address)) {
				continue;
			}
			if (internal(address)) {
				return "host " + host + " resolves to the internal address " + address.getHostAddress()
						+ ", which feeds may not use";
			}
		}
		return null;
	}

	private boolean inAllowedRange(InetAddress address) {
		for (String entry : allowed) {
			int slash = entry.indexOf('/');
			if (slash < 0) {
				continue;
			}
			try {
				byte[] network = InetAddress.getByName(entry.substring(0, slash)).getAddress();
				int bits = Integer.parseInt(entry.substring(slash + 1));
				byte[] candidate = address.getAddress();
				if (network.length == candidate.length && prefixMatches(network, candidate, bits)) {
					return true;
				}
			}
			catch (UnknownHostException | NumberFormatException ex) {
				// not a range
			}
		}
		return false;
	}

	static boolean internal(InetAddress address) {
		if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			int a = bytes[0] & 0xFF;
			int b = bytes[1] & 0xFF;
			return a == 0 || a >= 240 || (a == 100 && b >= 64 && b <= 127) || (a == 192 && b == 0 && bytes[2] == 0)
					|| (a == 198 && (b == 18 || b == 19));
		}
		if (address instanceof Inet6Address) {
			if ((bytes[0] & 0xFE) == 0xFC) {
				return true;
			}
			boolean mapped = true;
			for (int i = 0; i < 10; i++) {
				mapped &= bytes[i] == 0;
			}
			if (mapped && (bytes[10] & 0xFF) == 0xFF && (bytes[11] & 0xFF) == 0xFF) {
				try {
					return internal(InetAddress.getByAddress(new byte[] { bytes[12], bytes[13], bytes[14], bytes[15] }));
				}
				catch (UnknownHostException ex) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean prefixMatches(byte[] network, byte[] candidate, int bits) {
		for (int i = 0; i < network.length && bits > 0; i++, bits -= 8) {
			int mask = bits >= 8 ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
			if ((network[i] & mask) != (candidate[i] & mask)) {
				return false;
			}
		}
		return true;
	}

}
