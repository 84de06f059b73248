package org.newswire.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClusterHealthTest {

	@Test
	void readsTheStatusOfAHealthResponse() {
		assertThat(ClusterHealth.status("{\"cluster_name\":\"newswire\",\"status\":\"yellow\",\"timed_out\":false}"))
			.contains("yellow");
		assertThat(ClusterHealth.status("{\"status\" : \"red\"}")).contains("red");
	}

	@Test
	void findsNoStatusInAnErrorResponse() {
		assertThat(ClusterHealth.status("{\"error\":\"Incorrect HTTP method for uri [/]\",\"status\":405}")).isEmpty();
	}

}
