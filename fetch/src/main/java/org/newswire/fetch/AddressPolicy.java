package org.newswire.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides which resolved addresses a fetch may connect to. Java's {@code isSiteLocalAddress} knows
 * only 10/8, 172.16/12 and 192.168/16, so the internal ranges are listed here: loopback, "this
 * network", carrier-grade NAT, link-local (cloud metadata lives at 169.254.169.254), benchmarking,
 * documentation, multicast and reserved ranges, IPv6 unique-local and link-local, and IPv4 embedded
 * in IPv6 (mapped, compatible, 6to4, NAT64), which is unwrapped and judged as IPv4.
 */
final class AddressPolicy {

	private static final List<Cidr> BLOCKED_V4 = List.of(Cidr.parse("0.0.0.0/8"), Cidr.parse("10.0.0.0/8"),
			Cidr.parse("100.64.0.0/10"), Cidr.parse("127.0.0.0/8"), Cidr.parse("169.254.0.0/16"),
			Cidr.parse("172.16.0.0/12"), Cidr.parse("192.0.0.0/24"), Cidr.parse("192.0.2.0/24"),
			Cidr.parse("192.88.99.0/24"), Cidr.parse("192.168.0.0/16"), Cidr.parse("198.18.0.0/15"),
			Cidr.parse("198.51.100.0/24"), Cidr.parse("203.0.113.0/24"), Cidr.parse("224.0.0.0/4"),
			Cidr.parse("240.0.0.0/4"));

	private static final List<Cidr> BLOCKED_V6 = List.of(Cidr.parse("::/128"), Cidr.parse("::1/128"),
			Cidr.parse("fc00::/7"), Cidr.parse("fe80::/10"), Cidr.parse("fec0::/10"), Cidr.parse("ff00::/8"),
			Cidr.parse("2001:db8::/32"), Cidr.parse("100::/64"));

	private final List<String> allowedHostNames = new ArrayList<>();

	private final List<Cidr> allowedRanges = new ArrayList<>();

	AddressPolicy(List<String> allowedHosts) {
		for (String entry : allowedHosts) {
			String value = entry.trim().toLowerCase(Locale.ROOT);
			if (value.isEmpty()) {
				continue;
			}
			if (Cidr.looksLikeAddress(value)) {
				this.allowedRanges.add(Cidr.parse(value.contains("/") ? value : value + (value.contains(":") ? "/128" : "/32")));
			}
			else {
				this.allowedHostNames.add(value);
			}
		}
	}

	boolean hostAllowListed(String host) {
		return this.allowedHostNames.contains(host.toLowerCase(Locale.ROOT));
	}

	/** Whether the address may be connected to, given the host name it was resolved from. */
	boolean permits(String host, InetAddress address) {
		if (hostAllowListed(host) || this.allowedRanges.stream().anyMatch(range -> range.contains(address))) {
			return true;
		}
		return isPublic(address);
	}

	static boolean isPublic(InetAddress address) {
		if (address instanceof Inet4Address) {
			return BLOCKED_V4.stream().noneMatch(range -> range.contains(address));
		}
		InetAddress embedded = embeddedIpv4((Inet6Address) address);
		if (embedded != null) {
			return isPublic(embedded);
		}
		return BLOCKED_V6.stream().noneMatch(range -> range.contains(address));
	}

	/** The IPv4 address carried by an IPv4-mapped, -compatible, 6to4 or NAT64 address, else null. */
	private static InetAddress embeddedIpv4(Inet6Address address) {
		byte[] b = address.getAddress();
		int offset = -1;
		if (allZero(b, 0, 10) && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
			offset = 12;
		}
		else if (b[0] == 0x20 && b[1] == 0x02) {
			offset = 2;
		}
		else if (b[0] == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b && allZero(b, 4, 12)) {
			offset = 12;
		}
		if (offset < 0) {
			return null;
		}
		try {
			return InetAddress.getByAddress(new byte[] { b[offset], b[offset + 1], b[offset + 2], b[offset + 3] });
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean allZero(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return true;
	}

}
