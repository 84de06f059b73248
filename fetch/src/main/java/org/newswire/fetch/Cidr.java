package org.newswire.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address range such as {@code 10.0.0.0/8} or {@code fc00::/7}. */
record Cidr(byte[] network, int prefixLength) {

	static Cidr parse(String text) {
		int slash = text.indexOf('/');
		String host = slash < 0 ? text : text.substring(0, slash);
		if (!looksLikeAddress(host)) {
			throw new IllegalArgumentException("Not an IP address or CIDR range: " + text);
		}
		try {
			byte[] network = InetAddress.getByName(host).getAddress();
			int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(text.substring(slash + 1));
			if (prefix < 0 || prefix > network.length * 8) {
				throw new IllegalArgumentException("Bad prefix length in " + text);
			}
			return new Cidr(network, prefix);
		}
		catch (UnknownHostException | NumberFormatException ex) {
			throw new IllegalArgumentException("Not an IP address or CIDR range: " + text, ex);
		}
	}

	/** A literal address (never resolved through DNS): digits and dots, or hex digits with colons. */
	static boolean looksLikeAddress(String text) {
		String host = text.contains("/") ? text.substring(0, text.indexOf('/')) : text;
		return host.matches("[0-9.]+") || (host.contains(":") && host.matches("[0-9a-fA-F:.]+"));
	}

	boolean contains(InetAddress address) {
		byte[] candidate = address.getAddress();
		if (candidate.length != this.network.length) {
			return false;
		}
		int fullBytes = this.prefixLength / 8;
		for (int i = 0; i < fullBytes; i++) {
			if (candidate[i] != this.network[i]) {
				return false;
			}
		}
		int remainingBits = this.prefixLength % 8;
		if (remainingBits == 0) {
			return true;
		}
		int mask = (0xff << (8 - remainingBits)) & 0xff;
		return (candidate[fullBytes] & mask) == (this.network[fullBytes] & mask);
	}

}
