package org.newswire.search.index;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The index layout: a versioned index ({@code name}) behind {@code alias}, which is what the
 * service writes to and searches. Moving to a new version means a new {@code name} (it must match
 * {@code <alias>-*}, the template's pattern) and replaying {@code news.enriched} into it.
 * @param alias the alias readers and writers use
 * @param name the concrete index created when the alias does not exist yet
 * @param shards primary shards of new indices
 * @param replicas replicas of new indices (0 on a single node; 1 in a real cluster)
 * @param maxTextSize article text is cut to this many UTF-8 bytes before indexing
 * @param startupTimeout how long start-up waits for Elasticsearch to accept the layout
 * @param retryMaxInterval the longest pause between attempts while Elasticsearch refuses a batch for a
 * reason that may pass (unreachable, 429, 5xx); the Kafka offset is held meanwhile, without limit
 */
@Validated
@ConfigurationProperties("newswire.search.index")
public record IndexProperties(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9_.-]*") @DefaultValue("news") String alias,
		@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9_.-]*") @DefaultValue("news-v1") String name,
		@Positive @DefaultValue("1") int shards, @PositiveOrZero @DefaultValue("0") int replicas,
		@NotNull @DefaultValue("32766B") DataSize maxTextSize, @NotNull @DefaultValue("60s") Duration startupTimeout,
		@NotNull @DefaultValue("30s") Duration retryMaxInterval) {

	public IndexProperties {
		if (alias != null && name != null && !name.startsWith(alias + "-")) {
			throw new IllegalArgumentException("newswire.search.index.name (" + name
					+ ") must start with newswire.search.index.alias + '-' (" + alias + "-), the index template's pattern");
		}
	}

	/** The same layout with another concrete index name (a migration target). */
	public IndexProperties withName(String otherName) {
		return new IndexProperties(this.alias, otherName, this.shards, this.replicas, this.maxTextSize,
				this.startupTimeout, this.retryMaxInterval);
	}

	String templatePattern() {
		return this.alias + "-*";
	}

}
