package dev.refunds.rest.schema;

import dev.refunds.application.view.PaymentView;
import dev.refunds.application.view.RefundView;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented shapes of the application's views name the same fields, of the same types, in the same order. */
class SchemasMirrorTheirViewsTest {

    @Test
    void the_payment_schema_is_the_payment_view() {
        assertThat(fields(PaymentSchema.class)).isEqualTo(fields(PaymentView.class));
    }

    @Test
    void the_refund_schema_is_the_refund_view() {
        assertThat(fields(RefundSchema.class)).isEqualTo(fields(RefundView.class));
    }

    @Test
    void the_admin_refund_schema_is_the_refund_view_unwrapped_and_its_business() {
        List<String> expected = new ArrayList<>(fields(RefundView.class));
        expected.add("businessId String");
        assertThat(fields(AdminRefundSchema.class)).isEqualTo(expected);
    }

    private static List<String> fields(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents())
                .map(component -> component.getName() + " " + component.getGenericType().getTypeName()
                        .replaceAll("java\\.(lang|util)\\.", "")).toList();
    }
}
