package dev.refunds.application.port;

import dev.refunds.application.view.RefundEvent;

/** Events written in the same transaction as the state change they report; delivered later, at least once. */
public interface EventOutbox {
    void append(RefundEvent event);
}
