package dev.refunds.rest.admin;

import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.Parameter;
import dev.refunds.rest.JsonBody;
import io.micronaut.http.HttpRequest;
import dev.refunds.rest.IdempotentPosts;
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
    private final IdempotentPosts posts;

    BusinessAdminController(CreateBusinessUseCase create, IdempotentPosts posts) {
        this.create = create;
        this.posts = posts;
    }

    @Parameter(in = ParameterIn.HEADER, name = IdempotentPosts.KEY_HEADER, description = IdempotentPosts.KEY_DOC)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CreateBusinessBody.class)))
    @Post
    HttpResponse<?> create(HttpRequest<?> request, @Body byte[] json) {
        CreateBusinessBody body = CreateBusinessBody.from(JsonBody.parse(json));
        return posts.run(request, AdminScope.NAME, body, () -> HttpResponse.created(
                SuccessEnvelope.of(BusinessCreatedView.of(create.handle(body.toCommand())))),
                BusinessAdminController::withoutApiKey);
    }

    /** The API key is shown once and stored only as a hash: a replay of this answer shows it redacted. */
    private static Object withoutApiKey(Object answer) {
        if (answer instanceof SuccessEnvelope envelope && envelope.data() instanceof BusinessCreatedView view) {
            return SuccessEnvelope.of(view.withApiKey(BusinessCreatedView.API_KEY_REDACTED));
        }
        return answer;
    }
}
