package dev.refunds.domain.payment;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetadataTest {

    @Test
    void the_limits_are_stripes_50_keys_of_40_characters_and_values_of_500() {
        Map<String, String> fifty = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            fifty.put("k" + i, "v".repeat(500));
        }
        fifty.put("x".repeat(40), "1");
        fifty.remove("k0");
        assertThat(new Metadata(fifty).entries()).hasSize(50);

        fifty.put("k0", "v");
        assertThat(Metadata.problemWith(fifty, false)).hasValueSatisfying(p -> assertThat(p).contains("51 keys"));
        assertThat(Metadata.problemWith(Map.of("x".repeat(41), "v"), false)).isPresent();
        assertThat(Metadata.problemWith(Map.of("", "v"), false)).isPresent();
        assertThat(Metadata.problemWith(Map.of("k", "v".repeat(501)), false)).isPresent();
        assertThat(Metadata.problemWith(Map.of("k", ""), false)).as("nothing stored is empty").isPresent();
        assertThat(Metadata.problemWith(Map.of("k", ""), true)).as("an update removes with it").isEmpty();
        assertThatThrownBy(() -> new Metadata(Map.of("k", ""))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_update_sets_keys_removes_those_set_to_empty_and_keeps_the_rest() {
        Metadata current = new Metadata(Map.of("order", "7", "note", "gift", "channel", "web"));

        Metadata updated = current.updatedWith(Map.of("order", "8", "note", "", "new", "yes"));

        assertThat(updated.entries()).containsExactly(Map.entry("channel", "web"), Map.entry("new", "yes"),
                Map.entry("order", "8"));
        assertThat(current.updatedWith(Map.of("absent", "")).entries()).isEqualTo(current.entries());
    }

    @Test
    void an_update_past_fifty_keys_is_refused() {
        Map<String, String> fifty = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            fifty.put("k" + i, "v");
        }
        Metadata full = new Metadata(fifty);

        assertThatThrownBy(() -> full.updatedWith(Map.of("one-more", "v")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(full.updatedWith(Map.of("k1", "", "one-more", "v")).entries()).hasSize(50);
    }
}
