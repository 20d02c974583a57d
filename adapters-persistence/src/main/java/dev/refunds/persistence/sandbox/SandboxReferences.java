package dev.refunds.persistence.sandbox;

import dev.refunds.domain.payment.RefundId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The sandbox processor's references, derived from the refund id so that every instance and every repeated call
 * gives the same ones: its own id for the refund, and a 23-digit acquirer reference number (22 digits and a Luhn
 * check digit, the shape card networks use).
 */
final class SandboxReferences {
    static final int ARN_DIGITS = 23;

    private SandboxReferences() {
    }

    static String processorReference(RefundId refundId) {
        return "sbx_" + refundId.value();
    }

    static String acquirerReference(RefundId refundId) {
        byte[] hash = sha256(refundId.value());
        StringBuilder digits = new StringBuilder(ARN_DIGITS);
        for (int i = 0; digits.length() < ARN_DIGITS - 1; i++) {
            digits.append(Math.floorMod(hash[i % hash.length] + i, 10));
        }
        return digits.append(luhnCheckDigit(digits)).toString();
    }

    static int luhnCheckDigit(CharSequence digits) {
        int sum = 0;
        for (int i = digits.length() - 1, position = 0; i >= 0; i--, position++) {
            int digit = digits.charAt(i) - '0';
            if (position % 2 == 0) {
                digit *= 2;
                digit = digit > 9 ? digit - 9 : digit;
            }
            sum += digit;
        }
        return (10 - sum % 10) % 10;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
