package dev.refunds.rest.admin;

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
@Controller("/api/admin/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AuditController {
    private final AuditTrailUseCase trail;

    AuditController(AuditTrailUseCase trail) {
        this.trail = trail;
    }

    @Get
    HttpResponse<?> list(@QueryValue Optional<String> operatorId, @QueryValue Optional<String> subject,
                         @QueryValue Optional<String> limit, @QueryValue Optional<String> startingAfter) {
        AuditQuery query = new AuditQuery(QueryFilters.id(operatorId, "operatorId"), QueryFilters.id(subject, "subject"));
        return HttpResponse.ok(SuccessEnvelope.of(ListView.of(trail.list(query, Paging.of(limit, startingAfter)),
                AuditRecordView::of)));
    }
}
