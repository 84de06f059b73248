package org.newswire.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmbeddedKafkaTest {

	@Test
	void putsAFixedPortIntoTheBrokerListener() {
		assertThat(EmbeddedKafka.brokerProperties(9092)).containsEntry("listeners",
				"EXTERNAL://localhost:9092,CONTROLLER://localhost:0");
	}

	@Test
	void leavesListenersToTheTestKitForAFreePort() {
		assertThat(EmbeddedKafka.brokerProperties(0)).doesNotContainKey("listeners");
	}

	@Test
	void sizesInternalTopicsForOneBroker() {
		assertThat(EmbeddedKafka.brokerProperties(0)).containsEntry("offsets.topic.replication.factor", "1")
			.containsEntry("transaction.state.log.replication.factor", "1")
			.containsEntry("transaction.state.log.min.isr", "1")
			.containsEntry("group.initial.rebalance.delay.ms", "0")
			.containsEntry("auto.create.topics.enable", "true");
	}

}
