package org.newswire.fetch;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

import org.apache.hc.client5.http.DnsResolver;

/**
 * Resolves host names for the HTTP client and refuses addresses the {@link AddressPolicy} forbids.
 * The client connects only to the addresses returned here, so the check applies to the address
 * actually connected to, on every hop of a redirect chain, and a DNS answer cannot change between
 * check and connect. One forbidden address in an answer refuses the whole answer: mixing public
 * and internal records is a rebinding trick.
 */
class GuardedDnsResolver implements DnsResolver {

	private final AddressPolicy policy;

	GuardedDnsResolver(AddressPolicy policy) {
		this.policy = policy;
	}

	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
		InetAddress[] addresses = InetAddress.getAllByName(bare);
		for (InetAddress address : addresses) {
			if (!this.policy.permits(bare, address)) {
				throw new BlockedAddressException(host, address);
			}
		}
		return addresses;
	}

	@Override
	public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
		return Arrays.stream(resolve(host)).map(address -> new InetSocketAddress(address, port)).toList();
	}

	@Override
	public String resolveCanonicalHostname(String host) throws UnknownHostException {
		return resolve(host)[0].getCanonicalHostName();
	}

	/** Thrown through the HTTP client, which expects resolvers to fail with UnknownHostException. */
	static class BlockedAddressException extends UnknownHostException {

		BlockedAddressException(String host, InetAddress address) {
			super(host + " resolves to " + address.getHostAddress()
					+ ", an internal address; add the host to allowed-hosts to fetch it anyway");
		}

	}

}
