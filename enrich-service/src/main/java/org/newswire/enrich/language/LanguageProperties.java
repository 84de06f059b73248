package org.newswire.enrich.language;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code newswire.enrich.language.*}: the ISO 639-1 codes the detector chooses among (default
 * {@link LanguageDetector#DEFAULT_LANGUAGES}), and whether it uses trigram models only
 * ({@code low-accuracy}, default true: about 50 MB for the default languages; full models need
 * gigabytes for that many).
 */
@Validated
@ConfigurationProperties("newswire.enrich.language")
public record LanguageProperties(@NotEmpty @Size(min = 2) List<String> languages,
		@DefaultValue("true") boolean lowAccuracy) {

	public LanguageProperties {
		languages = languages == null || languages.isEmpty() ? LanguageDetector.DEFAULT_LANGUAGES : List.copyOf(languages);
	}

}
