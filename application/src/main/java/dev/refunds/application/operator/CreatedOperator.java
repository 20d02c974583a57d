package dev.refunds.application.operator;

/** A new operator and its bearer token, which is shown this once and stored only as a keyed hash. */
public record CreatedOperator(Operator operator, String token) {
}
