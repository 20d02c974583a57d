package dev.refunds.bootstrap;

import dev.refunds.application.view.PaymentView;
import dev.refunds.application.view.RefundView;
import io.micronaut.serde.annotation.SerdeImport;

/** The application's views are plain records; REST answers and outbox payloads both serialise them. */
@SerdeImport(PaymentView.class)
@SerdeImport(RefundView.class)
final class SerdeImports {
    private SerdeImports() {
    }
}
