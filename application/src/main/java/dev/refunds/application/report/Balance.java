package dev.refunds.application.report;

import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.money.Money;

/**
 * The refunds of one business in one currency created in a window: {@code requested} is every refund asked for,
 * whatever became of it; {@code completed}, {@code failed} and {@code reversed} those in that status now;
 * {@code inFlight} those still reserving their amount (in review, queued or at the processor).
 */
public record Balance(BusinessId businessId, Money requested, Money completed, Money failed, Money reversed,
                      Money inFlight) {
}
