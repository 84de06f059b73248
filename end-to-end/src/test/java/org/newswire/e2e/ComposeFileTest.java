package org.newswire.e2e;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compose cannot run on the build machines, so this checks what can be checked without it: the
 * services and images, ports against each service's {@code server.port}, health checks on actuator,
 * start-up order on health, named volumes, and that every environment variable compose sets is a
 * setting the service really has (by Spring's relaxed binding: NEWSWIRE_INGEST_POLL_FEEDURLS is
 * newswire.ingest.poll.feed-urls).
 */
class ComposeFileTest {

	private static final Path ROOT = Path.of("..");

	private static final Set<String> SPRING_SETTINGS = Set.of("spring.kafka.bootstrap-servers", "server.port",
			"java.tool.options", "spring.profiles.active");

	private static Map<String, Object> compose;

	@BeforeAll
	static void readComposeFile() throws IOException {
		compose = yaml(ROOT.resolve("docker-compose.yml"));
	}

	@Test
	void runsKafkaInKraftModeAndElasticsearch819WithNamedVolumes() {
		Map<String, Object> kafka = service("kafka");
		assertThat((String) kafka.get("image")).startsWith("apache/kafka:4.");
		assertThat(map(kafka, "environment")).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
		Map<String, Object> elasticsearch = service("elasticsearch");
		assertThat((String) elasticsearch.get("image")).startsWith("docker.elastic.co/elasticsearch/elasticsearch:8.19.");
		assertThat(map(elasticsearch, "environment")).containsEntry("discovery.type", "single-node");
		assertThat(map(compose, "volumes")).containsKeys("kafka-data", "es-data");
		assertThat(list(kafka, "volumes")).anySatisfy(volume -> assertThat(volume).startsWith("kafka-data:"));
		assertThat(list(elasticsearch, "volumes")).anySatisfy(volume -> assertThat(volume).startsWith("es-data:"));
		assertThat(map(kafka, "healthcheck")).containsKey("test");
		assertThat(map(elasticsearch, "healthcheck").get("test").toString()).contains("_cluster/health");
	}

	@ParameterizedTest
	@CsvSource({ "ingest-service, 8081, kafka", "enrich-service, 8082, kafka",
			"search-service, 8083, kafka elasticsearch" })
	void buildsEachServiceWithItsPortHealthCheckAndStartOrder(String name, int port, String dependsOn)
			throws IOException {
		Map<String, Object> service = service(name);
		Map<String, Object> build = map(service, "build");
		assertThat(map(build, "args")).containsEntry("MODULE", name);
		assertThat(ROOT.resolve((String) build.getOrDefault("context", ".")).resolve("Dockerfile")).exists();
		assertThat(ROOT.resolve(name).resolve("pom.xml")).exists();

		assertThat(settings(name)).contains("server.port=" + port);
		assertThat(list(service, "ports")).containsExactly(port + ":" + port);
		assertThat(map(service, "healthcheck").get("test").toString())
			.contains("http://localhost:" + port + "/actuator/health");
		Map<String, Object> dependencies = map(service, "depends_on");
		for (String dependency : dependsOn.split(" ")) {
			assertThat(map(dependencies, dependency)).containsEntry("condition", "service_healthy");
		}
	}

	@ParameterizedTest
	@CsvSource({ "ingest-service", "enrich-service", "search-service" })
	void setsOnlyEnvironmentVariablesTheServiceUnderstands(String name) throws IOException {
		Set<String> known = new HashSet<>();
		for (String setting : settings(name)) {
			known.add(relaxed(setting.substring(0, setting.indexOf('='))));
		}
		SPRING_SETTINGS.forEach(setting -> known.add(relaxed(setting)));

		Map<String, Object> environment = map(service(name), "environment");

		assertThat(environment).containsKey("SPRING_KAFKA_BOOTSTRAP_SERVERS");
		assertThat(environment.keySet()).allSatisfy(variable -> assertThat(known).as(
				"%s in docker-compose.yml is no setting of %s (by relaxed binding); its application.yml lists the settings",
				variable, name)
			.contains(relaxed(variable)));
	}

	/**
	 * A property or environment name with case and separators dropped. Spring maps
	 * {@code spring.kafka.bootstrap-servers} from both SPRING_KAFKA_BOOTSTRAPSERVERS and the legacy
	 * SPRING_KAFKA_BOOTSTRAP_SERVERS, so separators cannot be compared.
	 */
	private static String relaxed(String name) {
		return name.toLowerCase(Locale.ROOT).replaceAll("[._-]", "");
	}

	/** The service's application.yml flattened to {@code key=value} lines. */
	private static List<String> settings(String module) throws IOException {
		Map<String, Object> yml = yaml(ROOT.resolve(module).resolve("src/main/resources/application.yml"));
		List<String> flat = new java.util.ArrayList<>();
		flatten("", yml, flat);
		return flat;
	}

	@SuppressWarnings("unchecked")
	private static void flatten(String prefix, Object value, List<String> into) {
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, child) -> flatten(prefix.isEmpty() ? key.toString() : prefix + "." + key, child, into));
		}
		else {
			into.add(prefix + "=" + value);
		}
	}

	private static Map<String, Object> service(String name) {
		Map<String, Object> service = map(map(compose, "services"), name);
		assertThat(service).as("service %s in docker-compose.yml", name).isNotEmpty();
		return service;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Map<String, Object> parent, String key) {
		Object value = parent.get(key);
		return value instanceof Map ? (Map<String, Object>) value : Map.of();
	}

	@SuppressWarnings("unchecked")
	private static List<String> list(Map<String, Object> parent, String key) {
		Object value = parent.get(key);
		return value instanceof List ? ((List<Object>) value).stream().map(Object::toString).toList() : List.of();
	}

	private static Map<String, Object> yaml(Path file) throws IOException {
		try (Reader reader = Files.newBufferedReader(file)) {
			return new Yaml().load(reader);
		}
	}

}
