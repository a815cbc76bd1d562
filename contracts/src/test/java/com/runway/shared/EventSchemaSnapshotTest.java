package com.runway.shared;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Published events must not change their JSON shape silently: consumers (other services, stored
 * events replayed years later) rely on it. Each event's shape and revision are checked in; a shape
 * that differs under the same revision fails, and the fix is a new {@code @Revision} with an
 * upcaster from the old one. After such a deliberate change, regenerate the snapshot with
 * {@code ./mvnw -pl contracts test -Dtest=EventSchemaSnapshotTest -Drunway.update-event-schemas=true}.
 */
class EventSchemaSnapshotTest {

    private static final Path SNAPSHOT = Path.of("src/test/resources/event-schemas.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void noEventChangesItsShapeWithoutANewRevision() throws Exception {
        ObjectNode current = JsonNodeFactory.instance.objectNode();
        List<Class<?>> events = MessageSerializationTest.contractRecords()
                .filter(type -> type.getSimpleName().endsWith("Event"))
                .sorted(Comparator.comparing(Class::getName)).toList();
        assertThat(events).hasSizeGreaterThan(20);
        for (Class<?> event : events) {
            Revision revision = event.getAnnotation(Revision.class);
            current.putObject(event.getName())
                    .put("revision", revision == null ? "1" : revision.value())
                    .set("shape", shape(event));
        }
        if (Boolean.getBoolean("runway.update-event-schemas")) {
            Files.writeString(SNAPSHOT, JSON.writeValueAsString(current) + "\n");
        }
        JsonNode recorded = JSON.readTree(SNAPSHOT.toFile());
        for (Class<?> event : events) {
            JsonNode was = recorded.get(event.getName());
            JsonNode now = current.get(event.getName());
            assertThat(was).as(event.getSimpleName() + " is new: record its schema (see this test's javadoc)").isNotNull();
            if (was.get("revision").equals(now.get("revision"))) {
                assertThat(now.get("shape")).as(event.getSimpleName() + " changed its JSON shape without a new @Revision")
                        .isEqualTo(was.get("shape"));
            } else {
                assertThat(now.get("revision").asText()).as(event.getSimpleName() + " has a new revision: record its schema")
                        .isEqualTo(was.get("revision").asText());
            }
        }
    }

    /** The JSON shape a type serializes to: field names and kinds, recursively. */
    private static JsonNode shape(Type type) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            if (List.class.isAssignableFrom(raw)) {
                return nodes.objectNode().set("listOf", shape(parameterized.getActualTypeArguments()[0]));
            }
            return nodes.textNode(raw.getSimpleName());
        }
        Class<?> clazz = (Class<?>) type;
        if (clazz.isEnum()) {
            return nodes.textNode("enum" + Arrays.toString(clazz.getEnumConstants()));
        }
        if (Arrays.stream(clazz.getDeclaredMethods()).anyMatch(m -> m.isAnnotationPresent(JsonValue.class))) {
            return nodes.textNode("string");
        }
        if (clazz.isRecord()) {
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            for (RecordComponent component : clazz.getRecordComponents()) {
                fields.put(component.getName(), shape(component.getGenericType()));
            }
            ObjectNode object = nodes.objectNode();
            fields.forEach(object::set);
            return object;
        }
        return nodes.textNode(clazz.getSimpleName());
    }
}
