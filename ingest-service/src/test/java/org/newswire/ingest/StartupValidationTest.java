package org.newswire.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** A bad setting stops start-up with a message that names the property, before any feed is polled. */
@ExtendWith(OutputCaptureExtension.class)
class StartupValidationTest {

	@Test
	void refusesNegativePollInterval(CapturedOutput output) {
		assertStartUpFails("--newswire.ingest.poll.interval=-1s");
		assertThat(output).contains("Property: newswire.ingest.poll.interval").contains("must be longer than or equal to 1 second");
	}

	@Test
	void refusesFeedUrlThatIsNotHttp(CapturedOutput output) {
		assertStartUpFails("--newswire.ingest.poll.feed-urls=ftp://feeds.example/world.xml");
		assertThat(output).contains("newswire.ingest.poll.feed-urls").contains("ftp://feeds.example/world.xml");
	}

	@Test
	void refusesZeroPartitions(CapturedOutput output) {
		assertStartUpFails("--newswire.ingest.topics.partitions=0");
		assertThat(output).contains("newswire.ingest.topics.partitions");
	}

	private static void assertStartUpFails(String badSetting) {
		ConfigurableApplicationContext context = null;
		try {
			context = new SpringApplicationBuilder(IngestApplication.class).web(WebApplicationType.NONE)
				.run(badSetting, "--spring.kafka.bootstrap-servers=127.0.0.1:9", "--newswire.ingest.poll.initial-delay=1h");
		}
		catch (RuntimeException expected) {
			return;
		}
		finally {
			if (context != null) {
				context.close();
			}
		}
		fail("start-up should fail with " + badSetting);
	}

}
