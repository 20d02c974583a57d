package dev.refunds.rest.admin;

import dev.refunds.application.business.CreateBusinessUseCase;
import dev.refunds.rest.SuccessEnvelope;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

@Controller("/api/admin/businesses")
@ExecuteOn(TaskExecutors.BLOCKING)
final class BusinessAdminController {
    private final CreateBusinessUseCase create;

    BusinessAdminController(CreateBusinessUseCase create) {
        this.create = create;
    }

    @Post
    HttpResponse<?> create(@Body CreateBusinessBody body) {
        return HttpResponse.created(SuccessEnvelope.of(BusinessCreatedView.of(create.handle(body.toCommand()))));
    }
}
