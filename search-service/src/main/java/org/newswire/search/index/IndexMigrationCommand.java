package org.newswire.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar search-service.jar --spring.main.web-application-type=none
 * --newswire.search.migration.target=news-v2}: runs {@link IndexMigration} instead of the service
 * (the live listener does not start in this mode), then exits with 0 on success.
 */
@Component
@ConditionalOnProperty(MigrationMode.TARGET)
class IndexMigrationCommand implements ApplicationRunner {

	private final ElasticsearchClient client;

	private final IndexProperties properties;

	private final KafkaProperties kafka;

	private final ConfigurableApplicationContext context;

	IndexMigrationCommand(ElasticsearchClient client, IndexProperties properties, KafkaProperties kafka,
			ConfigurableApplicationContext context) {
		this.client = client;
		this.properties = properties;
		this.kafka = kafka;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		String target = this.context.getEnvironment().getRequiredProperty(MigrationMode.TARGET);
		IndexMigration.Result result = new IndexMigration(this.client, this.properties,
				this.kafka.buildConsumerProperties())
			.migrate(target);
		System.out.println("Migrated alias " + this.properties.alias() + " from " + result.from() + " to "
				+ result.to() + ": " + result.indexed() + " articles indexed, " + result.skipped() + " skipped");
		System.exit(SpringApplication.exit(this.context, () -> 0));
	}

}
