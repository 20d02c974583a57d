import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Run by the build (exec-maven-plugin, process-classes) on the document micronaut-openapi generated, for what its
 * annotations cannot say:
 * <ul>
 * <li>the three merchant headers are ONE security requirement (all together), where the processor lists each
 * {@code @SecurityRequirement} as an alternative;</li>
 * <li>in a response schema every property that is not nullable is required: the service serialises every field
 * (nulls included), but the processor marks as required only the fields that carry no {@code @Schema};</li>
 * <li>{@code metadata} values are strings of 1-500 characters (an annotation can only point at a class);</li>
 * <li>a nullable object field ({@code nullable} beside {@code allOf} one schema) becomes a nullable copy of that
 * schema: JSON Schema validators try {@code allOf} on a null before they look at {@code nullable};</li>
 * <li>errors are JSON envelopes even where the operation produces something else ({@code /metrics}): the
 * processor files them under the operation's own media type;</li>
 * <li>a record with {@code @JsonProperty} components gets a phantom property named after its schema: removed.</li>
 * </ul>
 */
@SuppressWarnings("unchecked")
public final class OpenApiPostProcessor {
    static final Set<String> MERCHANT = Set.of("ClientId", "BusinessId", "ApiKey");
    static final String SCHEMAS = "#/components/schemas/";

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        Map<String, Object> document;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            document = new Yaml().load(in);
        }
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components"))
                .get("schemas");
        Set<String> answered = new HashSet<>();
        ((Map<String, Map<String, Map<String, Object>>>) document.get("paths")).values()
                .forEach(methods -> methods.values().forEach(operation -> {
                    joinMerchantSecurity(operation);
                    errorsAreJson((Map<String, Map<String, Object>>) operation.get("responses"));
                    collectRefs(operation.get("responses"), schemas, answered);
                }));
        schemas.forEach((name, schema) -> {
            Map<String, Object> properties = (Map<String, Object>) ((Map<String, Object>) schema).get("properties");
            if (properties != null) {
                properties.remove(name);
            }
        });
        answered.forEach(name -> requireWhatIsNeverNull((Map<String, Object>) schemas.get(name)));
        schemas.values().forEach(schema -> inlineNullableObjects(schemas, (Map<String, Object>) schema));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(120);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new Yaml(options).dump(document, out);
        }
    }

    static void joinMerchantSecurity(Map<String, Object> operation) {
        List<Map<String, Object>> security = (List<Map<String, Object>>) operation.get("security");
        if (security == null) {
            return;
        }
        Set<String> names = new HashSet<>();
        security.forEach(requirement -> names.addAll(requirement.keySet()));
        if (names.equals(MERCHANT)) {
            Map<String, Object> all = new LinkedHashMap<>();
            for (String name : List.of("ClientId", "BusinessId", "ApiKey")) {
                all.put(name, new ArrayList<>());
            }
            operation.put("security", new ArrayList<>(List.of(all)));
        }
    }

    static void errorsAreJson(Map<String, Map<String, Object>> responses) {
        responses.forEach((status, response) -> {
            Map<String, Object> content = (Map<String, Object>) response.get("content");
            if ((status.startsWith("4") || status.startsWith("5")) && content != null && content.size() == 1
                    && content.toString().contains(SCHEMAS + "ErrorEnvelope")) {
                Object media = content.values().iterator().next();
                content.clear();
                content.put("application/json", media);
            }
        });
    }

    /** Every schema a response names, and every schema those name, into {@code into}. */
    static void collectRefs(Object node, Map<String, Object> schemas, Set<String> into) {
        if (node instanceof Map<?, ?> map) {
            Object ref = map.get("$ref");
            if (ref instanceof String text && text.startsWith(SCHEMAS)) {
                String name = text.substring(SCHEMAS.length());
                if (into.add(name)) {
                    collectRefs(schemas.get(name), schemas, into);
                }
            }
            map.values().forEach(value -> collectRefs(value, schemas, into));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> collectRefs(value, schemas, into));
        }
    }

    static void inlineNullableObjects(Map<String, Object> schemas, Map<String, Object> schema) {
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schema.get("properties");
        if (properties == null) {
            return;
        }
        properties.values().forEach(property -> {
            if (Boolean.TRUE.equals(property.get("nullable")) && property.get("allOf") instanceof List<?> allOf
                    && allOf.size() == 1) {
                String ref = (String) ((Map<String, Object>) allOf.get(0)).get("$ref");
                property.remove("allOf");
                ((Map<String, Object>) schemas.get(ref.substring(SCHEMAS.length()))).forEach(property::putIfAbsent);
            }
        });
    }

    static void requireWhatIsNeverNull(Map<String, Object> schema) {
        Map<String, Map<String, Object>> properties = schema == null ? null
                : (Map<String, Map<String, Object>>) schema.get("properties");
        if (properties == null) {
            return;
        }
        List<String> required = new ArrayList<>();
        properties.forEach((name, property) -> {
            if (!Boolean.TRUE.equals(property.get("nullable"))) {
                required.add(name);
            }
            if (name.equals("metadata")) {
                property.put("additionalProperties", new LinkedHashMap<>(Map.of("type", "string",
                        "minLength", 1, "maxLength", 500)));
            }
        });
        schema.put("required", required);
    }
}
