package org.newswire.fetch;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddressPolicyTest {

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.1", "0.0.0.0", "10.1.2.3", "172.16.0.1", "172.31.255.255",
			"192.168.1.1", "169.254.169.254", "100.64.0.1", "198.18.0.1", "224.0.0.1", "255.255.255.255", "::1",
			"::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254",
			"::ffff:10.0.0.1", "2002:7f00:1::1", "64:ff9b::a9fe:a9fe" })
	void refusesInternalAddresses(String address) throws Exception {
		assertThat(AddressPolicy.isPublic(InetAddress.getByName(address))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111",
			"2a00:1450:4001:81c::200e" })
	void permitsPublicAddresses(String address) throws Exception {
		assertThat(AddressPolicy.isPublic(InetAddress.getByName(address))).isTrue();
	}

	@Test
	void allowListOpensNamedHostsAndRanges() throws Exception {
		AddressPolicy policy = new AddressPolicy(List.of("LocalHost", "10.0.0.0/8", "192.168.1.5"));

		assertThat(policy.permits("localhost", InetAddress.getByName("127.0.0.1"))).isTrue();
		assertThat(policy.permits("internal", InetAddress.getByName("10.9.8.7"))).isTrue();
		assertThat(policy.permits("printer", InetAddress.getByName("192.168.1.5"))).isTrue();
		assertThat(policy.permits("printer", InetAddress.getByName("192.168.1.6"))).isFalse();
		assertThat(policy.permits("evil.example", InetAddress.getByName("127.0.0.1"))).isFalse();
	}

	@Test
	void rejectsMalformedRanges() {
		assertThatThrownBy(() -> Cidr.parse("10.0.0.0/40")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Cidr.parse("example.org/8")).isInstanceOf(IllegalArgumentException.class);
	}

}
