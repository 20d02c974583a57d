package dev.refunds.bootstrap.collation;

import dev.refunds.bootstrap.support.Backend;
import dev.refunds.bootstrap.support.JdbcSettings;

class KeysAndIdsCompareByteForByteOnH2Test extends KeysAndIdsCompareByteForByteContract {
    @Override
    JdbcSettings newDatabase() {
        return Backend.H2.newDatabase();
    }
}
