package org.newswire.fetch;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostPolitenessTest {

	@Test
	void spacesRequestStartsToOneHostByTheDelay() throws Exception {
		HostPoliteness politeness = new HostPoliteness(4, Duration.ofMillis(200), Duration.ofSeconds(5));
		long start = System.nanoTime();

		for (int i = 0; i < 3; i++) {
			politeness.acquire("example.org").close();
		}

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
	}

	@Test
	void doesNotDelayOtherHosts() throws Exception {
		HostPoliteness politeness = new HostPoliteness(1, Duration.ofSeconds(10), Duration.ofSeconds(5));
		long start = System.nanoTime();

		politeness.acquire("a.example").close();
		politeness.acquire("b.example").close();

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void spacesRequestsByALongerDelayTheHostAskedForFromItsLastStart() throws Exception {
		HostPoliteness politeness = new HostPoliteness(4, Duration.ZERO, Duration.ofSeconds(5));
		politeness.acquire("example.org").close();
		long start = System.nanoTime();

		politeness.delay("Example.org", Duration.ofMillis(300));
		politeness.acquire("example.org").close();
		politeness.acquire("example.org").close();

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(550));
	}

	@Test
	void keepsTheConfiguredDelayAsTheMinimum() throws Exception {
		HostPoliteness politeness = new HostPoliteness(4, Duration.ofMillis(300), Duration.ofSeconds(5));
		politeness.delay("example.org", Duration.ofMillis(10));
		long start = System.nanoTime();

		politeness.acquire("example.org").close();
		politeness.acquire("example.org").close();

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

	@Test
	void refusesATurnItCannotGiveWithinTheMaximumWait() throws Exception {
		HostPoliteness politeness = new HostPoliteness(1, Duration.ZERO, Duration.ofMillis(100));

		try (HostPoliteness.Turn held = politeness.acquire("example.org")) {
			assertThatThrownBy(() -> politeness.acquire("Example.org"))
				.isInstanceOfSatisfying(FetchException.class, ex -> {
					assertThat(ex.reason()).isEqualTo(FetchException.Reason.HOST_BUSY);
					assertThat(ex.transientFailure()).isTrue();
				});
		}
		politeness.acquire("example.org").close();
	}

}
