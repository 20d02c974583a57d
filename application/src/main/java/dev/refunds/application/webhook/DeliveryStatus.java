package dev.refunds.application.webhook;

/** {@code PENDING} until an attempt gets a 2xx ({@code SUCCEEDED}) or the schedule runs out ({@code FAILED}). */
public enum DeliveryStatus {
    PENDING, SUCCEEDED, FAILED
}
