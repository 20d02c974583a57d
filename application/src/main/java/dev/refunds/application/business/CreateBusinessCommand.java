package dev.refunds.application.business;

import dev.refunds.domain.business.Business;
import dev.refunds.domain.business.RefundPolicy;

import java.util.Objects;

/** An admin creates a merchant with its refund policy. */
public record CreateBusinessCommand(String name, RefundPolicy policy) {
    public CreateBusinessCommand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(policy, "policy");
        if (name.isBlank() || name.length() > Business.NAME_LENGTH_MAX) {
            throw new IllegalArgumentException("name must be 1-" + Business.NAME_LENGTH_MAX + " characters");
        }
    }
}
