package org.newswire.search.query;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExportRowTest {

	@Test
	void quotesCellsWithSeparatorsAndDoublesQuotes() {
		assertThat(ExportController.cell("Ports, rail \"and\" roads")).isEqualTo("\"Ports, rail \"\"and\"\" roads\"");
		assertThat(ExportController.cell("line\nbreak")).isEqualTo("\"line\nbreak\"");
		assertThat(ExportController.cell(null)).isEmpty();
	}

	@Test
	void defusesCellsASpreadsheetWouldRunAsFormulas() {
		assertThat(ExportController.cell("=HYPERLINK(\"http://x\")")).startsWith("\"'=HYPERLINK");
		assertThat(ExportController.cell("+1")).isEqualTo("'+1");
		assertThat(ExportController.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(ExportController.cell("plain")).isEqualTo("plain");
	}

}
