package dev.refunds.rest.admin;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameter;
import dev.refunds.rest.doc.AdminApi;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import dev.refunds.rest.doc.PagedList;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.refunds.application.audit.AuditQuery;
import dev.refunds.application.audit.AuditTrailUseCase;
import dev.refunds.rest.ListView;
import dev.refunds.rest.Paging;
import dev.refunds.rest.SuccessEnvelope;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Optional;

/** The audit trail, newest first. Read only: no route updates or deletes a record. */
@Tag(name = "Admin")
@AdminApi
@Controller("/api/admin/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AuditController {
    private final AuditTrailUseCase trail;

    AuditController(AuditTrailUseCase trail) {
        this.trail = trail;
    }

    @Operation(operationId = "listAuditRecords", summary = "Read the audit trail")
    @ApiResponse(responseCode = "200", description = "A page of audit records",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AdminResponses.AuditRecordPageResponse.class)))
    @PagedList
    @Get
    HttpResponse<?> list(@QueryValue Optional<String> operatorId, @QueryValue Optional<String> subject,
                         @Parameter(description = "Page size, 1-100 (default 20)",
                                 schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "100"))
                         @QueryValue Optional<String> limit, @QueryValue Optional<String> startingAfter) {
        AuditQuery query = new AuditQuery(QueryFilters.id(operatorId, "operatorId"), QueryFilters.id(subject, "subject"));
        return HttpResponse.ok(SuccessEnvelope.of(ListView.of(trail.list(query, Paging.of(limit, startingAfter)),
                AuditRecordView::of)));
    }
}
