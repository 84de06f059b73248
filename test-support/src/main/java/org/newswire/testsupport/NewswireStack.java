package org.newswire.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a JUnit 5 test class the JVM's real Kafka (and Elasticsearch unless {@code elasticsearch = false}),
 * started once and shared by every test class of the run, and sets {@value Stack#KAFKA_PROPERTY} and
 * {@value Stack#ELASTICSEARCH_PROPERTY} before Spring builds the test's context. Put it above
 * {@code @SpringBootTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(StackExtension.class)
public @interface NewswireStack {

	/** Whether this test needs Elasticsearch too; without it the class waits only for Kafka. */
	boolean elasticsearch() default true;

}
