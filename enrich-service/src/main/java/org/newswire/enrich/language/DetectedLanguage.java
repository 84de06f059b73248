package org.newswire.enrich.language;

/** An ISO 639-1 language code with the detector's confidence in it, from 0 to 1. */
public record DetectedLanguage(String code, double confidence) {
}
