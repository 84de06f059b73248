package org.newswire.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StackExtensionTest {

	@Test
	void readsTheAnnotationOfTheTestClass() {
		assertThat(StackExtension.annotation(KafkaOnly.class)).hasValueSatisfying(a -> assertThat(a.elasticsearch()).isFalse());
	}

	@Test
	void readsTheAnnotationOfAnEnclosingClassForNestedTests() {
		assertThat(StackExtension.annotation(KafkaOnly.Inner.class))
			.hasValueSatisfying(a -> assertThat(a.elasticsearch()).isFalse());
	}

	@Test
	void readsTheAnnotationOfASuperclass() {
		assertThat(StackExtension.annotation(Subclass.class)).hasValueSatisfying(a -> assertThat(a.elasticsearch()).isTrue());
	}

	@NewswireStack(elasticsearch = false)
	static class KafkaOnly {

		@Nested
		class Inner {

		}

	}

	@NewswireStack
	static class Base {

	}

	static class Subclass extends Base {

	}

}
