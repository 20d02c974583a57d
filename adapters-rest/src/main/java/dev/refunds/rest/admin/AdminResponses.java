package dev.refunds.rest.admin;

import dev.refunds.rest.schema.Formats;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The success envelopes of the admin API, one per shape of {@code data} (the OpenAPI document's schemas). */
final class AdminResponses {
    private AdminResponses() {
    }

    @Schema(name = "BusinessCreatedResponse")
    record BusinessCreatedResponse(@Schema(allowableValues = Formats.SUCCESS) String status,
                                   BusinessCreatedView data) {
    }

    @Schema(name = "BusinessPage", description = "One cursor page of businesses")
    record BusinessPage(List<BusinessView> items, boolean hasMore) {
    }

    @Schema(name = "BusinessPageResponse")
    record BusinessPageResponse(@Schema(allowableValues = Formats.SUCCESS) String status, BusinessPage data) {
    }

    @Schema(name = "RotatedApiKey", description = "The business's new API key, shown once")
    record RotatedApiKey(@Schema(pattern = Formats.ID, example = "HB_71c4a09e3f52") String businessId,
                         @Schema(example = "sk_live_…") String apiKey) {
    }

    @Schema(name = "RotatedApiKeyResponse")
    record RotatedApiKeyResponse(@Schema(allowableValues = Formats.SUCCESS) String status, RotatedApiKey data) {
    }

    @Schema(name = "DisputeResponse")
    record DisputeResponse(@Schema(allowableValues = Formats.SUCCESS) String status, DisputeView data) {
    }

    @Schema(name = "DisputePage", description = "One cursor page of disputes")
    record DisputePage(List<DisputeView> items, boolean hasMore) {
    }

    @Schema(name = "DisputePageResponse")
    record DisputePageResponse(@Schema(allowableValues = Formats.SUCCESS) String status, DisputePage data) {
    }

    @Schema(name = "PaymentDetailResponse")
    record PaymentDetailResponse(@Schema(allowableValues = Formats.SUCCESS) String status, PaymentDetailView data) {
    }

    @Schema(name = "OperatorCreatedResponse")
    record OperatorCreatedResponse(@Schema(allowableValues = Formats.SUCCESS) String status,
                                   OperatorCreatedView data) {
    }

    @Schema(name = "OperatorResponse")
    record OperatorResponse(@Schema(allowableValues = Formats.SUCCESS) String status, OperatorView data) {
    }

    @Schema(name = "OperatorPage", description = "One cursor page of operators")
    record OperatorPage(List<OperatorView> items, boolean hasMore) {
    }

    @Schema(name = "OperatorPageResponse")
    record OperatorPageResponse(@Schema(allowableValues = Formats.SUCCESS) String status, OperatorPage data) {
    }

    @Schema(name = "AuditRecordPage", description = "One cursor page of audit records, newest first")
    record AuditRecordPage(List<AuditRecordView> items, boolean hasMore) {
    }

    @Schema(name = "AuditRecordPageResponse")
    record AuditRecordPageResponse(@Schema(allowableValues = Formats.SUCCESS) String status,
                                   AuditRecordPage data) {
    }
}
