package org.newswire.search.index;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class IndexPropertiesTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Properties.class);

	@Test
	void defaultsToVersionOneBehindTheNewsAlias() {
		this.context.run(ctx -> {
			IndexProperties properties = ctx.getBean(IndexProperties.class);
			assertThat(properties.alias()).isEqualTo("news");
			assertThat(properties.name()).isEqualTo("news-v1");
			assertThat(properties.replicas()).isZero();
			assertThat(properties.maxTextSize().toBytes()).isEqualTo(32766);
		});
	}

	@Test
	void refusesAnIndexNameOutsideTheTemplatePattern() {
		this.context.withPropertyValues("newswire.search.index.name=articles-v2")
			.run(ctx -> assertThat(ctx).getFailure()
				.rootCause()
				.hasMessageContaining("newswire.search.index.name (articles-v2) must start with"));
	}

	@Test
	void refusesNegativeReplicasNamingTheProperty() {
		this.context.withPropertyValues("newswire.search.index.replicas=-1")
			.run(ctx -> assertThat(ctx).getFailure().hasStackTraceContaining("newswire.search.index.replicas"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(IndexProperties.class)
	static class Properties {

	}

}
