package org.newswire.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmbeddedKafkaTest {

	@Test
	void sizesInternalTopicsForOneBroker() {
		assertThat(EmbeddedKafka.brokerProperties()).containsEntry("offsets.topic.replication.factor", "1")
			.containsEntry("transaction.state.log.replication.factor", "1")
			.containsEntry("transaction.state.log.min.isr", "1")
			.containsEntry("group.initial.rebalance.delay.ms", "0")
			.containsEntry("auto.create.topics.enable", "true");
	}

}
