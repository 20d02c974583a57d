package dev.refunds.bootstrap.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * A receiver's check of a Standard Webhooks signature, written from the spec and independent of the service's
 * signer: the key is the base64 after {@code whsec_}; the header lists space-separated {@code v1,<base64>}.
 */
final class Signatures {
    private Signatures() {
    }

    static boolean verify(String secret, String id, String timestamp, String body, String header) {
        byte[] expected = ("v1," + hmac(secret, id + "." + timestamp + "." + body)).getBytes(StandardCharsets.UTF_8);
        for (String signature : header.split(" ")) {
            if (MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }

    private static String hmac(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                    "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
