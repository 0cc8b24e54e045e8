# syntax=docker/dockerfile:1
# One image for every service: `docker run news-pipeline ingest|classify|enrich ...`.
# Configured only through the environment: KAFKA_BOOTSTRAP_SERVERS, KAFKA_* (any Kafka client
# setting) and NEWS_* (the pipeline's own keys), see README.md.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# Everything .dockerignore lets through; the Maven cache mount keeps downloads between builds.
COPY . .
# Tests run in CI (.ci/run); the image build only packages.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /var/lib/news-pipeline news \
 && mkdir -p /var/lib/news-pipeline/state /data/inbox \
 && chown -R news /var/lib/news-pipeline /data
COPY --from=build /src/app/target/lib/ /opt/news-pipeline/lib/
COPY --from=build /src/app/target/news-pipeline.jar /opt/news-pipeline/
USER news
WORKDIR /var/lib/news-pipeline
ENV NEWS_STATE_DIR=/var/lib/news-pipeline/state \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
VOLUME ["/var/lib/news-pipeline/state"]
ENTRYPOINT ["java", "-jar", "/opt/news-pipeline/news-pipeline.jar"]
CMD ["--help"]
