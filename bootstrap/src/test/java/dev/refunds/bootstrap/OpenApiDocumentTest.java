package dev.refunds.bootstrap;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What a client generator reads from the generated OpenAPI document: ids, tags, statuses, errors, security, types. */
@SuppressWarnings("unchecked")
class OpenApiDocumentTest {
    private static final Set<String> TAGS = Set.of("Payments", "Refunds", "SecPaid v2", "Webhooks", "Admin",
            "Reports", "Operations");
    private static final String ERROR_SCHEMA = "#/components/schemas/ErrorEnvelope";

    private final Map<String, Object> document = load();

    @Test
    void every_operation_has_a_readable_unique_id_a_summary_and_one_known_tag() {
        Set<String> ids = new HashSet<>();
        for (Map<String, Object> operation : operations()) {
            String id = (String) operation.get("operationId");
            assertThat(id).as("operationId").matches("[a-z][A-Za-z0-9]+");
            assertThat(ids.add(id)).as("operationId %s is unique", id).isTrue();
            assertThat((String) operation.get("summary")).as("summary of %s", id).isNotBlank();
            assertThat((List<String>) operation.get("tags")).as("tags of %s", id).hasSize(1)
                    .allMatch(TAGS::contains);
        }
        assertThat(ids).contains("createRefund", "listPaymentRefunds", "approveRefund", "getPayment",
                "rejectRefund", "refundPayment", "createWebhookEndpoint");
    }

    @Test
    void success_statuses_are_the_ones_the_service_answers_with() {
        assertThat(responses("post", "/api/v1/payments")).containsKey("201").doesNotContainKey("200");
        assertThat(responses("post", "/api/v1/payments/{paymentId}/refunds")).containsKey("202")
                .doesNotContainKey("200");
        assertThat(responses("post", "/api/admin/businesses")).containsKey("201");
        assertThat(responses("post", "/api/v1/webhook-endpoints/{endpointId}/recover")).containsKey("202");
        assertThat(responses("post", "/api/admin/refunds/{refundId}/approve")).containsKey("200");
    }

    @Test
    void every_api_operation_is_secured_and_documents_its_errors_in_the_envelope() {
        Map<String, Map<String, Object>> schemes = (Map<String, Map<String, Object>>)
                ((Map<String, Object>) document.get("components")).get("securitySchemes");
        assertThat(schemes.get("ClientId")).containsEntry("type", "apiKey").containsEntry("in", "header")
                .containsEntry("name", "Client-Id");
        assertThat(schemes.get("BusinessId")).containsEntry("name", "Business-Id");
        assertThat(schemes.get("ApiKey")).containsEntry("name", "X-Api-Key");
        assertThat(schemes.get("AdminBearer")).containsEntry("type", "http").containsEntry("scheme", "bearer");
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        paths.forEach((path, methods) -> ((Map<String, Map<String, Object>>) methods).forEach((method, operation) -> {
            if (!path.startsWith("/api/") && !path.equals("/metrics")) {
                return;
            }
            List<Map<String, List<String>>> security = (List<Map<String, List<String>>>) operation.get("security");
            Set<String> names = new HashSet<>();
            security.forEach(requirement -> names.addAll(requirement.keySet()));
            assertThat(names).as("security of %s %s", method, path).isEqualTo(path.startsWith("/api/admin")
                    || path.equals("/metrics") ? Set.of("AdminBearer") : Set.of("ClientId", "BusinessId", "ApiKey"));
            if (!path.startsWith("/api/admin") && !path.equals("/metrics")) {
                assertThat(security).as("one requirement: all three merchant headers together, %s %s", method, path)
                        .containsExactly(Map.of("ClientId", List.of(), "BusinessId", List.of(), "ApiKey", List.of()));
            }
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            assertThat(responses).as("responses of %s %s", method, path).containsKey("401");
            responses.forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    assertThat(response.toString()).as("%s of %s %s", status, method, path).contains(ERROR_SCHEMA);
                }
            });
        }));
    }

    @Test
    void idempotency_keys_are_strings_of_1_to_255_and_limits_are_integers() {
        int keys = 0;
        int limits = 0;
        for (Map<String, Object> operation : operations()) {
            for (Map<String, Object> parameter : (List<Map<String, Object>>) operation.getOrDefault("parameters",
                    List.of())) {
                Map<String, Object> schema = (Map<String, Object>) parameter.get("schema");
                if ("X-Idempotency-Key".equals(parameter.get("name"))) {
                    keys++;
                    assertThat(parameter).containsEntry("in", "header");
                    assertThat(schema).containsEntry("type", "string").containsEntry("minLength", 1)
                            .containsEntry("maxLength", 255);
                } else if ("limit".equals(parameter.get("name"))) {
                    limits++;
                    assertThat(schema).containsEntry("type", "integer").containsEntry("minimum", 1)
                            .containsEntry("maximum", 100);
                }
            }
        }
        assertThat(keys).isGreaterThanOrEqualTo(20);
        assertThat(limits).isGreaterThanOrEqualTo(10);
    }

    @Test
    void the_reject_body_is_optional_and_the_webhook_endpoint_body_is_an_object() {
        Map<String, Object> reject = operation("post", "/api/admin/refunds/{refundId}/reject");
        assertThat((Map<String, Object>) reject.get("requestBody")).containsEntry("required", false);
        Map<String, Object> create = operation("post", "/api/v1/webhook-endpoints");
        String body = create.get("requestBody").toString();
        assertThat(body).contains("#/components/schemas/CreateWebhookEndpointBody");
        Map<String, Object> schema = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                document.get("components")).get("schemas")).get("CreateWebhookEndpointBody");
        assertThat(schema).containsEntry("type", "object");
        assertThat((Map<String, Object>) schema.get("properties")).containsKeys("url", "events");
    }

    @Test
    void every_success_answer_has_a_typed_envelope_schema() {
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        paths.forEach((path, methods) -> ((Map<String, Map<String, Object>>) methods).forEach((method, operation) ->
                ((Map<String, Map<String, Object>>) operation.get("responses")).forEach((status, response) -> {
                    if (!status.startsWith("2") || path.endsWith(".csv") || path.equals("/metrics")) {
                        return;
                    }
                    String ref = (String) ((Map<String, Object>) ((Map<String, Map<String, Object>>)
                            response.get("content")).get("application/json").get("schema")).get("$ref");
                    assertThat(ref).as("%s of %s %s", status, method, path).startsWith("#/components/schemas/");
                    Map<String, Object> envelope = schema(ref.substring("#/components/schemas/".length()));
                    assertThat((List<String>) envelope.get("required")).as(ref).contains("status", "data");
                    assertThat(envelope.get("properties").toString()).as(ref).contains("enum=[success]");
                })));
    }

    @Test
    void statuses_are_enums_amounts_and_ids_have_patterns_and_metadata_has_its_limits() {
        Map<String, Map<String, Object>> payment = (Map<String, Map<String, Object>>) schema("Payment")
                .get("properties");
        assertThat((List<String>) payment.get("status").get("enum"))
                .containsExactly("PENDING", "COMPLETED", "CANCELLED", "REFUNDED");
        assertThat("1000.00").matches((String) payment.get("amount").get("pattern"));
        assertThat("500").matches((String) payment.get("refundableAmount").get("pattern"));
        assertThat("10.5.0").doesNotMatch((String) payment.get("amount").get("pattern"));
        assertThat("PAY_20260517_K8X3M2QZ7D").matches((String) payment.get("paymentId").get("pattern"));
        assertThat(payment.get("metadata")).containsEntry("maxProperties", 50)
                .containsEntry("additionalProperties", Map.of("type", "string", "minLength", 1, "maxLength", 500));
        assertThat((List<String>) schema("Payment").get("required")).contains("paymentId", "amount", "status",
                "metadata").doesNotContain("merchantRef", "completedAt");
        Map<String, Map<String, Object>> refund = (Map<String, Map<String, Object>>) schema("Refund")
                .get("properties");
        assertThat((List<String>) refund.get("status").get("enum")).contains("PENDING_REVIEW", "REVERSED");
        assertThat("REF_20260517_M4N1J7QZ7D").matches((String) refund.get("refundId").get("pattern"));
        assertThat(refund.get("amount")).containsKey("example");
        assertThat(schema("SecPaidView").get("properties").toString()).contains("Pending", "Reversed");
        assertThat((List<String>) schema("ErrorBody").get("required")).containsExactly("code", "message");
    }

    private Map<String, Object> schema(String name) {
        Map<String, Object> schema = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                document.get("components")).get("schemas")).get(name);
        assertThat(schema).as("schema %s", name).isNotNull();
        return schema;
    }

    private List<Map<String, Object>> operations() {
        List<Map<String, Object>> all = new ArrayList<>();
        ((Map<String, Map<String, Map<String, Object>>>) document.get("paths")).values()
                .forEach(methods -> all.addAll(methods.values()));
        assertThat(all).hasSizeGreaterThan(40);
        return all;
    }

    private Map<String, Object> operation(String method, String path) {
        return ((Map<String, Map<String, Map<String, Object>>>) document.get("paths")).get(path).get(method);
    }

    private Map<String, Object> responses(String method, String path) {
        return (Map<String, Object>) operation(method, path).get("responses");
    }

    private static Map<String, Object> load() {
        try (InputStream in = OpenApiDocumentTest.class.getClassLoader()
                .getResourceAsStream("META-INF/swagger/refunds-openapi.yml")) {
            assertThat(in).as("the generated document on the class path").isNotNull();
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
