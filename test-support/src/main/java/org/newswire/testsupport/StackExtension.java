package org.newswire.testsupport;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Starts what {@link NewswireStack} asks for and publishes its addresses as system properties. */
public final class StackExtension implements BeforeAllCallback {

	@Override
	public void beforeAll(ExtensionContext context) {
		boolean elasticsearch = annotation(context.getRequiredTestClass()).map(NewswireStack::elasticsearch).orElse(true);
		Stack stack = Stack.get();
		// Elasticsearch takes longest: start it while Kafka starts
		CompletableFuture<String> elasticsearchUri = elasticsearch
				? CompletableFuture.supplyAsync(() -> stack.elasticsearchUri().toString()) : null;
		System.setProperty(Stack.KAFKA_PROPERTY, stack.kafkaBootstrapServers());
		if (elasticsearchUri != null) {
			try {
				System.setProperty(Stack.ELASTICSEARCH_PROPERTY, elasticsearchUri.join());
			}
			catch (CompletionException ex) {
				throw (ex.getCause() instanceof RuntimeException runtime) ? runtime : ex;
			}
		}
	}

	/** On the class, a superclass or, for {@code @Nested} classes, an enclosing class. */
	static Optional<NewswireStack> annotation(Class<?> testClass) {
		for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
			Optional<NewswireStack> found = AnnotationSupport.findAnnotation(type, NewswireStack.class);
			if (found.isPresent()) {
				return found;
			}
		}
		return Optional.empty();
	}

}
