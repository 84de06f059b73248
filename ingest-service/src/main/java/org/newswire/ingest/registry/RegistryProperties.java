package org.newswire.ingest.registry;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code newswire.ingest.registry.*}
 * @param groupId the consumer group whose assignment of {@code news.feeds} partitions decides which
 *     instance polls which feed; all instances of one deployment share it
 * @param sessionTimeout how long a dead instance keeps its feeds before the others take them over
 * @param readTimeout how long to wait for the registry to be read (start-up seeding, ownership changes)
 */
@ConfigurationProperties("newswire.ingest.registry")
@Validated
record RegistryProperties(@NotBlank String groupId, @NotNull @DurationMin(seconds = 6) Duration sessionTimeout,
		@NotNull @DurationMin(seconds = 1) Duration readTimeout) {
}
