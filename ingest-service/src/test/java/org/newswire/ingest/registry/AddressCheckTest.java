package org.newswire.ingest.registry;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AddressCheckTest {

	private final AddressCheck check = new AddressCheck(List.of("localhost", "192.168.7.0/24"));

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "10.0.0.8", "172.16.3.4", "192.168.1.1", "169.254.169.254", "100.64.0.1",
			"0.0.0.0", "::1", "fc00::1", "fe80::1", "[::ffff:127.0.0.1]", "127.1" })
	void refusesInternalAddresses(String host) {
		assertThat(check.refusal(host)).contains("internal address");
	}

	@Test
	void letsAllowListedHostsAndRangesThrough() {
		assertThat(check.refusal("localhost")).isNull();
		assertThat(check.refusal("192.168.7.20")).isNull();
	}

	@Test
	void acceptsPublicAddresses() {
		assertThat(check.refusal("93.184.216.34")).isNull();
		assertThat(check.refusal("2606:4700::1111")).isNull();
	}

}
