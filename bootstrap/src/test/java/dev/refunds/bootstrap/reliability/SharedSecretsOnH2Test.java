package dev.refunds.bootstrap.reliability;

import java.util.Map;

/** The embedded default: every start of the test's process opens the same H2 file in the same data folder. */
class SharedSecretsOnH2Test extends SharedSecretsContract {
    @Override
    ServiceProcess launch(String name, Map<String, String> settings) {
        return ServiceProcess.launchEmbedded(name, settings);
    }
}
