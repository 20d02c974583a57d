package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.Backend;
import dev.refunds.bootstrap.support.RunningService;
import org.junit.jupiter.api.Test;

import static dev.refunds.bootstrap.v1.Envelopes.assertError;
import static dev.refunds.bootstrap.v1.Envelopes.assertSuccess;

/** {@link OperatorsContract} against MariaDB (shared with other test classes), and two instances on it. */
class OperatorsOnMariaDbTest extends OperatorsContract {
    @Override
    Backend backend() {
        return Backend.MARIADB;
    }

    @Test
    void a_token_revoked_on_one_instance_fails_at_once_on_another() {
        try (RunningService other = RunningService.start(service.database())) {
            String token = operatorToken("Two-instance", "REVIEWER");
            assertSuccess(other.api().get(OPERATORS + "/me", bearer(token)), 200);

            assertSuccess(api.post(OPERATORS + "/" + operatorId(token) + "/revoke", null,
                    dev.refunds.bootstrap.support.Api.admin()), 200);

            assertError(other.api().get(OPERATORS + "/me", bearer(token)), 401, "UNAUTHORIZED");
        }
    }
}
