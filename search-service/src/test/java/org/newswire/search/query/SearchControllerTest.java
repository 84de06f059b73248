package org.newswire.search.query;

import java.net.ServerSocket;
import java.time.Duration;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newswire.search.elasticsearch.ElasticsearchConfig;
import org.newswire.search.index.IndexProperties;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.unit.DataSize;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The HTTP contract of errors, against an Elasticsearch address where nothing listens. */
class SearchControllerTest {

	private RestClientTransport transport;

	private MockMvc mvc;

	@BeforeEach
	void setUp() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		this.transport = new RestClientTransport(RestClient.builder(new HttpHost("127.0.0.1", closedPort, "http"))
			.setRequestConfigCallback(c -> c.setConnectTimeout(2000).setSocketTimeout(2000))
			.build(), ElasticsearchConfig.jsonpMapper());
		QueryProperties limits = new QueryProperties(20, 100, 160, 1000);
		IndexProperties index = new IndexProperties("news", "news-v1", 1, 0, DataSize.ofBytes(32766),
				Duration.ofSeconds(1), Duration.ofSeconds(1));
		ArticleSearch search = new ArticleSearch(new ElasticsearchClient(this.transport), index, limits);
		this.mvc = MockMvcBuilders.standaloneSetup(new SearchController(search, limits))
			.setControllerAdvice(new SearchErrors())
			.build();
	}

	@AfterEach
	void tearDown() throws Exception {
		this.transport.close();
	}

	@Test
	void refusesSizeAboveTheMaximumWith400() throws Exception {
		this.mvc.perform(get("/api/articles").param("size", "1000"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.message").value("size must be between 1 and 100, was 1000"));
	}

	@Test
	void refusesASizeThatIsNotANumberWith400() throws Exception {
		this.mvc.perform(get("/api/articles").param("size", "ten"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value(containsString("size")));
	}

	@Test
	void answers503WithoutStackTraceWhenElasticsearchIsUnreachable() throws Exception {
		this.mvc.perform(get("/api/articles").param("q", "sanctions"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.status").value(503))
			.andExpect(jsonPath("$.message").value(containsString("Elasticsearch is not reachable")))
			.andExpect(content().string(not(containsString("Exception"))));
	}

}
