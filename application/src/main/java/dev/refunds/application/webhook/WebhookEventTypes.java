package dev.refunds.application.webhook;

import dev.refunds.application.view.RefundEventType;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Event types by the names subscribers see ({@code refund.created} …). */
public final class WebhookEventTypes {
    private WebhookEventTypes() {
    }

    public static Optional<RefundEventType> byWireName(String wireName) {
        return Arrays.stream(RefundEventType.values()).filter(type -> type.wireName().equals(wireName)).findFirst();
    }

    public static Set<RefundEventType> all() {
        return EnumSet.allOf(RefundEventType.class);
    }

    public static String wireNames() {
        return String.join(", ", Arrays.stream(RefundEventType.values()).map(RefundEventType::wireName).toList());
    }
}
