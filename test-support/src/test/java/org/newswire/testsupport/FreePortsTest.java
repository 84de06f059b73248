package org.newswire.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

class FreePortsTest {

	@Test
	void findsAPortNobodyListensOn() {
		int port = FreePorts.find();

		assertThat(port).isBetween(1024, 65535);
		assertThat(FreePorts.isFree(port)).isTrue();
	}

	@Test
	void keepsARequestedPortAndPicksOneForZero() {
		assertThat(FreePorts.orFree(9200)).isEqualTo(9200);
		assertThat(FreePorts.orFree(0)).isPositive();
	}

	@Test
	void refusesATakenPortNamingIt() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			int port = taken.getLocalPort();

			assertThat(FreePorts.isFree(port)).isFalse();
			assertThatIllegalStateException().isThrownBy(() -> FreePorts.requireFree(port, "Kafka"))
				.withMessageContaining("Port " + port + " for Kafka is already in use");
		}
	}

}
