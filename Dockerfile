# One image per service, built from this repository: docker build --build-arg MODULE=sagas .
# docker-compose.yml builds all four this way.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests package -pl command-side,sagas,query-side,api-gateway -am

FROM eclipse-temurin:17-jre
ARG MODULE
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 runway
COPY --from=build /src/${MODULE}/target/${MODULE}-*-exec.jar /app/service.jar
USER runway
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Daxoniq.update-checker.disabled=true"
ENTRYPOINT ["java", "-jar", "/app/service.jar"]
