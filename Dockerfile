# One image recipe for every service: docker build --build-arg MODULE=search-service --build-arg PORT=8083 .
# Stage 1 builds the module (and the shared modules it needs) with the Maven wrapper.
FROM eclipse-temurin:17-jdk AS build
ARG MODULE
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY events/ events/
COPY fetch/ fetch/
COPY kafka-support/ kafka-support/
COPY test-support/ test-support/
COPY ingest-service/ ingest-service/
COPY enrich-service/ enrich-service/
COPY search-service/ search-service/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -pl ${MODULE} -am -DskipTests package \
 && cp ${MODULE}/target/${MODULE}-*-SNAPSHOT.jar /app.jar \
 && java -Djarmode=tools -jar /app.jar extract --layers --launcher --destination /extracted

# Stage 2 runs it as an unprivileged user from the extracted layers (dependencies change least, so
# they come first and stay cached).
FROM eclipse-temurin:17-jre
ARG PORT=8080
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home /app newswire
WORKDIR /app
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
USER newswire
EXPOSE ${PORT}
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
