package dev.refunds.application.business;

/** Creates a business and its one-time-visible API key. */
public interface CreateBusinessUseCase {
    CreatedBusiness handle(CreateBusinessCommand command);
}
